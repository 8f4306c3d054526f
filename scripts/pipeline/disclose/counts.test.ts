import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountRow } from '../../../src/lib/outputs/tables.ts';
import { addQuarters, quarterLabel, quarterStart, type FinancialQuarter } from '../../../src/lib/period/quarter.ts';
import { discloseCounts } from './counts.ts';
import { NO_RELATIONS, TABLE_RELATIONS, type RelationSpec } from './relations.ts';

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

const FIRST: FinancialQuarter = { startYear: 2015, quarter: 1 };
const AUTHORITY = 'E06000014';

function cell(q: number, area: string, measure: string, value: number | null, breakdown = 'all'): CountRow {
  const fq = addQuarters(FIRST, q);
  return {
    quarter: quarterLabel(fq),
    quarter_start: quarterStart(fq),
    area_code: area,
    area_type: area === AUTHORITY ? 'authority' : area === 'E92000001' ? 'comparator' : 'locality',
    measure,
    breakdown,
    value,
    flag: value === null ? '[x]' : null,
  };
}

/** Locality cells for one quarter/measure plus their authority total. */
function areaGroup(q: number, measure: string, values: number[], breakdown = 'all'): CountRow[] {
  const rows = values.map((v, i) => cell(q, `L${i + 1}`, measure, v, breakdown));
  return [...rows, cell(q, AUTHORITY, measure, values.reduce((s, v) => s + v, 0), breakdown)];
}

const AREA_ONLY: RelationSpec = { ...NO_RELATIONS, areaTotals: true };
const CUMULATIVE: RelationSpec = {
  ...NO_RELATIONS,
  areaTotals: true,
  stockFlows: [{ stock: 'families_attached_cumulative', inflows: ['families_attached'], outflows: [] }],
};
/** Everything the random tables below satisfy: programme and claims relations in one table. */
const FULL: RelationSpec = {
  areaTotals: true,
  stockFlows: TABLE_RELATIONS.programme.stockFlows,
  breakdownTotals: TABLE_RELATIONS.claims.breakdownTotals,
  links: TABLE_RELATIONS.claims.links,
};

const options = (relations: RelationSpec, threshold = 5, roundTo: number | null = null) => ({ threshold, roundTo, relations });

const keyOf = (r: CountRow) => `${r.quarter_start}|${r.area_code}|${r.measure}|${r.breakdown}`;
const byKey = (rows: readonly CountRow[]) => new Map(rows.map((r) => [keyOf(r), r]));
const suppressedKeys = (rows: readonly CountRow[]) => rows.filter((r) => r.flag === '[c]').map((r) => `${r.area_code} ${r.measure} ${r.breakdown} q${r.quarter}`);

// ---------------------------------------------------------------------------------------------
// Independent checker. It shares no code with the implementation: it rebuilds the relations
// from what the fixtures mean, and decides recoverability by projecting each suppressed cell's
// unit vector onto the row space of the unknown-cell submatrix (floating-point Gram-Schmidt),
// where the implementation uses exact RREF.
// ---------------------------------------------------------------------------------------------

interface CheckerRelation {
  cells: number[];
  coefs: number[];
}

function checkerRelations(rows: readonly CountRow[], tariffs: Record<string, number>): CheckerRelation[] {
  const idx = new Map(rows.map((r, i) => [keyOf(r), i]));
  const at = (qs: string, area: string, measure: string, breakdown: string) => idx.get(`${qs}|${area}|${measure}|${breakdown}`);
  const starts = [...new Set(rows.map((r) => r.quarter_start))].sort();
  const areas = [...new Set(rows.filter((r) => r.area_type !== 'comparator').map((r) => r.area_code))];
  const localities = areas.filter((a) => a !== AUTHORITY);
  const measures = [...new Set(rows.map((r) => r.measure))];
  const breakdowns = [...new Set(rows.map((r) => r.breakdown))];
  const out: CheckerRelation[] = [];
  const push = (entries: Array<[number | undefined, number]>) => {
    if (entries.some(([c]) => c === undefined)) return;
    out.push({ cells: entries.map(([c]) => c as number), coefs: entries.map(([, k]) => k) });
  };
  for (const qs of starts) {
    for (const m of measures) {
      for (const b of breakdowns) {
        if (at(qs, AUTHORITY, m, b) === undefined) continue;
        push([...localities.map((l) => [at(qs, l, m, b), 1] as [number | undefined, number]), [at(qs, AUTHORITY, m, b), -1]]);
      }
    }
    for (const a of areas) {
      for (const m of ['claims', 'claim_amount_gbp']) {
        const types = breakdowns.filter((b) => b !== 'all' && at(qs, a, m, b) !== undefined);
        if (types.length > 0 && at(qs, a, m, 'all') !== undefined) {
          push([...types.map((t) => [at(qs, a, m, t), 1] as [number | undefined, number]), [at(qs, a, m, 'all'), -1]]);
        }
      }
      for (const t of Object.keys(tariffs)) {
        // amount = tariff × count, the reader's strongest knowledge of the money; a pair with
        // one side not available is taken as unlinked (a documented limit of the model).
        const money = at(qs, a, 'claim_amount_gbp', t);
        const claims = at(qs, a, 'claims', t);
        if (money === undefined || claims === undefined || rows[money]?.flag === '[x]' || rows[claims]?.flag === '[x]') continue;
        push([[money, 1], [claims, -(tariffs[t] as number)]]);
      }
    }
  }
  for (const a of areas) {
    starts.forEach((qs, i) => {
      const prev = i === 0 ? undefined : starts[i - 1];
      // The fixtures start from nothing, so the first quarter's stock equals its flows.
      const cum: Array<[number | undefined, number]> = [[at(qs, a, 'families_attached_cumulative', 'all'), 1], [at(qs, a, 'families_attached', 'all'), -1]];
      const open: Array<[number | undefined, number]> = [
        [at(qs, a, 'families_open', 'all'), 1],
        [at(qs, a, 'families_attached', 'all'), -1],
        [at(qs, a, 'families_closed', 'all'), 1],
      ];
      if (prev !== undefined) {
        cum.push([at(prev, a, 'families_attached_cumulative', 'all'), -1]);
        open.push([at(prev, a, 'families_open', 'all'), -1]);
      }
      push(cum);
      push(open);
    });
  }
  return out;
}

/**
 * Indices of suppressed non-zero cells whose value the published cells and the relations
 * determine. A zero withheld as a complement may come out as 0: zeros are published anyway.
 */
function recoverableCells(input: readonly CountRow[], output: readonly CountRow[], relations: readonly CheckerRelation[]): number[] {
  const unknownCols = new Map<number, number>();
  output.forEach((r, i) => {
    if (r.value === null) unknownCols.set(i, unknownCols.size);
  });
  const width = unknownCols.size;
  const basis: Float64Array[] = [];
  for (const rel of relations) {
    const v = new Float64Array(width);
    rel.cells.forEach((c, j) => {
      const col = unknownCols.get(c);
      // Amounts are measured in £1,000s: scaling a column leaves unchanged which unit vectors
      // lie in the row space, and keeps tariff-sized coefficients from swamping the tolerance.
      const scale = output[c]?.measure === 'claim_amount_gbp' ? 1000 : 1;
      if (col !== undefined) v[col] = (v[col] as number) + (rel.coefs[j] as number) * scale;
    });
    let norm = Math.hypot(...v);
    if (norm === 0) continue;
    for (let k = 0; k < width; k++) v[k] = (v[k] as number) / norm;
    // Modified Gram-Schmidt, twice, for a basis that stays orthonormal in floating point.
    for (let pass = 0; pass < 2; pass++) {
      for (const q of basis) {
        let dot = 0;
        for (let k = 0; k < width; k++) dot += (q[k] as number) * (v[k] as number);
        for (let k = 0; k < width; k++) v[k] = (v[k] as number) - dot * (q[k] as number);
      }
    }
    norm = Math.hypot(...v);
    if (norm < 1e-9) continue;
    for (let k = 0; k < width; k++) v[k] = (v[k] as number) / norm;
    basis.push(v);
  }
  const out: number[] = [];
  for (const [cellIndex, col] of unknownCols) {
    if (output[cellIndex]?.flag !== '[c]' || input[cellIndex]?.value === 0) continue;
    // |projection of e_col onto the row space|² = Σ q_col²; 1 means e_col lies in the row space.
    const projected = basis.reduce((s, q) => s + (q[col] as number) ** 2, 0);
    if (projected > 1 - 1e-6) out.push(cellIndex);
  }
  return out;
}

describe('the independent checker', () => {
  it('catches the leaks that primary suppression alone leaves', () => {
    const group = areaGroup(0, 'families_attached', [3, 10, 12]);
    const single = discloseCounts(group, options(NO_RELATIONS));
    expect(recoverableCells(group, single, checkerRelations(single, {}))).toEqual([0]);
    const rows = [
      cell(0, 'L1', 'claims', 3, 'progress'),
      cell(0, 'L1', 'claims', 7, 'results'),
      cell(0, 'L1', 'claims', 10, 'all'),
      cell(0, 'L1', 'claim_amount_gbp', 2400, 'progress'),
      cell(0, 'L1', 'claim_amount_gbp', 7000, 'results'),
      cell(0, 'L1', 'claim_amount_gbp', 9400, 'all'),
    ];
    // Counts protected by their own total only: the money total and the tariffs still solve them.
    const countsOnly = discloseCounts(rows, options({ ...NO_RELATIONS, breakdownTotals: ['claims'] }));
    expect(recoverableCells(rows, countsOnly, checkerRelations(countsOnly, { progress: 800, results: 1000 }))).toEqual([0, 1]);
  });
});

// ---------------------------------------------------------------------------------------------
// Named edge cases
// ---------------------------------------------------------------------------------------------

describe('discloseCounts: named cases', () => {
  it('returns an empty table for an empty table', () => {
    expect(discloseCounts([], options(FULL))).toEqual([]);
  });

  it('publishes a table of zeros unchanged: a true zero is not disclosive', () => {
    const rows = [...areaGroup(0, 'families_attached', [0, 0, 0]), ...areaGroup(1, 'families_attached', [0, 0, 0])];
    expect(discloseCounts(rows, options(FULL))).toEqual(rows);
  });

  it('suppresses a second locality, not the authority, when one locality is small', () => {
    const out = discloseCounts(areaGroup(0, 'families_attached', [3, 10, 12]), options(AREA_ONLY));
    expect(out.map((r) => [r.area_code, r.value, r.flag])).toEqual([
      ['L1', null, '[c]'],
      ['L2', null, '[c]'], // the smallest other locality
      ['L3', 12, null],
      [AUTHORITY, 25, null],
    ]);
  });

  it('needs no extra suppression when two localities are small', () => {
    const out = discloseCounts(areaGroup(0, 'families_attached', [3, 4, 12]), options(AREA_ONLY));
    expect(out.map((r) => r.value)).toEqual([null, null, 12, 19]);
  });

  it('breaks ties between equal complements by key', () => {
    const out = discloseCounts(areaGroup(0, 'families_attached', [2, 9, 9, 9]), options(AREA_ONLY));
    expect(suppressedKeys(out)).toEqual(['L1 families_attached all q2015-16 Q1', 'L2 families_attached all q2015-16 Q1']);
  });

  it('stops a small quarter from being read off the cumulative series', () => {
    // One locality attaches 3 families in the second quarter: cumulative 10 → 13 would give it away.
    const attached = [
      [10, 20],
      [3, 30],
      [8, 25],
    ];
    const rows: CountRow[] = [];
    const cum = [0, 0];
    attached.forEach((vals, q) => {
      rows.push(...areaGroup(q, 'families_attached', vals));
      vals.forEach((v, i) => (cum[i] = (cum[i] as number) + v));
      rows.push(...areaGroup(q, 'families_attached_cumulative', [...cum]));
    });
    const out = discloseCounts(rows, options(CUMULATIVE));
    const get = (q: number, area: string, m: string) => byKey(out).get(keyOf(cell(q, area, m, 0)));
    expect(get(1, 'L1', 'families_attached')?.flag).toBe('[c]');
    const cumAround = [get(0, 'L1', 'families_attached_cumulative'), get(1, 'L1', 'families_attached_cumulative')];
    expect(cumAround.some((r) => r?.flag === '[c]')).toBe(true);
    expect(recoverableCells(rows, out, checkerRelations(out, {}))).toEqual([]);
  });

  it('protects the first quarter of a series that starts from zero', () => {
    // Cumulative = attached in the first quarter; suppressing the attached 3 alone is not enough.
    const rows = [...areaGroup(0, 'families_attached', [3, 40]), ...areaGroup(0, 'families_attached_cumulative', [3, 40])];
    const out = discloseCounts(rows, options(CUMULATIVE));
    expect(recoverableCells(rows, out, checkerRelations(out, {}))).toEqual([]);
    expect(out.filter((r) => r.area_code === 'L1').every((r) => r.flag === '[c]')).toBe(true);
  });

  it('suppresses a claim amount with its count, and gives amounts the same secondary treatment', () => {
    const rows = [...areaGroup(0, 'claims', [2, 7, 20]), ...areaGroup(0, 'claim_amount_gbp', [1600, 5600, 16000])];
    const out = discloseCounts(rows, options(TABLE_RELATIONS.claims));
    expect(suppressedKeys(out).sort()).toEqual([
      'L1 claim_amount_gbp all q2015-16 Q1',
      'L1 claims all q2015-16 Q1',
      'L2 claim_amount_gbp all q2015-16 Q1',
      'L2 claims all q2015-16 Q1',
    ]);
    expect(out.find((r) => r.area_code === AUTHORITY && r.measure === 'claim_amount_gbp')?.value).toBe(23200);
  });

  it('does not let known tariffs solve claim types from the count and money totals', () => {
    // c1 + c2 = 10 and 800·c1 + 1000·c2 = 9400 would give c1 = 3, c2 = 7 if only the pair were withheld.
    const rows = [
      cell(0, 'L1', 'claims', 3, 'progress'),
      cell(0, 'L1', 'claims', 7, 'results'),
      cell(0, 'L1', 'claims', 10, 'all'),
      cell(0, 'L1', 'claim_amount_gbp', 2400, 'progress'),
      cell(0, 'L1', 'claim_amount_gbp', 7000, 'results'),
      cell(0, 'L1', 'claim_amount_gbp', 9400, 'all'),
    ];
    const out = discloseCounts(rows, options(TABLE_RELATIONS.claims));
    expect(recoverableCells(rows, out, checkerRelations(out, { progress: 800, results: 1000 }))).toEqual([]);
    expect(out.filter((r) => r.flag === '[c]').length).toBeGreaterThan(4);
  });

  it('leaves comparator rows and rows not available as they are', () => {
    const rows = [...areaGroup(0, 'families_attached', [3, 12, 14]), cell(0, 'E92000001', 'families_attached', 2), cell(0, 'L4', 'families_attached', null)];
    // L4 is not available: the authority no longer equals the published localities alone.
    const out = discloseCounts(rows, options(AREA_ONLY));
    expect(out.at(-2)).toEqual(rows.at(-2));
    expect(out.at(-1)).toEqual(rows.at(-1));
    expect(out[0]?.flag).toBe('[c]');
  });

  it('does not mutate its input', () => {
    const rows = areaGroup(0, 'families_attached', [3, 10, 12]);
    const copy = structuredClone(rows);
    discloseCounts(Object.freeze(rows.map((r) => Object.freeze(r))), options(AREA_ONLY, 5, 5));
    expect(rows).toEqual(copy);
  });

  it('rounds published counts to base 5 after suppression, but not money, comparators or zeros', () => {
    const rows = [
      ...areaGroup(0, 'claims', [3, 12, 13, 0]),
      ...areaGroup(0, 'claim_amount_gbp', [2400, 9600, 10400, 0]),
      cell(0, 'E92000001', 'claims', 12_346),
    ];
    const out = discloseCounts(rows, options(TABLE_RELATIONS.claims, 5, 5));
    const claims = out.filter((r) => r.measure === 'claims').map((r) => r.value);
    // L1 primary, L2 its complement; 13 → 15, the total 28 → 30, zero stays 0.
    expect(claims).toEqual([null, null, 15, 0, 30, 12_346]);
    expect(out.filter((r) => r.measure === 'claim_amount_gbp').map((r) => r.value)).toEqual([null, null, 10400, 0, 22400]);
  });

  it('shows a count that rounds to zero as [low], keeping 0 for true zeros', () => {
    const out = discloseCounts(areaGroup(0, 'families_attached', [2, 0, 30]), options(AREA_ONLY, 1, 5));
    expect(out.map((r) => [r.value, r.flag])).toEqual([
      [null, '[low]'],
      [0, null],
      [30, null],
      [30, null],
    ]);
  });

  it('rejects duplicate keys and a second authority', () => {
    const rows = areaGroup(0, 'families_attached', [3, 10]);
    expect(() => discloseCounts([...rows, rows[0] as CountRow], options(AREA_ONLY))).toThrow(/appears 2 times/);
    const second = { ...(rows[2] as CountRow), area_code: 'E06000015' };
    expect(() => discloseCounts([...rows, second], options(AREA_ONLY))).toThrow(
      'Disclosure control expects one authority per table; found E06000014, E06000015.',
    );
  });

  it('rejects a bad threshold or rounding base', () => {
    expect(() => discloseCounts([], options(AREA_ONLY, 0))).toThrow('Disclosure threshold must be a whole number of at least 1; got 0.');
    expect(() => discloseCounts([], options(AREA_ONLY, 5, 1))).toThrow('Rounding base must be a whole number of at least 2, or null; got 1.');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties on random tables
// ---------------------------------------------------------------------------------------------

/** Mostly small counts, so primary and secondary suppression both have work to do. */
const count = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 30 }) });

const TARIFFS = { progress: 800, results: 1000 };

interface RandomTable {
  rows: CountRow[];
  threshold: number;
}

const randomTable: fc.Arbitrary<RandomTable> = fc
  .record({
    localities: fc.integer({ min: 2, max: 8 }),
    quarters: fc.integer({ min: 1, max: 6 }),
    threshold: fc.constantFrom(3, 5, 6, 10),
    withClaims: fc.boolean(),
    withTotals: fc.boolean(),
    seedValues: fc.array(count, { minLength: 8 * 6 * 6, maxLength: 8 * 6 * 6 }),
    missing: fc.array(fc.integer({ min: 0, max: 8 * 6 * 6 - 1 }), { maxLength: 2 }),
  })
  .map(({ localities, quarters, threshold, withClaims, withTotals, seedValues, missing }) => {
    let next = 0;
    const draw = () => seedValues[next++ % seedValues.length] as number;
    const rows: CountRow[] = [];
    const cum = new Array<number>(localities).fill(0);
    const open = new Array<number>(localities).fill(0);
    for (let q = 0; q < quarters; q++) {
      const attached = Array.from({ length: localities }, draw);
      const closed = attached.map((a, i) => Math.min(draw(), (open[i] as number) + a));
      attached.forEach((a, i) => {
        cum[i] = (cum[i] as number) + a;
        open[i] = (open[i] as number) + a - (closed[i] as number);
      });
      rows.push(...areaGroup(q, 'families_attached', attached));
      rows.push(...areaGroup(q, 'families_closed', closed));
      rows.push(...areaGroup(q, 'families_attached_cumulative', [...cum]));
      rows.push(...areaGroup(q, 'families_open', [...open]));
      if (withClaims) {
        const byType = { progress: Array.from({ length: localities }, draw), results: Array.from({ length: localities }, draw) };
        for (const [t, counts] of Object.entries(byType)) {
          rows.push(...areaGroup(q, 'claims', counts, t));
          rows.push(...areaGroup(q, 'claim_amount_gbp', counts.map((c) => c * TARIFFS[t as keyof typeof TARIFFS]), t));
        }
        if (withTotals) {
          const all = byType.progress.map((p, i) => p + (byType.results[i] as number));
          rows.push(...areaGroup(q, 'claims', all, 'all'));
          rows.push(...areaGroup(q, 'claim_amount_gbp', byType.progress.map((p, i) => p * 800 + (byType.results[i] as number) * 1000), 'all'));
        }
      }
    }
    // A few cells not available ([x]): unknown to readers, and never ours to suppress.
    for (const m of missing) {
      const r = rows[m % rows.length] as CountRow;
      rows[m % rows.length] = { ...r, value: null, flag: '[x]' };
    }
    return { rows, threshold };
  });

describe('discloseCounts: properties', () => {
  it('publishes only zeros and counts at or above the threshold, unchanged from the input', () => {
    fc.assert(
      fc.property(randomTable, ({ rows, threshold }) => {
        const out = discloseCounts(rows, options(FULL, threshold));
        expect(out.map(keyOf)).toEqual(rows.map(keyOf));
        out.forEach((r, i) => {
          const input = rows[i] as CountRow;
          if (input.value === null) {
            expect(r).toEqual(input);
            return;
          }
          if (r.value === null) {
            expect(r.flag).toBe('[c]');
            return;
          }
          expect(r.value).toBe(input.value);
          expect(r.flag).toBe(input.flag);
          if (r.measure !== 'claim_amount_gbp') expect(r.value === 0 || r.value >= threshold).toBe(true);
        });
        // A suppressed claim count always takes its amount with it.
        const map = byKey(out);
        for (const r of out) {
          if (r.measure === 'claims' && r.flag === '[c]') {
            expect(map.get(keyOf({ ...r, measure: 'claim_amount_gbp' }))?.value ?? null).toBe(null);
          }
        }
      }),
      { numRuns: 60, seed: 20240601 },
    );
  });

  it('leaves no suppressed count recoverable from the published figures', () => {
    fc.assert(
      fc.property(randomTable, ({ rows, threshold }) => {
        const out = discloseCounts(rows, options(FULL, threshold));
        const recoverable = recoverableCells(rows, out, checkerRelations(out, TARIFFS));
        expect(recoverable.map((i) => keyOf(out[i] as CountRow))).toEqual([]);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('is deterministic and does not depend on row order', () => {
    fc.assert(
      fc.property(randomTable, fc.integer(), ({ rows, threshold }, shuffleSeed) => {
        const first = discloseCounts(rows, options(FULL, threshold));
        expect(discloseCounts(rows, options(FULL, threshold))).toEqual(first);
        const shuffled = [...rows];
        let s = shuffleSeed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as CountRow, shuffled[i] as CountRow];
        }
        const again = byKey(discloseCounts(shuffled, options(FULL, threshold)));
        for (const r of first) expect(again.get(keyOf(r))).toEqual(r);
      }),
      { numRuns: 30, seed: 3 },
    );
  });

  it('rounds every published count to the base and nothing else', () => {
    fc.assert(
      fc.property(randomTable, ({ rows, threshold }) => {
        const plain = discloseCounts(rows, options(FULL, threshold));
        const rounded = discloseCounts(rows, options(FULL, threshold, 5));
        rounded.forEach((r, i) => {
          const p = plain[i] as CountRow;
          expect(r.flag === '[c]').toBe(p.flag === '[c]');
          if (p.value === null || r.measure === 'claim_amount_gbp') expect(r.value).toBe(p.value);
          else if (r.value !== null) {
            expect(r.value % 5).toBe(0);
            expect(Math.abs(r.value - p.value)).toBeLessThanOrEqual(2);
          } else expect(r.flag).toBe('[low]');
        });
      }),
      { numRuns: 30, seed: 5 },
    );
  });
});
