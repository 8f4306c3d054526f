/**
 * Disclosure control of the cohort funnel (cohort.parquet), judged together with the rest of the
 * public release. The quarterly release is designed first (release.ts) and stays as it is; the
 * cohort table is then added to the same audit, with every relation a reader can use:
 *
 * - localities add up to the authority, and cohort years to "all";
 * - time-to-claim bins add up to the families claimed;
 * - the funnel nests: identified ≥ attached ≥ achieved ≥ sustained ≥ claimed, and a family due
 *   next quarter has an outcome achieved but none sustained (sustained + due ≤ achieved);
 * - across tables: a cohort year's families attached are the families attached in the quarters
 *   of that financial year (where the data say so), every cohort's families identified and
 *   attached are the programme's to date, and no stage counts more than the outcomes or claims
 *   the other tables publish.
 *
 * Each relation is declared only where it holds in the data (a reader cannot use one that does
 * not). A count from 1 to threshold − 1 is hidden; while the audit can narrow a hidden count
 * below the threshold, the figures that hold it in are rounded, then hidden (localities) or
 * rounded more coarsely (the authority, and only when no locality figure can move), and the audit
 * runs again. That may reach into the quarterly release
 * (a small cohort's stages are bounded by its families attached, which the programme table
 * publishes too): hiding or rounding more only widens what a reader can prove, so the quarterly
 * release's own audit still holds. Claims figures are left alone there, as their amounts follow
 * their counts by a rule of release.ts.
 */
import { GSS, type CohortRow, type UtilityShare } from '../../../src/lib/outputs/tables.ts';
import { CLAIM_LAG_BINS } from '../../../src/lib/cohort/claim-lag.ts';
import type { DisclosurePolicy } from '../../../src/lib/reference/schema.ts';
import { AuditEffortError, auditRelease, intersectViews, type AuditResult, type SearchEffort, type AuditCell, type AuditRelation, type Interval, type CellView } from './audit.ts';
import { COHORT_SNAPSHOTS, earlierCohortViews, extentOf, earlierView, revisedAlike, shownExactly, type RevisedFigure } from './prior-release.ts';
import { COHORT_FIGURE_KEY, figureKey, type FigureRow } from '../../../src/lib/outputs/figures.ts';
import type { ReleaseCell, ReleaseUniverse } from './release-cells.ts';
import { auditCells, COARSER_BASES, describeCell, roundedRange, type Shown } from './release.ts';
import { roundToBase } from '../../../src/lib/outputs/rounding.ts';
import { sharesShown } from './publish-design.ts';

const ALL = 'all';
const MAX_ROUNDS = 50;
/**
 * Integer programmes over a large component that may run out of nodes before the cohort table is
 * withheld: past a few, each costs seconds and the rest of the design would take hours (a
 * 600-family council). The sample's design has none.
 */
const COHORT_SEARCH_EFFORT = 10;

/** A row the design protects: it has a value, and is this council's (comparators are left as they are). */
function isFigure<R extends { readonly value: unknown; readonly area_type?: unknown }>(r: R): r is R & { value: number } {
  return r.value !== null && r.area_type !== 'comparator';
}

/** The funnel's stages in order; each counts families of the stage before. */
const STAGES = ['families_identified', 'families_attached', 'families_achieved', 'families_sustained', 'families_claimed'] as const;

export interface CohortAudit {
  readonly hidden_counts_audited: number;
  readonly narrowest_interval: number | null;
  readonly rounds: number;
  /** Why the cohort table is published as [x] throughout, when it is. */
  readonly withheld?: string;
}

export interface CohortRelease {
  readonly rows: CohortRow[];
  /** The quarterly release's view after any figure it had to hide or round more for the cohort table. */
  readonly shown: Shown[];
  /** What a reader sees of each cohort row with a value, in row order (for the tests' reader). */
  readonly cohortShown: ReadonlyMap<number, Shown>;
  readonly audit: CohortAudit;
}

export class CohortDisclosureError extends Error {
  override name = 'CohortDisclosureError';
}

type Cell = Pick<CohortRow, 'cohort_year' | 'area_code' | 'area_type' | 'measure' | 'breakdown' | 'value'>;

function key(...parts: string[]): string {
  return parts.join('\u0000');
}

function holds(values: readonly number[], coefs: readonly number[], sense: 'eq' | 'le'): boolean {
  const sum = values.reduce((s, v, j) => s + v * (coefs[j] as number), 0);
  const scale = Math.max(1, ...values.map((v, j) => Math.abs(v * (coefs[j] as number))));
  return sense === 'eq' ? Math.abs(sum) <= 1e-6 * scale : sum <= 1e-6 * scale;
}

/** Σ parts − total = 0, or Σ coefs·cells ≤ 0, kept only where it holds in the data. */
function relation(cells: readonly Cell[], name: string, sense: 'eq' | 'le', idx: readonly number[], coefs: readonly number[]): AuditRelation[] {
  const values = idx.map((i) => (cells[i] as Cell).value ?? Number.NaN);
  if (values.some((v) => Number.isNaN(v)) || !holds(values, coefs, sense)) return [];
  return [{ name, sense, cells: idx, coefs }];
}

function sumRelation(cells: readonly Cell[], name: string, parts: readonly number[], total: number | undefined): AuditRelation[] {
  if (total === undefined || parts.length === 0) return [];
  return relation(cells, name, 'eq', [...parts, total], [...parts.map(() => 1), -1]);
}

function groups(cells: readonly Cell[], keep: (c: Cell) => boolean, by: (c: Cell) => string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  cells.forEach((c, i) => {
    if (!keep(c)) return;
    const k = by(c);
    out.set(k, [...(out.get(k) ?? []), i]);
  });
  return out;
}

/**
 * The relations within the cohort table, over indices into `cells` (rows with a value; no
 * comparators). Exported for the tests, which check each against the data.
 */
export function cohortRelations(cells: readonly Cell[]): AuditRelation[] {
  const out: AuditRelation[] = [];
  const place = (c: Cell) => `${c.measure}${c.breakdown === ALL ? '' : ` (${c.breakdown})`}, ${c.area_code}, cohort ${c.cohort_year}`;
  for (const members of groups(cells, () => true, (c) => key(c.cohort_year, c.measure, c.breakdown)).values()) {
    const total = members.find((i) => cells[i]?.area_type === 'authority');
    const c = cells[members[0] as number] as Cell;
    out.push(...sumRelation(cells, `localities add up to the authority: ${place({ ...c, area_code: 'all areas' })}`, members.filter((i) => cells[i]?.area_type === 'locality'), total));
  }
  for (const members of groups(cells, () => true, (c) => key(c.area_code, c.measure, c.breakdown)).values()) {
    const total = members.find((i) => cells[i]?.cohort_year === ALL);
    const c = cells[members[0] as number] as Cell;
    out.push(...sumRelation(cells, `cohort years add up to all cohorts: ${place({ ...c, cohort_year: 'years' })}`, members.filter((i) => cells[i]?.cohort_year !== ALL), total));
  }
  const bins = new Set(CLAIM_LAG_BINS.map((b) => b.code));
  for (const members of groups(cells, (c) => c.measure === 'families_claimed', (c) => key(c.cohort_year, c.area_code)).values()) {
    const total = members.find((i) => cells[i]?.breakdown === ALL);
    const c = cells[members[0] as number] as Cell;
    out.push(...sumRelation(cells, `time-to-claim bins add up to the families claimed: ${place({ ...c, breakdown: ALL })}`, members.filter((i) => bins.has(cells[i]?.breakdown ?? '')), total));
  }
  const index = new Map<string, number>();
  cells.forEach((c, i) => index.set(key(c.cohort_year, c.area_code, c.measure, c.breakdown), i));
  for (const [, members] of groups(cells, (c) => c.breakdown === ALL && c.measure === 'families_identified', (c) => key(c.cohort_year, c.area_code))) {
    const c = cells[members[0] as number] as Cell;
    const at = (measure: string) => index.get(key(c.cohort_year, c.area_code, measure, ALL));
    for (let s = 1; s < STAGES.length; s++) {
      const inner = at(STAGES[s] as string);
      const outer = at(STAGES[s - 1] as string);
      if (inner === undefined || outer === undefined) continue;
      out.push(...relation(cells, `the funnel nests: ${STAGES[s]} ≤ ${STAGES[s - 1]}, ${c.area_code}, cohort ${c.cohort_year}`, 'le', [inner, outer], [1, -1]));
    }
    const [due, sustained, achieved] = [at('families_due_next_quarter'), at('families_sustained'), at('families_achieved')];
    if (due !== undefined && sustained !== undefined && achieved !== undefined) {
      out.push(...relation(cells, `due next quarter + sustained ≤ achieved: ${c.area_code}, cohort ${c.cohort_year}`, 'le', [due, sustained, achieved], [1, 1, -1]));
    }
  }
  return out;
}

/**
 * Relations between cohort cells (indices offset by `offset` into the joint cell array) and the
 * quarterly release's cells. Only quarter cells are used: the release already ties its longer
 * periods to them.
 */
export function crossRelations(cells: readonly Cell[], offset: number, universe: ReleaseUniverse, asAt?: string): AuditRelation[] {
  const quarters = new Map<string, number[]>();
  universe.cells.forEach((c, i) => {
    // An earlier release's cohort table counts to its own last quarter, which ends on `asAt`.
    if (c.period.type !== 'quarter' || (asAt !== undefined && c.period.end > asAt)) return;
    const k = key(c.table, c.measure, c.breakdown, c.area_code);
    quarters.set(k, [...(quarters.get(k) ?? []), i]);
  });
  const joint: Cell[] = [...universe.cells.map(asCell), ...cells];
  const out: AuditRelation[] = [];
  cells.forEach((c, j) => {
    if (c.breakdown !== ALL) return;
    const i = universe.cells.length + j;
    const of = (table: string, measure: string, breakdown = ALL) => quarters.get(key(table, measure, breakdown, c.area_code)) ?? [];
    const inYear = (q: readonly number[]) => q.filter((k) => (universe.cells[k] as ReleaseCell).period.label.startsWith(`${c.cohort_year} `));
    const name = (what: string) => `${what}: ${c.measure}, ${c.area_code}, cohort ${c.cohort_year}`;
    if ((c.measure === 'families_attached' || c.measure === 'families_identified') && c.cohort_year !== ALL) {
      // Where every family attached (identified) in a financial year belongs to that year's cohort.
      out.push(...sumRelation(joint, name(`a cohort is the ${c.measure.replace('_', ' ')} in its year`), inYear(of('programme', c.measure)), i));
    }
    if (c.cohort_year !== ALL) return;
    if (c.measure === 'families_identified' || c.measure === 'families_attached') {
      out.push(...sumRelation(joint, name('every cohort together is the programme to date'), of('programme', c.measure), i));
    }
    // Upper bounds: a family achieving, sustaining or claiming has at least one outcome or claim counted elsewhere.
    const bound = (measure: string, table: string, other: string) => {
      if (c.measure !== measure) return;
      const q = of(table, other);
      if (q.length > 0) out.push(...relation(joint, name(`no more than the ${other} published`), 'le', [i, ...q], [1, ...q.map(() => -1)]));
    };
    bound('families_achieved', 'outcomes', 'outcomes_achieved');
    bound('families_sustained', 'outcomes', 'outcomes_sustained');
    bound('families_claimed', 'claims', 'claims');
  });
  // The cohort cells sit at `offset` in the audit, wherever they sat in `joint`.
  return out.map((r) => ({ ...r, cells: r.cells.map((k) => (k < universe.cells.length ? k : k - universe.cells.length + offset)) }));
}

function asCell(c: ReleaseCell): Cell {
  return { cohort_year: c.period.label, area_code: c.area_code, area_type: c.area_type, measure: c.measure, breakdown: c.breakdown, value: c.value };
}

function describe(c: Cell): string {
  return `cohort ${c.measure}${c.breakdown === ALL ? '' : ` (${c.breakdown})`}, ${c.area_code}, cohort ${c.cohort_year}`;
}

/**
 * An earlier release's cohort table, as a reader holds it: its published rows, and the true
 * values behind them (today's data counted to its last quarter) where the pipeline worked them out.
 */
export interface EarlierCohort {
  readonly rows: readonly FigureRow[];
  /** Its true values, and the end of its last quarter (ISO date). */
  readonly truth?: { readonly rows: readonly CohortRow[]; readonly asAt: string };
}

/**
 * An earlier cohort table's figures as unknowns of the audit: tied by the table's own relations
 * (localities, cohort years and bins add up; the funnel nests), to the quarters up to its last
 * (its year in progress is that year's quarters so far: today's year less the new quarter), and
 * each to today's figure of the same stage, which can only have grown since (a family attached or
 * claimed for stays so). The earlier table's own hidden counts are its release's to protect
 * (docs/disclosure-control.md, "What is not protected").
 */
function earlierCohortCells(earlier: EarlierCohort, published: readonly (Cell & { value: number })[], universe: ReleaseUniverse, at: { offset: number; base: number }, roundingBase: number): { cells: AuditCell[]; relations: AuditRelation[] } {
  if (!earlier.truth) return { cells: [], relations: [] };
  const cells = earlier.truth.rows.filter(isFigure);
  const rows = new Map(earlier.rows.map((r) => [figureKey(COHORT_FIGURE_KEY, r), r]));
  const now = new Map(published.map((c, j) => [figureKey(COHORT_FIGURE_KEY, c), j]));
  const relations = [...cohortRelations(cells).map((r) => ({ ...r, cells: r.cells.map((c) => c + at.base) })), ...crossRelations(cells, at.base, universe, earlier.truth.asAt)];
  const revised: RevisedFigure[] = [];
  const audit = cells.map((c, j): AuditCell => {
    const today = COHORT_SNAPSHOTS.has(c.measure) ? undefined : now.get(figureKey(COHORT_FIGURE_KEY, c));
    if (today !== undefined && c.value <= (published[today] as Cell & { value: number }).value) {
      relations.push({ name: `a stage only grows: ${describe(c)}, then and now`, sense: 'le', cells: [at.base + j, at.offset + today], coefs: [1, -1] });
    }
    const row = rows.get(figureKey(COHORT_FIGURE_KEY, c));
    const view = row && earlierView(row, c.value, true, roundingBase);
    if (row && !view && shownExactly(row)) {
      const extent = { area: extentOf(c.area_code, c.area_type === 'authority'), breakdown: extentOf(c.breakdown, c.breakdown === ALL), cohort: extentOf(c.cohort_year, c.cohort_year === ALL) };
      revised.push({ cell: at.base + j, shown: row.value, value: c.value, name: describe(c), series: c.measure, extent });
    }
    // A figure revised since, or never published, tells the reader nothing alone: an unknown from 0.
    return { value: c.value, integer: true, view: view ?? { kind: 'hidden', lower: 0 }, minWidth: 0 };
  });
  relations.push(...revisedAlike(revised));
  return { cells: audit, relations };
}

/** The next, more protective view of a published cohort figure, or null when there is none. */
function nextView(c: Cell & { value: number }, now: Shown, policy: DisclosurePolicy, threshold: number): Shown | null {
  if (now.kind === 'hidden' || now.kind === 'withheld' || c.value === 0) return null;
  // A figure at or above the threshold is rounded first: it still reads, and protects as well.
  if (now.kind === 'exact' && c.value >= threshold) return { kind: 'rounded', base: policy.rounding_base };
  // Council-wide figures are the headlines: rounded ever more coarsely while they still read.
  if (now.kind === 'rounded' && c.area_type === 'authority') {
    const coarser = COARSER_BASES.find((b) => b > now.base && b < 2 * c.value);
    if (coarser !== undefined) return { kind: 'rounded', base: coarser };
  }
  return { kind: 'hidden' };
}

function cohortAuditCell(c: Cell & { value: number }, s: Shown, threshold: number, earlier: CellView | null): AuditCell {
  const small = c.value > 0 && c.value < threshold;
  const cell = (view: CellView, minWidth: number): AuditCell => ({ value: c.value, integer: true, view: intersectViews(view, earlier), minWidth });
  if (s.kind === 'exact') return cell({ kind: 'exact' }, 0);
  if (s.kind === 'rounded') return cell({ kind: 'range', ...roundedRange(roundToBase(c.value, s.base), s.base) }, 0);
  // The documented rule never hides a zero, so a reader knows a [c] is at least 1.
  return cell({ kind: 'hidden', lower: 1 }, small ? threshold : 0);
}

/**
 * Designs the public cohort table against the quarterly release as designed (`universe`,
 * `shown`): returns the rows as published ([c] hidden, [rd] rounded) and the audit's verdict.
 */
export async function designCohortRelease(
  rows: readonly CohortRow[],
  universe: ReleaseUniverse,
  shown: readonly Shown[],
  policy: DisclosurePolicy,
  threshold: number,
  onRound?: (round: number, failing: number) => void,
  /** What earlier releases show of the quarterly figures (designRelease's `earlier`). */
  earlier: readonly (CellView | null)[] = [],
  /** Earlier releases' cohort tables, oldest first. */
  earlierCohorts: readonly EarlierCohort[] = [],
): Promise<CohortRelease> {
  const published = rows.flatMap((r, row) => (isFigure(r) ? [{ ...r, row }] : []));
  const seen = earlierCohortViews(published, earlierCohorts.map((e) => e.rows), policy.rounding_base);
  const offset = universe.cells.length;
  const relations = [...universe.relations, ...cohortRelations(published).map((r) => ({ ...r, cells: r.cells.map((c) => c + offset) })), ...crossRelations(published, offset, universe)];
  // Earlier cohort tables' figures follow, as unknowns no change here can reach.
  const archivedFrom = offset + published.length;
  const archived: AuditCell[] = [];
  for (const e of earlierCohorts) {
    const part = earlierCohortCells(e, published, universe, { offset, base: archivedFrom + archived.length }, policy.rounding_base);
    archived.push(...part.cells);
    relations.push(...part.relations);
  }
  const mainView = [...shown];
  // A figure an earlier release showed exactly cannot be taken back: it is shown again.
  const view: Shown[] = published.map((c, j) => (seen[j]?.kind !== 'exact' && c.value > 0 && c.value < threshold ? { kind: 'hidden' } : { kind: 'exact' }));
  // Main-release cells a cohort figure is tied to: their components are audited again too.
  const touched = new Set<number>([...published.map((_, j) => offset + j), ...archived.map((_, j) => archivedFrom + j)]);
  for (const r of relations.slice(universe.relations.length)) for (const c of r.cells) touched.add(c);
  let rounds = 0;
  const intervals = new Map<number, Interval>();
  // Only components a change touched need auditing again: the rest passed and are as they were.
  let only: ReadonlySet<number> = touched;
  // Every change here hides or rounds more, which only widens what a reader can prove: a hidden
  // count that passed once passes for good, and each later round judges only those still failing
  // and the quarterly figures it has just hidden.
  let targets: ReadonlySet<number> | undefined;
  const effort: SearchEffort = { used: 0, limit: COHORT_SEARCH_EFFORT };
  for (;;) {
    const cells = [...auditCells(universe, mainView, threshold, earlier), ...published.map((c, j) => cohortAuditCell(c, view[j] as Shown, threshold, seen[j] ?? null)), ...archived];
    // Neighbourhoods first (a pass is a proof either way); a suspect is judged on its whole component.
    let result: AuditResult;
    try {
      const quick = await auditRelease(cells, relations, { only, exact: false, effort, ...(targets ? { targets } : {}) });
      rounds++;
      for (const [c, iv] of quick.intervals) intervals.set(c, iv);
      const suspects = new Set(quick.failures.map((f) => f.cell));
      result = quick.failures.length === 0 ? quick : await auditRelease(cells, relations, { only: suspects, targets: suspects, effort });
    } catch (error) {
      if (!(error instanceof AuditEffortError)) throw error;
      return withheldCohort(rows, shown, earlierCohorts, rounds, error.message);
    }
    for (const [c, iv] of result.intervals) intervals.set(c, iv);
    onRound?.(rounds, result.failures.length);
    if (result.failures.length === 0) break;
    if (rounds >= MAX_ROUNDS) throw new CohortDisclosureError(`The cohort table fails its disclosure audit after ${rounds} rounds: ${failureText(result.failures[0], published, universe, offset)}`);
    const failingCells = result.failures.map((f) => f.cell);
    const touchedNow = new Set<number>();
    // Council-wide figures are the headlines: for each failing count, the figures holding it in move
    // one step, the localities' first; an authority figure moves only when none of those can, and
    // is hidden only when nothing else moves.
    const figureAt = (l: number) => (l < offset ? asCell(universe.cells[l] as ReleaseCell) : published[l - offset]) as Cell & { value: number };
    const isAuthority = (l: number): boolean => l < archivedFrom && figureAt(l).area_type === 'authority';
    const step = (l: number, hideAuthority: boolean): boolean => {
      // An earlier release's figure is as it was published.
      if (l >= archivedFrom) return false;
      const c = figureAt(l);
      const now = (l < offset ? mainView[l] : view[l - offset]) as Shown;
      let next: Shown | null;
      if (l < offset) {
        const cell = universe.cells[l] as ReleaseCell;
        // Claims figures are left alone: their amounts follow their counts by a rule of release.ts.
        next = cell.table === 'claims' ? null : !cell.policy.may_round ? { kind: 'hidden' } : nextView(c, now, policy, threshold);
        // A figure an earlier release showed exactly cannot be taken back.
        if (now.kind === 'hidden' || now.kind === 'withheld' || c.value === 0 || earlier[l]?.kind === 'exact') next = null;
      } else {
        next = seen[l - offset]?.kind === 'exact' ? null : nextView(c, now, policy, threshold);
      }
      if (!next || (next.kind === 'hidden' && c.area_type === 'authority' && !hideAuthority)) return false;
      if (l < offset) mainView[l] = next;
      else view[l - offset] = next;
      touchedNow.add(l);
      return true;
    };
    let changed = 0;
    for (const f of result.failures) {
      // A figure that moved for another failing count this round moves this one's bounds too.
      let moving = f.limiting.some((l) => touchedNow.has(l));
      const move = (l: number, hideAuthority: boolean): void => {
        if (touchedNow.has(l) || !step(l, hideAuthority)) return;
        moving = true;
        changed++;
      };
      for (const l of f.limiting) if (!isAuthority(l)) move(l, false);
      if (!moving) for (const l of f.limiting) move(l, false);
      if (!moving) for (const l of f.limiting) move(l, true);
    }
    only = new Set([...failingCells, ...touchedNow]);
    // A quarterly figure hidden here is a [c] from now on, and every [c] must stay the threshold
    // wide: it was never judged as one, so it is judged with those still failing.
    targets = new Set([...failingCells, ...[...touchedNow].filter((l) => l < offset && (mainView[l] as Shown).kind === 'hidden')]);
    if (changed === 0) throw new CohortDisclosureError(`The cohort table fails its disclosure audit and no cohort figure is left to hide: ${failureText(result.failures[0], published, universe, offset)}`);
  }
  const out = rows.map((r) => ({ ...r }));
  published.forEach((c, j) => {
    const s = view[j] as Shown;
    const row = out[c.row] as CohortRow;
    if (s.kind === 'hidden') Object.assign(row, { value: null, flag: GSS.c });
    else if (s.kind === 'rounded') Object.assign(row, { value: roundToBase(c.value, s.base), flag: GSS.rd });
  });
  const widths = published.flatMap((c, j) => {
    const iv = intervals.get(offset + j);
    return (view[j] as Shown).kind === 'hidden' && c.value > 0 && c.value < threshold && iv ? [iv.upper - iv.lower] : [];
  });
  return { rows: out, shown: mainView, cohortShown: new Map(published.map((c, j) => [c.row, view[j] as Shown])), audit: { hidden_counts_audited: widths.length, narrowest_interval: widths.length === 0 ? null : Math.min(...widths), rounds } };
}

/**
 * The cohort table published as [x] (not available) throughout, with the quarterly release as
 * designed: for when the audit cannot show a cohort table safe within its effort. The quarterly
 * release passed its own audit, and a table of [x] adds nothing to it. An earlier release's
 * cohort figures would, so with those in the archive the release is refused instead.
 */
export function withheldCohort(rows: readonly CohortRow[], shown: readonly Shown[], earlierCohorts: readonly EarlierCohort[], rounds: number, why: string): CohortRelease {
  if (earlierCohorts.some((e) => e.rows.some(isFigure))) {
    throw new CohortDisclosureError(`The cohort table could not be audited within its effort (${why}), and an earlier release in --archive published cohort figures, which a withheld table would not take back.`);
  }
  return {
    rows: rows.map((r) => (isFigure(r) ? { ...r, value: null, flag: GSS.x } : { ...r })),
    shown: [...shown],
    cohortShown: new Map(rows.flatMap((r, i) => (isFigure(r) ? [[i, { kind: 'withheld' }] as const] : []))),
    audit: { hidden_counts_audited: 0, narrowest_interval: null, rounds, withheld: `the audit could not show it safe within its effort: ${why}` },
  };
}

/** Share of the cohort table's figures shown with a number, by area level, as for the quarterly tables. */
export function cohortUtilityShares(rows: readonly CohortRow[], cohortShown: ReadonlyMap<number, Shown>): UtilityShare[] {
  return sharesShown(
    rows.flatMap((r, i) => (isFigure(r) ? [{ table: 'cohort', area_type: r.area_type, period_type: 'cohort_year', kind: cohortShown.get(i)?.kind ?? 'exact' }] : [])),
  );
}

function failureText(f: { cell: number; interval: Interval; pinnedBy: readonly string[] } | undefined, cells: readonly Cell[], universe: ReleaseUniverse, offset: number): string {
  if (!f) return '';
  const what = f.cell >= offset ? describe(cells[f.cell - offset] as Cell) : describeCell(universe.cells[f.cell] as ReleaseCell);
  return `${what} is [c] but a reader can prove it lies between ${f.interval.lower} and ${f.interval.upper}, from: ${f.pinnedBy.slice(0, 4).join('; ')}.`;
}
