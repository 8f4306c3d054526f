/**
 * What earlier public releases already told a reader about this release's figures. Every public
 * release stays published (the archive serves them, and readers keep what they downloaded), so
 * a reader holds them all beside this one: a figure shown exactly last quarter is known now,
 * whatever this release shows for it, and a [c] designed without that knowledge can be narrowed.
 * The release design and its audit therefore take the earlier releases' views as given.
 *
 * An earlier figure constrains this release's figure only where it is consistent with the true
 * value now: a figure revised since (a different exact value, a rounded value whose range no
 * longer holds it) tells the reader about the old value, not this one. A rounded earlier figure
 * proves the range of the widest base it could have been rounded to: its row does not say which.
 */
import { COHORT_FIGURE_KEY, figureKey, figureOf, type FigureRow, type RevisedTable } from '../../../src/lib/outputs/figures.ts';
import { GSS } from '../../../src/lib/outputs/tables.ts';
import type { FinancialQuarter } from '../../../src/lib/period/quarter.ts';
import { releasePeriods, type ReleasePeriod } from '../../../src/lib/period/release-periods.ts';
import { PERIOD_TYPES } from '../../../src/lib/reference/schema.ts';
import { intersectViews, type AuditRelation, type CellView } from './audit.ts';
import type { ReleaseCell, ReleaseUniverse } from './release-cells.ts';
import { COARSER_BASES, describeCell, isCount, MONEY_BASES, roundedRange, type EarlierKnowledge } from './release.ts';

/** An earlier release's published rows, table by table. */
export type EarlierRelease = Readonly<Partial<Record<RevisedTable, readonly FigureRow[]>>>;

/** Bases coarser than the policy's a figure may have been rounded to: counts' and money's. */
const ROUNDING_BASES = [...new Set([...COARSER_BASES, ...MONEY_BASES])].sort((a, b) => a - b);

/** The figure a cell is published as: its quarter's row, or its row of periods.parquet. */
function cellFigureKey(c: ReleaseCell): string {
  if (c.period.type === 'quarter') {
    const row: FigureRow = { measure: c.measure, breakdown: c.breakdown, area_type: c.area_type, area_code: c.area_code, quarter: c.period.label, value: null, flag: null };
    return figureOf(c.table, row).key;
  }
  const row: FigureRow = { table: c.table, measure: c.measure, breakdown: c.breakdown, period_type: c.period.type, area_type: c.area_type, area_code: c.area_code, period: c.period.label, value: null, flag: null };
  return figureOf('periods', row).key;
}

/**
 * The range a rounded earlier figure proves. The row does not say which base it was rounded to;
 * the value alone proves only the widest range of a base it is a multiple of (a base the rule
 * could have used). Null when no base fits.
 */
function roundedEarlierRange(value: number, roundingBase: number): { lower: number; upper: number } | null {
  const base = [roundingBase, ...ROUNDING_BASES.filter((b) => b > roundingBase)].filter((b) => value % b === 0).at(-1);
  return base === undefined ? null : roundedRange(value, base);
}

/** What one earlier figure proves about a true value now, or null if nothing (or it was revised). */
export function earlierView(figure: Pick<FigureRow, 'value' | 'flag'>, value: number, integer: boolean, roundingBase: number): CellView | null {
  const { flag } = figure;
  if (flag === GSS.c) {
    const lower = integer ? 1 : 0;
    return value >= lower ? { kind: 'hidden', lower } : null;
  }
  if (figure.value === null) return null;
  if (flag === GSS.rd) {
    const range = roundedEarlierRange(figure.value, roundingBase);
    return range && value >= range.lower && value <= range.upper ? { kind: 'range', ...range } : null;
  }
  return figure.value === value ? { kind: 'exact' } : null;
}

/** An earlier figure shown as a number (not [c], not rounded): the reader holds it exactly. */
export function shownExactly(figure: Pick<FigureRow, 'value' | 'flag'>): figure is Pick<FigureRow, 'flag'> & { value: number } {
  return figure.value !== null && figure.flag !== GSS.c && figure.flag !== GSS.rd;
}

/**
 * For each cell of this release, what the earlier releases prove about it, and the relations
 * their revised figures still give.
 */
export function earlierKnowledge(universe: ReleaseUniverse, earlier: readonly EarlierRelease[], roundingBase: number): EarlierKnowledge {
  const views: (CellView | null)[] = universe.cells.map(() => null);
  const relations: AuditRelation[] = [];
  for (const release of earlier) {
    const revised: RevisedFigure[] = [];
    const byKey = new Map<string, FigureRow>();
    for (const [table, rows] of Object.entries(release) as [RevisedTable, readonly FigureRow[]][]) {
      for (const row of rows) byKey.set(figureOf(table, row).key, row);
    }
    universe.cells.forEach((c, i) => {
      const row = byKey.get(cellFigureKey(c));
      if (!row) return;
      const seen = earlierView(row, c.value, isCount(c), roundingBase);
      const view = views[i] ?? null;
      if (seen) views[i] = view === null ? seen : intersectViews(view, seen);
      else if (shownExactly(row)) {
        const extent = { area: extentOf(c.area_code, c.area_type === 'authority'), breakdown: extentOf(c.breakdown, c.breakdown === 'all'), period: [c.period.start, c.period.end] as const };
        revised.push({ cell: i, shown: row.value, value: c.value, name: describeCell(c), series: `${c.table}|${c.measure}`, extent });
      }
    });
    relations.push(...revisedAlike(revised));
  }
  return { views, relations };
}

/** An earlier figure shown exactly and revised since: where it is now, and what was shown. */
export interface RevisedFigure {
  /** Its cell in the audit. */
  readonly cell: number;
  /** What the earlier release showed. */
  readonly shown: number;
  /** Its true value now. */
  readonly value: number;
  readonly name: string;
  /** Only figures of one series (a table's measure) of one release are compared. */
  readonly series: string;
  /** What it counts, dimension by dimension, as a range ("" to "\uffff": everything). */
  readonly extent: Readonly<Record<string, readonly [string, string]>>;
}

/** The whole of a dimension: an authority's localities, a breakdown's "all". */
export const WHOLE: readonly [string, string] = ['', '\uffff'];

/** One value of a dimension, or the whole of it. */
export function extentOf(value: string, whole: boolean): readonly [string, string] {
  return whole ? WHOLE : [value, value];
}

function within(inner: RevisedFigure, outer: RevisedFigure): boolean {
  return Object.entries(inner.extent).every(([dim, [lo, hi]]) => {
    const [olo, ohi] = outer.extent[dim] ?? WHOLE;
    return olo <= lo && hi <= ohi;
  });
}

/**
 * A revision moves every earlier figure that holds it by the same amount: a family's closure
 * dated back into the last quarter moved that quarter, its year to date and its programme to date
 * alike. Each revised figure alone tells a reader nothing now; but where a figure and one inside
 * it (a shorter period, a locality of the authority, a breakdown of "all") were revised by the
 * same amount, a reader takes the revision to lie in the inner one, and their difference to be as
 * it was: the programme to date less the year to date is last year's total, which no revision
 * touched. That difference is a relation with the earlier figures as its constant. Figures
 * revised alike that do not nest, or by other amounts, tell a reader nothing it could rely on
 * (docs/disclosure-control.md §7).
 */
export function revisedAlike(figures: readonly RevisedFigure[]): AuditRelation[] {
  const out: AuditRelation[] = [];
  for (const outer of figures) {
    for (const inner of figures) {
      // Money is revised in pence: amounts compared to a millionth, as the audit compares sums.
      const alike = Math.abs(outer.shown - outer.value - (inner.shown - inner.value)) < 1e-6;
      if (inner.cell === outer.cell || inner.series !== outer.series || !alike || !within(inner, outer)) continue;
      out.push({ name: `revised alike since an earlier release: ${outer.name} less ${inner.name}`, sense: 'eq', cells: [outer.cell, inner.cell], coefs: [1, -1], constant: -(outer.shown - inner.shown) });
    }
  }
  return out;
}

/**
 * The longer periods an earlier release published, as its own extract period made them: its
 * financial year to date, last four quarters and programme to date ended sooner than this
 * release's, and its figure over one of them beside this release's figure over the next gives a
 * quarter back by differencing. The release design takes them as figures of its own, published
 * before and not now (release-cells.ts). Only periods the release shows a figure for are kept.
 */
export function earlierPeriods(earlier: ReadonlyArray<{ readonly first: FinancialQuarter; readonly last: FinancialQuarter; readonly figures: EarlierRelease }>): ReleasePeriod[] {
  const out = new Map<string, ReleasePeriod>();
  for (const { first, last, figures } of earlier) {
    const shown = new Set((figures.periods ?? []).map((r) => `${String(r['period_type'])}|${String(r['period'])}`));
    // Quarters are matched figure by figure (earlierKnowledge); only the longer periods need making.
    for (const type of PERIOD_TYPES.filter((t) => t !== 'quarter')) {
      for (const p of releasePeriods(type, first, last)) if (shown.has(`${p.type}|${p.label}`)) out.set(`${p.type}|${p.label}`, p);
    }
  }
  return [...out.values()];
}

/** Cohort measures that are a new snapshot each quarter, so an earlier figure says nothing of today's. */
export const COHORT_SNAPSHOTS: ReadonlySet<string> = new Set(['families_due_next_quarter']);

/** The least value an earlier figure shows: its own, its rounded range's, or 1 for a [c]. */
function earlierLower(figure: Pick<FigureRow, 'value' | 'flag'>, roundingBase: number): number | null {
  if (figure.flag === GSS.c) return 1;
  if (figure.value === null) return null;
  if (figure.flag === GSS.rd) return roundedEarlierRange(figure.value, roundingBase)?.lower ?? null;
  return figure.value;
}

/**
 * For each cohort figure (a row with its key columns and true value), what the earlier releases'
 * cohort tables prove about it. A stage's families only grow from one release to the next (a
 * family attached or claimed for stays so), so an earlier figure is at least a lower bound on
 * today's; where it still holds today's value (the same count, a range around it) the reader may
 * take it as that figure. "Due next quarter" is a new count each quarter: nothing carries over.
 */
export function earlierCohortViews(cells: readonly (Readonly<Record<string, unknown>> & { value: number; measure: string })[], earlier: readonly (readonly FigureRow[])[], roundingBase: number): (CellView | null)[] {
  const byKey = earlier.map((rows) => new Map(rows.map((r) => [figureKey(COHORT_FIGURE_KEY, r), r])));
  return cells.map((c) => {
    if (COHORT_SNAPSHOTS.has(c.measure)) return null;
    const key = figureKey(COHORT_FIGURE_KEY, c);
    let view: CellView | null = null;
    for (const map of byKey) {
      const row = map.get(key);
      if (!row) continue;
      const lower = earlierLower(row, roundingBase);
      const seen = earlierView(row, c.value, true, roundingBase) ?? (lower !== null && lower <= c.value ? { kind: 'hidden' as const, lower } : null);
      if (seen) view = view === null ? seen : intersectViews(view, seen);
    }
    return view;
  });
}
