/**
 * Random small councils for property tests and the disclosure bench (tests only): the four count
 * tables as the aggregate stage writes them (localities and their authority, stocks that follow
 * their flows, breakdowns that add up, money at a tariff), built from their own definitions.
 */
import fc from 'fast-check';
import type { CountRow } from '../../../../src/lib/outputs/tables.ts';
import { addQuarters, quarterLabel, quarterStart, type FinancialQuarter } from '../../../../src/lib/period/quarter.ts';
import type { CountTable } from '../../aggregate/index.ts';

export const AUTHORITY = 'E06000099';
export const FIRST: FinancialQuarter = { startYear: 2024, quarter: 3 };
export const TARIFFS: Record<string, number> = { attachment: 800, results: 1000 };
const CRITERIA = ['worklessness', 'school_attendance'];
const OUTCOMES = ['employment', 'attendance'];

export interface Council {
  readonly localities: number;
  readonly quarters: number;
  /** Per locality and quarter. */
  readonly identified: number[][];
  readonly attached: number[][];
  readonly closing: number[][];
  readonly criteria: number[][][];
  readonly outcomes: number[][][];
  readonly claims: number[][][];
}

/** A share from 0 to 1 in hundredths: fc.double's extremes (5e-324) say nothing about a council. */
const share = fc.integer({ min: 0, max: 100 }).map((n) => n / 100);
const figure = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 12 }));
export const council: fc.Arbitrary<Council> = fc.record({ localities: fc.integer({ min: 2, max: 3 }), quarters: fc.integer({ min: 3, max: 6 }) }).chain(({ localities, quarters }) => {
  const grid = <T>(v: fc.Arbitrary<T>) => fc.array(fc.array(v, { minLength: quarters, maxLength: quarters }), { minLength: localities, maxLength: localities });
  const byKind = (n: number, v: fc.Arbitrary<number>) => fc.array(grid(v), { minLength: n, maxLength: n });
  return fc.record({
    localities: fc.constant(localities),
    quarters: fc.constant(quarters),
    identified: grid(figure),
    attached: grid(figure),
    closing: grid(share),
    criteria: byKind(CRITERIA.length, share),
    outcomes: byKind(OUTCOMES.length, fc.integer({ min: 0, max: 6 })),
    claims: byKind(Object.keys(TARIFFS).length, fc.integer({ min: 0, max: 6 })),
  });
});

/** The four count tables of a council, localities and authority, as the aggregate stage writes them. */
export function tablesOf(c: Council): Record<CountTable, CountRow[]> {
  const tables: Record<CountTable, CountRow[]> = { programme: [], criteria: [], outcomes: [], claims: [] };
  const areas = Array.from({ length: c.localities }, (_, a) => `E0500090${a}`);
  const push = (table: CountTable, q: number, measure: string, breakdown: string, values: number[]) => {
    const fq = addQuarters(FIRST, q);
    const base = { quarter: quarterLabel(fq), quarter_start: quarterStart(fq), measure, breakdown, flag: null };
    values.forEach((value, a) => tables[table].push({ ...base, area_code: areas[a] as string, area_type: 'locality', value }));
    tables[table].push({ ...base, area_code: AUTHORITY, area_type: 'authority', value: values.reduce((s, v) => s + v, 0) });
  };
  const at = (g: number[][], a: number, q: number) => (g[a] as number[])[q] as number;
  const open = areas.map(() => 0);
  const toDate = areas.map(() => 0);
  for (let q = 0; q < c.quarters; q++) {
    const attached = areas.map((_, a) => at(c.attached, a, q));
    const closed = areas.map((_, a) => Math.floor(((open[a] as number) + (attached[a] as number)) * at(c.closing, a, q)));
    areas.forEach((_, a) => {
      open[a] = (open[a] as number) + (attached[a] as number) - (closed[a] as number);
      toDate[a] = (toDate[a] as number) + (attached[a] as number);
    });
    push('programme', q, 'families_identified', 'all', areas.map((_, a) => at(c.identified, a, q)));
    push('programme', q, 'families_attached', 'all', attached);
    push('programme', q, 'families_closed', 'all', closed);
    push('programme', q, 'families_open', 'all', [...open]);
    push('programme', q, 'families_attached_cumulative', 'all', [...toDate]);
    CRITERIA.forEach((name, k) => push('criteria', q, 'families_attached', name, attached.map((n, a) => Math.floor(n * at(c.criteria[k] as number[][], a, q)))));
    for (const measure of ['outcomes_achieved', 'outcomes_sustained']) {
      const parts = OUTCOMES.map((_, k) => areas.map((__, a) => at(c.outcomes[k] as number[][], a, q) >> (measure === 'outcomes_sustained' ? 1 : 0)));
      OUTCOMES.forEach((name, k) => push('outcomes', q, measure, name, parts[k] as number[]));
      push('outcomes', q, measure, 'all', areas.map((_, a) => parts.reduce((s, p) => s + (p[a] as number), 0)));
    }
    const counts = Object.keys(TARIFFS).map((_, k) => areas.map((__, a) => at(c.claims[k] as number[][], a, q)));
    Object.entries(TARIFFS).forEach(([name, tariff], k) => {
      push('claims', q, 'claims', name, counts[k] as number[]);
      push('claims', q, 'claim_amount_gbp', name, (counts[k] as number[]).map((n) => n * tariff));
    });
    push('claims', q, 'claims', 'all', areas.map((_, a) => counts.reduce((s, p) => s + (p[a] as number), 0)));
    push('claims', q, 'claim_amount_gbp', 'all', areas.map((_, a) => counts.reduce((s, p, k) => s + (p[a] as number) * (Object.values(TARIFFS)[k] as number), 0)));
  }
  return tables;
}
