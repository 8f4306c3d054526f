/**
 * [r]: comparing a release with the previous public release, figure by figure. A figure both
 * releases publish as a number in the same form (both as counted, or both rounded) whose number
 * changed is a revision: the new release marks it [r] and the revisions log records what it was
 * and what it is.
 *
 * Both sides are published, disclosure-controlled releases, so "what it was" is only ever a number
 * the earlier release itself showed, and a figure withheld ([c]) in either release is never
 * compared, so the log cannot be used to tell what a [c] stood for. A figure the previous release
 * did not have (a new quarter, area or period) is new, not revised.
 */
import { GSS, type GssFlag } from '../../../src/lib/outputs/tables.ts';
import type { Revision } from '../../../src/lib/outputs/revisions.ts';
import { figureOf, RELEASE_TABLES, shownValue as shown, type Figure, type FigureRow, type ReleaseRows, type RevisedTable } from '../../../src/lib/outputs/figures.ts';

/** The rows of a release the comparison needs: each figure's key columns, value and flag. */
export type PublishedFigures = Readonly<Record<RevisedTable, readonly FigureRow[]>>;

export interface ReleaseInfo {
  /** ISO date the release was published. */
  released: string;
}

export interface Comparison {
  rows: ReleaseRows;
  revisions: Revision[];
  /**
   * Figures both releases publish in different forms, which a reader holding both can combine:
   * withheld ([c]) in one and shown in the other, or rounded in one and exact in the other.
   * Disclosure control designs each release alone, so the pipeline reports these for the analyst.
   */
  formChanges: { withheldShown: number; roundedExact: number };
}

/** Two published numbers differ by more than the last stored digit (doubles summed in another order). */
function differ(a: number, b: number): boolean {
  return Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

type Form = 'hidden' | 'rounded' | 'exact';

/** How a figure is published: withheld behind a symbol, rounded ([rd]), or as counted. */
function form(f: Pick<Figure, 'value' | 'flag'>): Form {
  if (shown(f) === null) return 'hidden';
  return f.flag === GSS.rd ? 'rounded' : 'exact';
}

/**
 * Half the widest rounding that could have given a rounded figure `v`: disclosure control rounds
 * to the policy's base, and a large authority figure more coarsely along the 1-2-5 series
 * (20, 50, 100 …) while the base stays under twice the figure, so the widest base dividing `v`.
 */
export function roundingHalfWidth(v: number, base: number): number {
  let widest = base;
  for (let b = base, i = 0; b < 2 * Math.abs(v); b = base * [1, 2, 5][++i % 3]! * 10 ** Math.floor(i / 3)) {
    if (Number.isInteger(v / b)) widest = b;
  }
  return widest / 2;
}

/**
 * Whether the figure was revised: published in the same form by both releases, and different
 * (rounded figures by more than their rounding can explain). A figure published in another form
 * this time (exact then, rounded or withheld now, or the reverse) is not compared: disclosure
 * control designs each release as a whole, so the form can change when the figure has not, and
 * the two cannot be told apart from published figures alone.
 */
export function changed(was: Pick<Figure, 'value' | 'flag'>, now: Pick<Figure, 'value' | 'flag'>, roundingBase: number): boolean {
  const kind = form(was);
  if (kind === 'hidden' || kind !== form(now)) return false;
  const [a, b] = [shown(was)!, shown(now)!];
  if (kind === 'rounded') return Math.abs(a - b) > roundingHalfWidth(a, roundingBase) + roundingHalfWidth(b, roundingBase);
  return differ(a, b);
}

/**
 * [r] goes on a revised figure shown as counted, replacing [p] (a revised provisional figure: the
 * revision is the news, and the log says it). [rd] says the figure is rounded, which a reader
 * needs more: it stays, and the revisions log still lists the figure.
 */
function markRevised(flag: GssFlag | null): GssFlag | null {
  return flag === null || flag === GSS.p || flag === GSS.r ? GSS.r : flag;
}

export interface CompareOptions {
  previous: ReleaseInfo;
  current: ReleaseInfo;
  reason: string;
  /** The disclosure policy's rounding base (disclosure.json), for telling a revision from a rounding. */
  roundingBase: number;
}

export function compareReleases(previous: PublishedFigures, current: ReleaseRows, info: CompareOptions): Comparison {
  const revisions: Revision[] = [];
  const formChanges = { withheldShown: 0, roundedExact: 0 };
  const rows = { ...current } as Record<RevisedTable, FigureRow[]>;
  for (const table of RELEASE_TABLES) {
    const before = new Map<string, Figure>();
    for (const row of previous[table]) {
      const f = figureOf(table, row);
      before.set(f.key, f);
    }
    rows[table] = (current[table] as FigureRow[]).map((row) => {
      const now = figureOf(table, row);
      const was = before.get(now.key);
      if (!was) return row;
      const forms = [form(was), form(now)].sort().join('/');
      if (forms === 'exact/hidden' || forms === 'hidden/rounded') formChanges.withheldShown++;
      if (forms === 'exact/rounded') formChanges.roundedExact++;
      if (!changed(was, now, info.roundingBase)) return row;
      const flag = markRevised(row.flag);
      revisions.push({
        table,
        measure: now.measure,
        breakdown: now.breakdown,
        area_code: now.area_code,
        period: now.period,
        was: shown(was),
        was_flag: was.flag,
        now: shown(now),
        now_flag: flag,
        first_released: info.previous.released,
        revised: info.current.released,
        reason: info.reason,
      });
      return flag === row.flag ? row : { ...row, flag };
    });
  }
  return { rows: rows as unknown as ReleaseRows, revisions, formChanges };
}
