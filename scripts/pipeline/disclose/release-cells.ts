/**
 * The release as one system: every figure the public release could show (each count at each
 * granularity the policy allows, for each locality and the authority) and every relation that
 * holds between them in the data. The audit and the suppression both work on this, so a figure
 * published at two granularities is protected as one.
 */
import type { CountRow } from '../../../src/lib/outputs/tables.ts';
import { addQuarters, parseQuarter, quarterEnd, quarterIndex, quarterLabel, type FinancialQuarter } from '../../../src/lib/period/quarter.ts';
import { PERIOD_TYPE_NAMES, releasePeriods, type ReleasePeriod } from '../../../src/lib/period/release-periods.ts';
import type { DisclosurePolicy, MeasurePolicy } from '../../../src/lib/reference/schema.ts';
import type { CountTable } from '../aggregate/index.ts';
import type { AuditRelation, RelatedCells } from './audit.ts';
import { buildRelations, TABLE_RELATIONS, type Relation } from './relations.ts';

export interface ReleaseCell {
  readonly table: CountTable;
  readonly measure: string;
  readonly breakdown: string;
  readonly area_code: string;
  readonly area_type: 'locality' | 'authority';
  readonly period: Omit<ReleasePeriod, 'quarters'>;
  /** The true (board) figure. */
  readonly value: number;
  readonly policy: MeasurePolicy;
  /** For a quarter: the row of its count table. */
  readonly row: number | null;
}

export interface ReleaseUniverse extends RelatedCells<ReleaseCell> {
  /** [count cell, amount cell]: the amount is shown only with its count. */
  readonly links: ReadonlyArray<readonly [number, number]>;
  /** `table|row` of quarter rows at an area level the policy does not publish. */
  readonly unpublished: ReadonlySet<string>;
  /**
   * Cells a reader reasons with that this release does not publish: periods only an earlier
   * release published (its year to date, last four quarters or programme to date ended sooner).
   * They take part in the audit; this release neither shows them nor answers for them.
   */
  readonly readerOnly: ReadonlySet<number>;
}

/** What a reader knows beyond this release's figures, from the methodology and earlier releases. */
export interface ReaderKnowledge {
  /** Each outcome measure's sustain_months (programme.json), which a reader knows from the methodology. */
  readonly sustainMonths?: ReadonlyMap<string, number>;
  /** The longer periods earlier releases published (prior-release.ts, earlierPeriods). */
  readonly earlierPeriods?: readonly ReleasePeriod[];
}

const RELATION_NAMES: Record<Relation['kind'], string> = {
  area: 'localities add up to the authority',
  stock_flow: 'stock and flow',
  opening_stock: 'opening stock',
  breakdown: 'breakdowns add up to "all"',
};

/**
 * Cells and relations of the release. Rows with no value ([x]) and comparators (others' figures)
 * stay outside: a reader knows nothing more from them.
 */
export function buildUniverse(
  tables: Readonly<Record<CountTable, readonly CountRow[]>>,
  policy: DisclosurePolicy,
  first: FinancialQuarter,
  last: FinancialQuarter,
  knowledge: ReaderKnowledge = {},
): ReleaseUniverse {
  const cells: ReleaseCell[] = [];
  const relations: AuditRelation[] = [];
  const index = new Map<string, number>();
  const policyOf = new Map(policy.measures.map((m) => [`${m.table}|${m.measure}`, m]));
  const unpublished = new Set<string>();
  const readerOnly = new Set<number>();

  for (const table of Object.keys(TABLE_RELATIONS) as CountTable[]) {
    const rows = tables[table];
    // Quarter cells, and the table's own relations between them (where they hold).
    const local: number[] = [];
    rows.forEach((r, i) => {
      if (r.area_type === 'comparator' || r.value === null) return;
      const p = policyOf.get(`${table}|${r.measure}`);
      if (!p) throw new Error(`data/reference/disclosure.json has no policy for ${table} measure "${r.measure}": add one, or the public release cannot be protected.`);
      // A level the policy does not publish is left out: the rest of the release says no more
      // about its cells than the authority total does (see docs/disclosure-control.md).
      if (!p.areas.includes(r.area_type) || (p.breakdowns && !p.breakdowns.includes(r.breakdown))) {
        unpublished.add(`${table}|${i}`);
        return;
      }
      const q = parseQuarter(r.quarter) as FinancialQuarter;
      const cell: ReleaseCell = {
        table,
        measure: r.measure,
        breakdown: r.breakdown,
        area_code: r.area_code,
        area_type: r.area_type,
        period: { type: 'quarter', label: quarterLabel(q), start: r.quarter_start, end: quarterEnd(q) },
        value: r.value,
        policy: p,
        row: i,
      };
      index.set(cellKey(cell), cells.length);
      local[i] = cells.length;
      cells.push(cell);
    });
    const quarterCells = rows.filter((_, i) => local[i] !== undefined);
    const toUniverse = rows.flatMap((_, i) => (local[i] === undefined ? [] : [local[i] as number]));
    for (const r of buildRelations(quarterCells, TABLE_RELATIONS[table])) {
      const u = r.cells.map((c) => toUniverse[c] as number);
      if (!holds(cells, u, r.coefs, 'eq')) continue;
      const at = cells[u[0] as number] as ReleaseCell;
      relations.push({ name: `${RELATION_NAMES[r.kind]}: ${at.measure}${at.breakdown === 'all' ? '' : ` (${at.breakdown})`}, ${at.period.label}`, sense: 'eq', cells: u, coefs: r.coefs });
    }
  }

  // Coarser periods of each flow: the period's cell is the sum of its quarters.
  const quarterCount = cells.length;
  const sumOf = new Map<number, { cells: number[]; coefs: number[] }>();
  const { byQuarter: periodsOf, earlierOnly: earlierOnlyPeriods } = periodsByQuarter(policy, first, last, knowledge.earlierPeriods ?? []);
  for (let c = 0; c < quarterCount; c++) {
    const q = cells[c] as ReleaseCell;
    if (q.policy.kind !== 'flow') continue;
    for (const type of q.policy.granularities) {
      for (const shown of periodsOf.get(`${type}|${q.period.label}`) ?? []) {
        const key = cellKey({ ...q, period: shown });
        let k = index.get(key);
        if (k === undefined) {
          k = cells.length;
          index.set(key, k);
          cells.push({ ...q, period: shown, value: 0, row: null });
          if (earlierOnlyPeriods.has(`${type}|${shown.label}`)) readerOnly.add(k);
          const sum = { cells: [k], coefs: [-1] };
          sumOf.set(k, sum);
          relations.push({ name: `quarters add up to the ${PERIOD_TYPE_NAMES[type]}: ${q.measure}${q.breakdown === 'all' ? '' : ` (${q.breakdown})`}, ${q.area_code}, ${shown.label}`, sense: 'eq', ...sum });
        }
        const sum = sumOf.get(k) as { cells: number[]; coefs: number[] };
        sum.cells.push(c);
        sum.coefs.push(1);
        (cells[k] as { value: number }).value += q.value;
      }
    }
  }

  const links = linkAmounts(cells, index, relations);
  boundBreakdownsByTotal(cells, index, relations);
  boundSustainedByAchieved(cells, index, relations, knowledge.sustainMonths ?? new Map());
  return { cells, relations, links, unpublished, readerOnly };
}

/**
 * For each coarser period type and quarter label, the periods that quarter falls in: this
 * release's, then those only earlier releases published (named in `earlierOnly` by type and
 * label). An earlier period reaching outside this release's quarters cannot be written as their
 * sum and is left out.
 */
function periodsByQuarter(
  policy: DisclosurePolicy,
  first: FinancialQuarter,
  last: FinancialQuarter,
  earlier: readonly ReleasePeriod[],
): { byQuarter: Map<string, Array<Omit<ReleasePeriod, 'quarters'>>>; earlierOnly: Set<string> } {
  const byQuarter = new Map<string, Array<Omit<ReleasePeriod, 'quarters'>>>();
  const types = new Set(policy.measures.flatMap((m) => m.granularities).filter((t) => t !== 'quarter'));
  const current = [...types].flatMap((type) => releasePeriods(type, first, last));
  const seen = new Set(current.map((p) => `${p.type}|${p.label}`));
  const earlierOnly = new Set<string>();
  const inRelease = (q: FinancialQuarter) => quarterIndex(q) >= quarterIndex(first) && quarterIndex(q) <= quarterIndex(last);
  for (const p of earlier) {
    const key = `${p.type}|${p.label}`;
    if (p.type === 'quarter' || !types.has(p.type) || seen.has(key) || !p.quarters.every(inRelease)) continue;
    seen.add(key);
    earlierOnly.add(key);
    current.push(p);
  }
  for (const { quarters, ...shown } of current) {
    for (const q of quarters) {
      const key = `${shown.type}|${quarterLabel(q)}`;
      byQuarter.set(key, [...(byQuarter.get(key) ?? []), shown]);
    }
  }
  return { byQuarter, earlierOnly };
}

function cellKey(c: Pick<ReleaseCell, 'table' | 'measure' | 'breakdown' | 'area_code'> & { period: { type: string; label: string } }): string {
  return [c.table, c.measure, c.breakdown, c.area_code, c.period.type, c.period.label].join('\u0000');
}

function holds(cells: readonly ReleaseCell[], idx: readonly number[], coefs: readonly number[], sense: 'eq' | 'le'): boolean {
  const sum = idx.reduce((s, c, j) => s + (cells[c] as ReleaseCell).value * (coefs[j] as number), 0);
  const scale = Math.max(1, ...idx.map((c, j) => Math.abs((cells[c] as ReleaseCell).value * (coefs[j] as number))));
  return sense === 'eq' ? Math.abs(sum) <= 1e-6 * scale : sum <= 1e-6 * scale;
}

/**
 * A claim amount is its count times a tariff a reader may know: tie each pair, at every
 * granularity, with the true ratio (the worst case: a reader who knows every claim type's
 * tariff, and the mix of types wherever the types are not published). Where the claim types are
 * published beside the "all" row, the "all" row's ratio is the mix itself, which the reader
 * knows only through the types' own tariffs and the breakdown totals: tying it too would give
 * the reader the mix of types behind every hidden total, and no suppression could protect them.
 */
function linkAmounts(cells: readonly ReleaseCell[], index: ReadonlyMap<string, number>, relations: AuditRelation[]): Array<[number, number]> {
  const links: Array<[number, number]> = [];
  const place = (c: ReleaseCell) => [c.table, c.measure, c.area_code, c.period.type, c.period.label].join('\u0000');
  const typed = new Set(cells.filter((c) => c.breakdown !== 'all').map(place));
  for (const table of Object.keys(TABLE_RELATIONS) as CountTable[]) {
    for (const link of TABLE_RELATIONS[table].links) {
      cells.forEach((c, i) => {
        if (c.table !== table || c.measure !== link.count) return;
        const j = index.get(cellKey({ ...c, measure: link.follower }));
        if (j === undefined) return;
        links.push([i, j]);
        const amount = (cells[j] as ReleaseCell).value;
        // amount − tariff × count = 0, with the tariff in pounds so the programme stays well scaled.
        if (c.value === 0 || (c.breakdown === 'all' && typed.has(place(c)))) return;
        relations.push({ name: `tariff: ${c.measure} and ${link.follower}${c.breakdown === 'all' ? '' : ` (${c.breakdown})`}, ${c.area_code}, ${c.period.label}`, sense: 'eq', cells: [i, j], coefs: [-amount / c.value, 1] });
      });
    }
  }
  return links;
}

/**
 * A family counts once for each criterion it meets, so no criterion can count more families than
 * were attached in the same place and period: an upper bound a reader can use.
 */
function boundBreakdownsByTotal(cells: readonly ReleaseCell[], index: ReadonlyMap<string, number>, relations: AuditRelation[]): void {
  cells.forEach((c, i) => {
    if (c.table !== 'criteria' || c.measure !== 'families_attached') return;
    const total = index.get(cellKey({ ...c, table: 'programme', breakdown: 'all' }));
    if (total === undefined || c.value > (cells[total] as ReleaseCell).value) return;
    relations.push({ name: `no criterion counts more families than were attached: ${c.breakdown}, ${c.area_code}, ${c.period.label}`, sense: 'le', cells: [i, total], coefs: [1, -1] });
  });
}

/** Each outcome measure's sustain_months, as buildUniverse takes them, from programme.json's outcome_measures. */
export function sustainMonthsOf(measures: ReadonlyArray<{ readonly code: string; readonly sustain_months: number }>): Map<string, number> {
  return new Map(measures.map((m) => [m.code, m.sustain_months]));
}

/**
 * The quarters before a sustained outcome's quarter in which it can have been achieved: its
 * sustain period of m months ends floor(m/3) or ceil(m/3) quarters later. For "all", any
 * measure's; none when the measure is not in the reference (it is never sustained).
 */
function achievedLags(breakdown: string, sustainMonths: ReadonlyMap<string, number>): number[] {
  const months = breakdown === 'all' ? [...sustainMonths.values()] : [sustainMonths.get(breakdown)].filter((m) => m !== undefined);
  return [...new Set(months.flatMap((m) => [Math.floor(m / 3), Math.ceil(m / 3)]))];
}

/**
 * An outcome is sustained in the quarter its sustain period ends, so no more outcomes are
 * sustained in a quarter than were achieved in the quarters that period reaches back to: an
 * upper bound a reader can use (sustained six months after achieved: at most those achieved two
 * quarters before). Where a quarter it reaches back to is before the release, there is no bound.
 */
function boundSustainedByAchieved(cells: readonly ReleaseCell[], index: ReadonlyMap<string, number>, relations: AuditRelation[], sustainMonths: ReadonlyMap<string, number>): void {
  cells.forEach((c, i) => {
    if (c.table !== 'outcomes' || c.measure !== 'outcomes_sustained' || c.period.type !== 'quarter') return;
    const lags = achievedLags(c.breakdown, sustainMonths);
    const q = parseQuarter(c.period.label);
    if (lags.length === 0 || !q) return;
    const sources = lags.map((k) => index.get(cellKey({ ...c, measure: 'outcomes_achieved', period: { type: 'quarter', label: quarterLabel(addQuarters(q, -k)) } })));
    if (sources.some((s) => s === undefined)) return;
    const u = [i, ...(sources as number[])];
    const coefs = [1, ...sources.map(() => -1)];
    if (!holds(cells, u, coefs, 'le')) return;
    relations.push({ name: `no more outcomes sustained than were achieved before: ${c.breakdown}, ${c.area_code}, ${c.period.label}`, sense: 'le', cells: u, coefs });
  });
}
