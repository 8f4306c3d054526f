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
import { figureOf, type FigureRow, type RevisedTable } from '../../../src/lib/outputs/figures.ts';
import { GSS } from '../../../src/lib/outputs/tables.ts';
import { intersectViews, type CellView } from './audit.ts';
import type { ReleaseCell, ReleaseUniverse } from './release-cells.ts';
import { COARSER_BASES, isCount, MONEY_BASES, roundedRange } from './release.ts';

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

/** What one earlier figure proves about a true value now, or null if nothing (or it was revised). */
export function earlierView(figure: Pick<FigureRow, 'value' | 'flag'>, value: number, integer: boolean, roundingBase: number): CellView | null {
  const { flag } = figure;
  if (flag === GSS.c) {
    const lower = integer ? 1 : 0;
    return value >= lower ? { kind: 'hidden', lower } : null;
  }
  if (figure.value === null) return null;
  if (flag === GSS.rd) {
    // The row does not say which base it was rounded to; the value alone proves only the widest
    // range of a base it is a multiple of (a base the rule could have used).
    const bases = [roundingBase, ...ROUNDING_BASES.filter((b) => b > roundingBase)].filter((b) => figure.value !== null && figure.value % b === 0);
    const base = bases.at(-1);
    if (base === undefined) return null;
    const range = roundedRange(figure.value, base);
    return value >= range.lower && value <= range.upper ? { kind: 'range', ...range } : null;
  }
  return figure.value === value ? { kind: 'exact' } : null;
}

/**
 * For each cell of this release, what the earlier releases prove about it (null: nothing).
 */
export function earlierViews(universe: ReleaseUniverse, earlier: readonly EarlierRelease[], roundingBase: number): (CellView | null)[] {
  const byKey = earlier.map((release) => {
    const map = new Map<string, FigureRow>();
    for (const [table, rows] of Object.entries(release) as [RevisedTable, readonly FigureRow[]][]) {
      for (const row of rows) map.set(figureOf(table, row).key, row);
    }
    return map;
  });
  return universe.cells.map((c) => {
    const key = cellFigureKey(c);
    const integer = isCount(c);
    let view: CellView | null = null;
    for (const map of byKey) {
      const row = map.get(key);
      const seen = row ? earlierView(row, c.value, integer, roundingBase) : null;
      if (seen) view = view === null ? seen : intersectViews(view, seen);
    }
    return view;
  });
}
