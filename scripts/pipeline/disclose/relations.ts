/**
 * The linear relations a reader can use to work out a suppressed count from published ones.
 * Secondary suppression is only as good as this list: every identity that holds between
 * published cells must be declared here (see docs/disclosure-control.md).
 */
import { quarterIndex, quarterOfDate } from '../../../src/lib/period/quarter.ts';
import type { COUNT_MEASURES, CountRow, CountTable } from '../../../src/lib/outputs/tables.ts';

/** stock_q − stock_{q−1} = Σ inflows_q − Σ outflows_q, per area and breakdown. */
export interface StockFlow<M extends string = string> {
  readonly stock: M;
  readonly inflows: readonly M[];
  readonly outflows: readonly M[];
}

/** A measure that can be read off its count (a money amount at a fixed tariff, say). */
export interface LinkedMeasure<M extends string = string> {
  readonly count: M;
  readonly follower: M;
}

/** The relations that hold between the measures `M` of one table. */
export interface RelationSpec<M extends string = string> {
  /** Locality cells sum to the authority cell of the same quarter, measure and breakdown. */
  readonly areaTotals: boolean;
  readonly stockFlows: readonly StockFlow<M>[];
  /** Measures whose breakdowns are mutually exclusive and sum to the measure's "all" row. */
  readonly breakdownTotals: readonly M[];
  /** Followers are suppressed with their count and take no primary rule of their own. */
  readonly links: readonly LinkedMeasure<M>[];
}

export const NO_RELATIONS: RelationSpec = { areaTotals: false, stockFlows: [], breakdownTotals: [], links: [] };

/**
 * The relations that hold in each count table as the aggregate stage defines its measures
 * (src/lib/outputs/tables.ts). Criteria and outcome breakdowns overlap (a family counts once per
 * criterion met), so they do not sum to a total and are not declared as if they did. The cohort
 * table is not quarterly: its relations are in cohort.ts. Each table's relations name only its own
 * measures, so a misspelt measure (which would silently leave its relations out) fails the type check.
 */
export const TABLE_RELATIONS: Record<CountTable, RelationSpec> = {
  programme: {
    areaTotals: true,
    stockFlows: [
      { stock: 'families_attached_cumulative', inflows: ['families_attached'], outflows: [] },
      // Open at the quarter's end = open at the previous end + attached − closed in the quarter.
      { stock: 'families_open', inflows: ['families_attached'], outflows: ['families_closed'] },
    ],
    breakdownTotals: [],
    links: [],
  },
  criteria: { areaTotals: true, stockFlows: [], breakdownTotals: [], links: [] },
  // Outcome rows count outcomes (not families), so the measures add up to the "all" row.
  outcomes: { areaTotals: true, stockFlows: [], breakdownTotals: ['outcomes_achieved', 'outcomes_sustained'], links: [] },
  claims: {
    areaTotals: true,
    stockFlows: [],
    // A claim has one type, so claim types add up to the "all" row when that row is published.
    breakdownTotals: ['claims', 'claim_amount_gbp'],
    links: [{ count: 'claims', follower: 'claim_amount_gbp' }],
  },
} satisfies { readonly [T in CountTable]: RelationSpec<(typeof COUNT_MEASURES)[T][number]> };

/** Σ coefs·cell = 0 over indices into the cell array the relations were built from. */
export interface Relation {
  readonly kind: 'area' | 'stock_flow' | 'opening_stock' | 'breakdown';
  readonly cells: readonly number[];
  readonly coefs: readonly number[];
}

type Cell = Pick<CountRow, 'quarter_start' | 'area_code' | 'area_type' | 'measure' | 'breakdown' | 'value'>;

const ALL = 'all';

/** Checks a spec once, so the builders below can trust it. */
export function validateRelationSpec(spec: RelationSpec): void {
  for (const sf of spec.stockFlows) {
    const flows = [...sf.inflows, ...sf.outflows];
    if (flows.includes(sf.stock)) throw new Error(`Relation spec: stock measure "${sf.stock}" is also one of its own flows.`);
    if (new Set(flows).size !== flows.length) throw new Error(`Relation spec: stock "${sf.stock}" lists a flow twice.`);
  }
  for (const link of spec.links) {
    if (link.count === link.follower) throw new Error(`Relation spec: measure "${link.count}" is linked to itself.`);
  }
}

export function buildRelations(cells: readonly Cell[], spec: RelationSpec): Relation[] {
  const index = new Map<string, number>();
  cells.forEach((c, i) => index.set(key(c.quarter_start, c.area_code, c.measure, c.breakdown), i));
  return [
    ...(spec.areaTotals ? areaTotalRelations(cells) : []),
    ...spec.stockFlows.flatMap((sf) => stockFlowRelations(cells, index, sf)),
    ...breakdownRelations(cells, spec.breakdownTotals),
  ];
}

function key(...parts: string[]): string {
  return parts.join('\u0000');
}

function groupIndices(cells: readonly Cell[], keep: (c: Cell) => boolean, by: (c: Cell) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  cells.forEach((c, i) => {
    if (!keep(c)) return;
    const k = by(c);
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  return groups;
}

function areaTotalRelations(cells: readonly Cell[]): Relation[] {
  const authorities = new Set(cells.filter((c) => c.area_type === 'authority').map((c) => c.area_code));
  // Without a locality-to-authority map, localities of two authorities cannot be told apart.
  if (authorities.size > 1) {
    throw new Error(`Disclosure control expects one authority per table; found ${[...authorities].sort().join(', ')}.`);
  }
  const groups = groupIndices(
    cells,
    (c) => c.area_type === 'locality' || c.area_type === 'authority',
    (c) => key(c.quarter_start, c.measure, c.breakdown),
  );
  const out: Relation[] = [];
  for (const members of groups.values()) {
    const total = members.find((i) => cells[i]?.area_type === 'authority');
    const parts = members.filter((i) => i !== total);
    if (total === undefined || parts.length === 0) continue;
    out.push({ kind: 'area', cells: [...parts, total], coefs: [...parts.map(() => 1), -1] });
  }
  return out;
}

function quarterNumber(isoStart: string): number {
  return quarterIndex(quarterOfDate(isoStart));
}

function previousQuarterStart(isoStart: string, byIndex: Map<number, string>): string | undefined {
  return byIndex.get(quarterNumber(isoStart) - 1);
}

function stockFlowRelations(cells: readonly Cell[], index: Map<string, number>, sf: StockFlow): Relation[] {
  const byIndex = new Map<number, string>();
  for (const c of cells) byIndex.set(quarterNumber(c.quarter_start), c.quarter_start);
  const out: Relation[] = [];
  cells.forEach((c, i) => {
    if (c.measure !== sf.stock || c.area_type === 'comparator') return;
    const find = (measure: string, start: string) => index.get(key(start, c.area_code, measure, c.breakdown));
    const inflows = sf.inflows.map((m) => find(m, c.quarter_start));
    const outflows = sf.outflows.map((m) => find(m, c.quarter_start));
    // A flow that is not published leaves an unknown outside the table: nothing can be derived.
    if (inflows.some((x) => x === undefined) || outflows.some((x) => x === undefined)) return;
    const ins = inflows as number[];
    const outs = outflows as number[];
    const prevStart = previousQuarterStart(c.quarter_start, byIndex);
    const prev = prevStart === undefined ? undefined : find(sf.stock, prevStart);
    if (prev !== undefined) {
      out.push({
        kind: 'stock_flow',
        cells: [i, prev, ...ins, ...outs],
        coefs: [1, -1, ...ins.map(() => -1), ...outs.map(() => 1)],
      });
    } else if (opensFromZero(cells, i, ins, outs)) {
      // The series starts here from nothing (cumulative = attached in the first quarter), so a
      // reader who knows the programme's start date can difference the first quarter too.
      out.push({ kind: 'opening_stock', cells: [i, ...ins, ...outs], coefs: [1, ...ins.map(() => -1), ...outs.map(() => 1)] });
    }
  });
  return out;
}

/** True unless the values show an opening stock; a relation that cannot be checked is kept. */
function opensFromZero(cells: readonly Cell[], stock: number, ins: number[], outs: number[]): boolean {
  const v = (i: number) => cells[i]?.value ?? null;
  const all = [stock, ...ins, ...outs].map(v);
  if (all.some((x) => x === null)) return true;
  const flow = ins.reduce((s, i) => s + (v(i) as number), 0) - outs.reduce((s, i) => s + (v(i) as number), 0);
  return v(stock) === flow;
}

function breakdownRelations(cells: readonly Cell[], measures: readonly string[]): Relation[] {
  if (measures.length === 0) return [];
  const wanted = new Set(measures);
  const groups = groupIndices(
    cells,
    (c) => wanted.has(c.measure) && c.area_type !== 'comparator',
    (c) => key(c.quarter_start, c.area_code, c.measure),
  );
  const out: Relation[] = [];
  for (const members of groups.values()) {
    const total = members.find((i) => cells[i]?.breakdown === ALL);
    const parts = members.filter((i) => i !== total);
    if (total === undefined || parts.length === 0) continue;
    out.push({ kind: 'breakdown', cells: [...parts, total], coefs: [...parts.map(() => 1), -1] });
  }
  return out;
}

/**
 * Declared relations that do not hold in the data: the spec or the aggregate is wrong. A relation
 * that does not hold only costs extra suppression, but one that holds undeclared leaks, so the
 * pipeline can run this on its unsuppressed tables as a consistency check.
 */
export function unbalancedRelations(cells: readonly Cell[], spec: RelationSpec): Relation[] {
  return buildRelations(cells, spec).filter((r) => {
    const values = r.cells.map((i) => cells[i]?.value ?? null);
    if (values.some((v) => v === null)) return false;
    const sum = values.reduce<number>((s, v, k) => s + (v as number) * (r.coefs[k] as number), 0);
    return Math.abs(sum) > 1e-6 * Math.max(1, ...values.map((v) => Math.abs(v as number)));
  });
}
