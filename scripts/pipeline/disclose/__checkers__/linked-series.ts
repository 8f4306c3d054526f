/**
 * Random small linked series for property tests (tests only): the shapes the release's
 * relations take, built from their own definitions rather than from release-cells.ts, so a test
 * that audits them checks the audit against the arithmetic and not against itself.
 */
import fc from 'fast-check';
import type { AuditRelation, RelatedCells } from '../audit.ts';

export type SeriesKind = 'area_totals' | 'two_granularities' | 'running_total' | 'stock_and_flow' | 'tariff' | 'overlap_bound';
export const SERIES_KINDS: readonly SeriesKind[] = ['area_totals', 'two_granularities', 'running_total', 'stock_and_flow', 'tariff', 'overlap_bound'];

export interface SeriesCell {
  readonly name: string;
  readonly value: number;
  /** Counts are whole numbers; money is not. */
  readonly integer: boolean;
  /** For a money amount: the count it is paid on (hidden with it). */
  readonly countOf: number | null;
}

export type LinkedSeries = RelatedCells<SeriesCell>;

export interface SeriesSpec {
  readonly kinds: readonly SeriesKind[];
  /** Families attached, per locality and quarter. */
  readonly attached: readonly (readonly number[])[];
  /** Share of what is open that closes, per locality and quarter (0 … 1). */
  readonly closing: readonly (readonly number[])[];
  readonly claims: readonly (readonly number[])[];
  /** Whole pounds per claim, per locality. */
  readonly tariffs: readonly number[];
  /** Families meeting one criterion, as a share of those attached. */
  readonly criterion: readonly (readonly number[])[];
}

const grid = (areas: number, quarters: number, value: fc.Arbitrary<number>) => fc.array(fc.array(value, { minLength: quarters, maxLength: quarters }), { minLength: areas, maxLength: areas });

/** Two or three localities over two or three quarters, with figures from 0 to 4. */
export const seriesSpec: fc.Arbitrary<SeriesSpec> = fc
  .record({ areas: fc.integer({ min: 2, max: 3 }), quarters: fc.integer({ min: 2, max: 3 }) })
  .chain(({ areas, quarters }) =>
    fc.record({
      kinds: fc.subarray([...SERIES_KINDS], { minLength: 1, maxLength: 3 }),
      attached: grid(areas, quarters, fc.integer({ min: 0, max: 4 })),
      closing: grid(areas, quarters, fc.double({ min: 0, max: 1, noNaN: true })),
      claims: grid(areas, quarters, fc.integer({ min: 0, max: 3 })),
      tariffs: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: areas, maxLength: areas }),
      criterion: grid(areas, quarters, fc.double({ min: 0, max: 1, noNaN: true })),
    }),
  );

/** The cells and relations of a spec: each relation holds, by construction, in the true figures. */
export function buildSeries(spec: SeriesSpec): LinkedSeries {
  const cells: SeriesCell[] = [];
  const relations: AuditRelation[] = [];
  const has = (k: SeriesKind) => spec.kinds.includes(k);
  const add = (name: string, value: number, integer = true, countOf: number | null = null) => cells.push({ name, value, integer, countOf }) - 1;
  const rel = (name: string, parts: readonly number[], coefs: readonly number[], sense: 'eq' | 'le' = 'eq') => relations.push({ name, sense, cells: [...parts], coefs: [...coefs] });
  const sumOf = (name: string, parts: readonly number[], total: number) => rel(name, [...parts, total], [...parts.map(() => 1), -1]);
  const areas = spec.attached.length;
  const quarters = (spec.attached[0] as readonly number[]).length;
  const at = <T>(g: readonly (readonly T[])[], a: number, q: number) => (g[a] as readonly T[])[q] as T;

  /** A flow per locality and quarter, with the authority total per quarter and the year where listed. */
  const authorityOf = new Map<number, number>();
  const flow = (measure: string, value: (a: number, q: number) => number): number[][] => {
    const ids = Array.from({ length: areas }, (_, a) => Array.from({ length: quarters }, (_, q) => add(`${measure} L${a} Q${q}`, value(a, q))));
    if (has('area_totals')) {
      for (let q = 0; q < quarters; q++) {
        const parts = ids.map((row) => row[q] as number);
        const total = add(`${measure} authority Q${q}`, parts.reduce((s, c) => s + (cells[c] as SeriesCell).value, 0));
        authorityOf.set(parts[0] as number, total);
        sumOf(`${measure} Q${q}: localities add up`, parts, total);
      }
    }
    if (has('two_granularities')) {
      ids.forEach((row, a) => sumOf(`${measure} L${a}: quarters add up to the year`, row, add(`${measure} L${a} year`, row.reduce((s, c) => s + (cells[c] as SeriesCell).value, 0))));
    }
    return ids;
  };

  const attached = flow('attached', (a, q) => at(spec.attached, a, q));
  if (has('running_total')) {
    for (let a = 0; a < areas; a++) {
      let before: number | null = null;
      for (let q = 0; q < quarters; q++) {
        const inflow = at(attached, a, q);
        const total: number = (before === null ? 0 : (cells[before] as SeriesCell).value) + (cells[inflow] as SeriesCell).value;
        const c = add(`attached to date L${a} Q${q}`, total);
        if (before === null) rel(`attached to date L${a} Q${q} starts from nothing`, [c, inflow], [1, -1]);
        else rel(`attached to date L${a} Q${q}`, [c, before, inflow], [1, -1, -1]);
        before = c;
      }
    }
  }
  if (has('stock_and_flow')) {
    const open = Array.from({ length: areas }, () => 0);
    const closed = flow('closed', (a, q) => {
      const available = (open[a] as number) + at(spec.attached, a, q);
      const out = Math.floor(available * at(spec.closing, a, q));
      open[a] = available - out;
      return out;
    });
    for (let a = 0; a < areas; a++) {
      let before: number | null = null;
      for (let q = 0; q < quarters; q++) {
        const [inflow, outflow] = [at(attached, a, q), at(closed, a, q)];
        const value: number = (before === null ? 0 : (cells[before] as SeriesCell).value) + (cells[inflow] as SeriesCell).value - (cells[outflow] as SeriesCell).value;
        const c = add(`open L${a} Q${q}`, value);
        if (before === null) rel(`open L${a} Q${q} starts from nothing`, [c, inflow, outflow], [1, -1, 1]);
        else rel(`open L${a} Q${q}`, [c, before, inflow, outflow], [1, -1, -1, 1]);
        before = c;
      }
    }
  }
  if (has('tariff')) {
    const counts = flow('claims', (a, q) => at(spec.claims, a, q));
    const amounts: number[][] = counts.map((row, a) =>
      row.map((count, q) => {
        const c = cells[count] as SeriesCell;
        const amount = add(`amount L${a} Q${q}`, c.value * (spec.tariffs[a] as number), false, count);
        rel(`tariff L${a} Q${q}`, [count, amount], [-(spec.tariffs[a] as number), 1]);
        return amount;
      }),
    );
    for (let q = 0; q < quarters; q++) {
      const parts = amounts.map((row) => row[q] as number);
      const count = authorityOf.get(at(counts, 0, q)) ?? null;
      const total = add(`amount authority Q${q}`, parts.reduce((s, c) => s + (cells[c] as SeriesCell).value, 0), false, count);
      sumOf(`amount Q${q}: localities add up`, parts, total);
      // The worst case: a reader who knows the authority's mix of tariffs, as its true ratio.
      const n = count === null ? 0 : (cells[count] as SeriesCell).value;
      if (count !== null && n > 0) rel(`tariff authority Q${q}`, [count, total], [-(cells[total] as SeriesCell).value / n, 1]);
    }
  }
  if (has('overlap_bound')) {
    attached.forEach((row, a) =>
      row.forEach((c, q) => {
        const value = Math.floor((cells[c] as SeriesCell).value * at(spec.criterion, a, q));
        rel(`criterion L${a} Q${q} is no more than attached`, [add(`criterion L${a} Q${q}`, value), c], [1, -1], 'le');
      }),
    );
  }
  return { cells, relations };
}
