/**
 * The public release, designed as a whole and judged by its own audit:
 *
 * 1. Granularity: each measure is published, for each area level, at every granularity the
 *    policy lists; a quarterly series whose non-zero figures are mostly below the threshold is
 *    withheld ([c]) and its coarser periods carry it. Locality stocks are rounded where the
 *    policy says, so their quarter-to-quarter differences do not give the flows away.
 * 2. Primary: a count from 1 to threshold − 1 is hidden.
 * 3. Audit and protect: the audit (audit.ts) proves an interval for every hidden count; where one
 *    is narrower than the threshold, a published figure that holds it in is rounded or hidden,
 *    the cheapest first by the policy's costs, and the audit runs again on what changed. The loop
 *    ends when the audit passes; a release it cannot make pass is refused.
 */
import type { CountRow } from '../../../src/lib/outputs/tables.ts';
import { quarterEnd, type FinancialQuarter } from '../../../src/lib/period/quarter.ts';
import type { DisclosurePolicy } from '../../../src/lib/reference/schema.ts';
import type { CountTable } from '../aggregate/index.ts';
import { auditRelease, intersectViews, type AuditCell, type AuditFinding, type AuditRelation, type AuditResult, type CellView, type Interval } from './audit.ts';
import { buildUniverse, type ReaderKnowledge, type ReleaseCell, type ReleaseUniverse } from './release-cells.ts';
import { roundToBase } from '../../../src/lib/outputs/rounding.ts';
import { protect, type ProtectVariable } from './secondary.ts';

/** What a reader sees of each release cell. */
export type Shown =
  | { readonly kind: 'exact' }
  | { readonly kind: 'rounded'; readonly base: number }
  /** Published as [c]. */
  | { readonly kind: 'hidden' }
  /** Not published at this granularity at all (a coarser period carries it). */
  | { readonly kind: 'withheld' };

/** What earlier releases tell a reader about this release's cells. */
export interface EarlierKnowledge {
  /** For each cell, what an earlier figure of it proves (null: nothing, or it was revised). */
  readonly views: readonly (CellView | null)[];
  /** What earlier figures revised alike still prove together (prior-release.ts, revisedAlike). */
  readonly relations: readonly AuditRelation[];
}

export interface ReleaseDesign {
  readonly universe: ReleaseUniverse;
  readonly shown: readonly Shown[];
  /** What earlier releases show of each figure, which the audit took as known. */
  readonly earlier: readonly (CellView | null)[];
  readonly audit: AuditSummary;
}

export interface AuditSummary {
  readonly passed: boolean;
  readonly hidden_counts_audited: number;
  readonly narrowest_interval: number | null;
  readonly rounds: number;
  readonly solves: number;
  readonly integer_solves: number;
  readonly failures: readonly AuditFailure[];
}

export interface AuditFailure {
  readonly figure: string;
  readonly interval: Interval;
  readonly pinned_by: readonly string[];
}

export class DisclosureAuditError extends Error {
  override name = 'DisclosureAuditError';
  constructor(readonly failures: readonly AuditFailure[]) {
    super(
      `The public release fails its disclosure audit: ${failures.length} hidden figure(s) can be narrowed to an interval narrower than the threshold, so nothing was published. First: ${describeFailure(failures[0] as AuditFailure)}`,
    );
  }
}

const MAX_ROUNDS = 100;
/** Bases an authority figure steps up to when its rounding must be coarser. */
export const COARSER_BASES = [20, 50, 100, 200, 500, 1000] as const;
/** Rounding bases for money, in pounds: the first at least as coarse as its count's rounding. */
export const MONEY_BASES = [100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000] as const;

/**
 * What a reader sees of an amount, given its count's view. A reader may know the tariff, so an
 * exact amount would give a rounded count back: it is rounded to at least the count's base
 * times the tariff, which leaves the count as uncertain as its own rounding does. The audit
 * judges the result like any other figure.
 */
function amountView(count: ReleaseCell, amount: ReleaseCell, lead: Shown): Shown {
  if (lead.kind !== 'rounded' || count.value <= 0) return lead.kind === 'exact' || lead.kind === 'withheld' ? lead : { kind: 'hidden' };
  const wanted = lead.base * (amount.value / count.value);
  const base = MONEY_BASES.find((b) => b >= wanted);
  // An amount that would round to nothing reads as "£0" and bounds its count from above: hidden.
  return base === undefined || base >= 2 * amount.value ? { kind: 'hidden' } : { kind: 'rounded', base };
}

export async function designRelease(
  tables: Readonly<Record<CountTable, readonly CountRow[]>>,
  policy: DisclosurePolicy,
  threshold: number,
  first: FinancialQuarter,
  last: FinancialQuarter,
  /** Called after each audit round with the number of cells still failing, for progress output. */
  onRound?: (round: number, failing: number) => void,
  /** What earlier public releases already show of each figure, and imply between figures (prior-release.ts); none by default. */
  earlierOf: (universe: ReleaseUniverse) => EarlierKnowledge = () => ({ views: [], relations: [] }),
  /** The methodology and earlier releases' periods, for relations a reader can use (release-cells.ts). */
  knowledge: ReaderKnowledge = {},
): Promise<ReleaseDesign> {
  const built = buildUniverse(tables, policy, first, last, knowledge);
  const before = earlierOf(built);
  const universe: ReleaseUniverse = { ...built, relations: [...built.relations, ...before.relations] };
  const earlier = before.views;
  const shown = initialView(universe, policy, threshold, last);
  // A figure an earlier release showed exactly (and still true) is public knowledge: shown again,
  // and never hidden to protect another, since hiding it now would protect nothing.
  const known = new Set(earlier.flatMap((view, i) => (view?.kind === 'exact' ? [i] : [])));
  for (const c of known) if ((shown[c] as Shown).kind !== 'withheld') shown[c] = { kind: 'exact' };
  const followLinks = () => {
    for (const [count, amount] of universe.links) shown[amount] = amountView(universe.cells[count] as ReleaseCell, universe.cells[amount] as ReleaseCell, shown[count] as Shown);
  };
  followLinks();
  equalityPass(universe, shown, earlier);
  followLinks();
  let only: Set<number> | undefined;
  let rounds = 0;
  let solves = 0;
  let integerSolves = 0;
  const intervals = new Map<number, Interval>();
  // Complements shown again because hiding them protected nothing: never hidden again.
  const settled = new Set<number>();
  // Settled complements hidden again because nothing else was left to change: protected from
  // then on like a small count, never shown again (so the loop cannot go back and forth).
  const forced = new Set<number>();
  for (;;) {
    // Rounds judge by neighbourhoods (a pass is a proof either way); a cell still failing when
    // nothing is left to change gets the whole-component verdict before the release is refused.
    const result: AuditResult = await auditRelease(auditCells(universe, shown, threshold, earlier), universe.relations, { only, exact: false });
    rounds++;
    onRound?.(rounds, result.failures.length);
    solves += result.solves;
    integerSolves += result.integerSolves;
    for (const [c, iv] of result.intervals) intervals.set(c, iv);
    if (result.failures.length === 0) break;
    // Neighbourhoods hold the rest of the release at its true figures, so their failures are
    // only suspects: judge each on its whole component before changing anything for it.
    const exact = await auditRelease(auditCells(universe, shown, threshold, earlier), universe.relations, { only: new Set(result.failures.map((f) => f.cell)) });
    solves += exact.solves;
    const failing = exact.failures.filter((f) => result.failures.some((r) => r.cell === f.cell));
    for (const [c, iv] of exact.intervals) intervals.set(c, iv);
    if (failing.length === 0) break;
    if (rounds >= MAX_ROUNDS) throw new DisclosureAuditError(failing.map((f) => failure(universe, f)));
    // A complement (not itself small) that a reader can narrow below the threshold protects
    // nothing by being hidden: show it, exactly when the reader can already derive it, else
    // rounded. Only the small counts then need more protection.
    const sensitive = failing.filter((f) => {
      const v = (universe.cells[f.cell] as ReleaseCell).value;
      // A period only an earlier release showed is not this release's to show.
      if ((v > 0 && v < threshold) || forced.has(f.cell) || universe.readerOnly.has(f.cell)) return true;
      shown[f.cell] = f.interval.upper - f.interval.lower < 0.5 ? { kind: 'exact' } : { kind: 'rounded', base: policy.rounding_base };
      settled.add(f.cell);
      return false;
    });
    let changed = protectRound(universe, shown, policy, threshold, last, sensitive, settled, known);
    for (const f of failing) if (!sensitive.includes(f)) changed.add(f.cell);
    if (changed.size === 0) {
      // Every figure that holds a failing cell in is a zero, already hidden, or a settled
      // complement: hide the settled ones after all, together with what is hidden now.
      changed = protectRound(universe, shown, policy, threshold, last, sensitive, new Set(), known);
      for (const c of changed) if ((shown[c] as Shown).kind === 'hidden') forced.add(c);
    }
    if (changed.size === 0) throw new DisclosureAuditError(failing.map((f) => failure(universe, f)));
    followLinks();
    for (const f of failing) changed.add(f.cell);
    only = changed;
  }
  const widths = [...intervals].filter(([c]) => (shown[c] as Shown).kind === 'hidden').map(([, iv]) => iv.upper - iv.lower);
  return {
    universe,
    shown,
    earlier,
    audit: {
      passed: true,
      hidden_counts_audited: widths.length,
      narrowest_interval: widths.length === 0 ? null : Math.min(...widths),
      rounds,
      solves,
      integer_solves: integerSolves,
      failures: [],
    },
  };
}

/**
 * A fast first pass over the equalities alone (secondary.ts's fixpoint): most hidden cells sit
 * alone in some relation and need a complement there, which costs far less to find than by
 * linear programme. The audit then settles what combinations of relations and bounds give away.
 */
function equalityPass(universe: ReleaseUniverse, shown: Shown[], earlier: readonly (CellView | null)[]): void {
  const vars: ProtectVariable[] = universe.cells.map((c, i) => {
    const s = shown[i] as Shown;
    const shownBefore = earlier[i]?.kind === 'exact';
    const known = s.kind === 'exact' || s.kind === 'hidden' || shownBefore;
    return {
      // Rounded and unpublished figures are unknowns the reader cannot pin; hidden ones must stay so.
      value: known ? c.value : null,
      primary: s.kind === 'hidden',
      isTotal: c.area_type === 'authority' || c.breakdown === 'all' || c.period.type !== 'quarter',
      // Complements come from localities: authority figures are the headlines, rounded if need be.
      // A figure an earlier release showed exactly protects nothing by being hidden now.
      eligible: s.kind === 'exact' && c.area_type === 'locality' && !shownBefore,
    };
  });
  const equalities = universe.relations.filter((r) => r.sense === 'eq').map((r) => ({ vars: r.cells, coefs: r.coefs }));
  const result = protect(vars, equalities, universe.links, false);
  result.suppressed.forEach((hide, i) => {
    if (hide && (shown[i] as Shown).kind === 'exact') shown[i] = { kind: 'hidden' };
  });
}

/** Audits a release as published (for tests and for a release changed by hand). */
export async function auditDesign(universe: ReleaseUniverse, shown: readonly Shown[], threshold: number, earlier: readonly (CellView | null)[] = []): Promise<AuditFailure[]> {
  const result = await auditRelease(auditCells(universe, shown, threshold, earlier), universe.relations);
  return result.failures.map((f) => failure(universe, f));
}

function initialView(universe: ReleaseUniverse, policy: DisclosurePolicy, threshold: number, last: FinancialQuarter): Shown[] {
  void last;
  const small = (v: number) => v > 0 && v < threshold;
  // Share of non-zero quarterly figures below the threshold, per measure, breakdown and area level.
  const share = new Map<string, { small: number; nonZero: number }>();
  const seriesKey = (c: ReleaseCell) => [c.table, c.measure, c.breakdown, c.area_type].join('|');
  for (const c of universe.cells) {
    if (c.period.type !== 'quarter' || c.value === 0) continue;
    const s = share.get(seriesKey(c)) ?? { small: 0, nonZero: 0 };
    s.nonZero++;
    if (small(c.value)) s.small++;
    share.set(seriesKey(c), s);
  }
  return universe.cells.map((c, i): Shown => {
    if (universe.readerOnly.has(i)) return { kind: 'withheld' };
    if (c.period.type === 'quarter') {
      if (!c.policy.granularities.includes('quarter')) return { kind: 'withheld' };
      const s = share.get(seriesKey(c));
      if (c.policy.kind === 'flow' && s && s.small > policy.max_hidden_share * s.nonZero) return { kind: 'withheld' };
      if (c.policy.kind === 'stock' && c.area_type === 'locality' && c.policy.round_localities_to !== null && !small(c.value)) {
        return { kind: 'rounded', base: c.policy.round_localities_to };
      }
    }
    return small(c.value) ? { kind: 'hidden' } : { kind: 'exact' };
  });
}

export function roundedRange(published: number, base: number): { lower: number; upper: number } {
  // Half-up: v rounds to r when r − base/2 ≤ v < r + base/2.
  return { lower: Math.max(0, Math.ceil(published - base / 2)), upper: Math.ceil(published + base / 2) - 1 };
}

/** Counts are whole numbers; claim amounts are money. */
export function isCount(c: Pick<ReleaseCell, 'table' | 'measure'>): boolean {
  return c.table !== 'claims' || c.measure === 'claims';
}

/**
 * What a reader can see of each cell: this release's view of it, narrowed by what earlier
 * releases showed of the same figure (`earlier`, aligned with the cells; absent: nothing).
 */
export function auditCells(universe: ReleaseUniverse, shown: readonly Shown[], threshold: number, earlier: readonly (CellView | null)[] = []): AuditCell[] {
  return universe.cells.map((c, i) => {
    const s = shown[i] as Shown;
    const integer = isCount(c);
    let view: CellView;
    if (s.kind === 'exact') view = { kind: 'exact' };
    else if (s.kind === 'rounded') view = { kind: 'range', ...roundedRange(roundToBase(c.value, s.base), s.base) };
    // The documented rule never hides a zero count, so a reader knows a hidden count is at least 1;
    // a figure not published at all, or an amount hidden with its count, may be 0.
    else view = { kind: 'hidden', lower: s.kind === 'hidden' && integer ? 1 : 0 };
    // Every [c] must stay at least the threshold wide. A quarter not published at all must not be
    // exactly derivable where it is itself small; its width is bounded by the coarser periods
    // published for it (docs/disclosure-control.md, "What is not protected").
    // A period only an earlier release published keeps the protection that release gave a small
    // count it hid (a complement it hid is no secret: this release need not keep it hidden).
    const small = c.value > 0 && c.value < threshold;
    const minWidth = !integer ? 0 : universe.readerOnly.has(i) ? (earlier[i]?.kind === 'hidden' && small ? threshold : 0) : s.kind === 'hidden' ? threshold : s.kind === 'withheld' && small ? 1 : 0;
    return { value: c.value, integer, view: intersectViews(view, earlier[i] ?? null), minWidth };
  });
}

/**
 * One round of protection: every published figure that holds a failing cell in moves one step
 * along its protection path (exact, rounded, more coarsely rounded or hidden). Changing them
 * all at once, rather than the cheapest one, makes the loop converge in a few rounds; the costs
 * still decide the step each figure takes (rounding before hiding, authority figures never
 * hidden while rounding can serve).
 */
function protectRound(
  universe: ReleaseUniverse,
  shown: Shown[],
  policy: DisclosurePolicy,
  threshold: number,
  last: FinancialQuarter,
  failures: readonly AuditFinding[],
  settled: ReadonlySet<number>,
  known: ReadonlySet<number>,
): Set<number> {
  const changed = new Set<number>();
  // An amount is published exactly when its count is and hidden when it is not, so an amount
  // that holds a cell in is protected through its count: changing the amount alone would be
  // undone when the links are followed, and the loop would go round without progress.
  const countOf = new Map(universe.links.map(([count, amount]) => [amount, count]));
  for (const f of [...failures].sort((a, b) => a.cell - b.cell)) {
    // A figure known from an earlier release (or whose amount is) cannot be taken back.
    const holding = [...new Set(f.limiting.filter((l) => !known.has(l)).map((l) => countOf.get(l) ?? l))].filter((c) => !known.has(c));
    // An authority figure the threshold does not cover is hidden only when nothing else that
    // holds this cell in can change: readers need those most.
    for (const spareAuthority of [true, false]) {
      if (holding.some((c) => changed.has(c))) break;
      for (const c of holding) {
        const option = protectOption(universe.cells[c] as ReleaseCell, shown[c] as Shown, policy, threshold, last);
        if (!option || (settled.has(c) && option.next.kind === 'hidden')) continue;
        if (spareAuthority && option.next.kind === 'hidden' && isHeadlineSized(universe.cells[c] as ReleaseCell, threshold)) continue;
        shown[c] = option.next;
        changed.add(c);
      }
    }
  }
  return changed;
}

/** A council-wide count at or above the threshold: the figures the goal keeps in view. */
function isHeadlineSized(cell: ReleaseCell, threshold: number): boolean {
  return cell.area_type === 'authority' && cell.value >= threshold;
}

/**
 * The next, more protective view of a published figure and what it costs. Rounding comes first
 * (a rounded figure still reads, and adds nothing to protect); an authority figure is rounded
 * more coarsely rather than hidden; a locality figure is hidden after rounding.
 */
function protectOption(cell: ReleaseCell, now: Shown, policy: DisclosurePolicy, threshold: number, last: FinancialQuarter): { next: Shown; cost: number } | null {
  // A zero is never hidden, so a reader knows every [c] is at least 1: the audit assumes as much.
  if (now.kind === 'hidden' || now.kind === 'withheld' || cell.value === 0) return null;
  // The latest quarter and every period that ends with it are the headlines: changed last.
  const headline = cell.period.end === quarterEnd(last) ? policy.costs.headline : 1;
  const base = (cell.area_type === 'authority' ? policy.costs.authority : policy.costs.locality) * headline * (1 + Math.log1p(cell.value));
  const canRound = cell.policy.may_round && cell.value >= threshold;
  if (now.kind === 'exact' && canRound) return { next: { kind: 'rounded', base: policy.rounding_base }, cost: base * policy.costs.rounding };
  // An authority figure goes to a coarser base (10, 20, 50, 100 …) while the figure still rounds
  // to a number above zero (a base under twice the figure), so it is not hidden while it can read.
  const coarser = now.kind === 'rounded' ? COARSER_BASES.find((b) => b > now.base && b < 2 * cell.value) : undefined;
  if (now.kind === 'rounded' && cell.area_type === 'authority' && coarser !== undefined) {
    return { next: { kind: 'rounded', base: coarser }, cost: base * policy.costs.rounding * 2 };
  }
  return { next: { kind: 'hidden' }, cost: base * (cell.area_type === 'authority' ? 10 : 1) };
}

function failure(universe: ReleaseUniverse, f: AuditFinding): AuditFailure {
  return { figure: describeCell(universe.cells[f.cell] as ReleaseCell), interval: f.interval, pinned_by: f.pinnedBy };
}

export function describeCell(c: ReleaseCell): string {
  return `${c.table} ${c.measure}${c.breakdown === 'all' ? '' : ` (${c.breakdown})`}, ${c.area_code}, ${c.period.label}`;
}

function describeFailure(f: AuditFailure): string {
  const iv = `${f.interval.lower} to ${f.interval.upper}`;
  return `${f.figure} is [c] but a reader can prove it lies between ${iv}, from: ${f.pinned_by.slice(0, 4).join('; ')}${f.pinned_by.length > 4 ? '; …' : ''}.`;
}
