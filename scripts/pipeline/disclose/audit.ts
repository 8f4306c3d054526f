/**
 * The whole-release audit: for every hidden cell, the interval a reader can prove it lies in.
 *
 * The reader has every published figure, every relation that holds in the data (area and
 * breakdown totals, running totals, stock and flow, tariffs, the same figure at two
 * granularities, the bounds that overlapping breakdowns imply), non-negativity and whole numbers.
 * That is a mixed-integer programme; its bounds on a cell are what the reader can prove. We solve
 * the linear relaxation with HiGHS, whose interval contains the integer one (so a relaxation
 * narrower than the threshold is a certain failure), and where the relaxation's optimum is not a
 * whole-number point we solve the integer programme too, so a pass is never granted on a
 * fractional point the reader could rule out.
 *
 * Hidden cells are grouped into components joined by relations, and each component is one model
 * whose objective is changed cell by cell: the primal simplex restarts from the last basis, so a
 * cell costs a few pivots rather than a fresh solve. A relaxation already narrower than the
 * threshold fails the cell without an integer programme; one wide enough but fractional looks
 * for whole-number points in the cell's neighbourhood first, and only then over the whole
 * component. Verdicts are kept per component model, so a component audited again unchanged
 * (the whole-component check of suspects, a later round) costs nothing.
 */
import { createHash } from 'node:crypto';
import highsLoader, { type Highs, type Model, type ModelData, type Solution } from 'highs';

/** The values from `lower` to `upper`, both included. */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/** What the reader sees of a cell. */
export type CellView =
  /** Published exactly. */
  | { readonly kind: 'exact' }
  /** Published rounded: the true value lies in the interval. */
  | ({ readonly kind: 'range' } & Interval)
  /** Hidden ([c]) or not published at all: only its own lower bound is known. */
  | { readonly kind: 'hidden'; readonly lower: number };

/** The narrower of two views of one true value, both of which hold it (null: nothing more known). */
export function intersectViews(a: CellView, b: CellView | null): CellView {
  if (b === null) return a;
  if (a.kind === 'exact' || b.kind === 'exact') return { kind: 'exact' };
  const lower = Math.max(a.lower, b.lower);
  const uppers = [a, b].flatMap((v) => (v.kind === 'range' ? [v.upper] : []));
  return uppers.length === 0 ? { kind: 'hidden', lower } : { kind: 'range', lower, upper: Math.min(...uppers) };
}

export interface AuditCell {
  /** The true (board) value. */
  readonly value: number;
  /** Counts are whole numbers; money amounts are not. */
  readonly integer: boolean;
  readonly view: CellView;
  /** How wide the interval a reader can prove must be; 0: not audited. */
  readonly minWidth: number;
}

/** Σ coefs·cell + constant = 0 ('eq') or ≤ 0 ('le'), named for messages. */
export interface AuditRelation {
  readonly name: string;
  readonly sense: 'eq' | 'le';
  readonly cells: readonly number[];
  readonly coefs: readonly number[];
  /** A figure the reader holds outside this release (an earlier release's); 0 when absent. */
  readonly constant?: number;
}

/** Cells and the relations that hold between them (by index into `cells`): what an audit is run on. */
export interface RelatedCells<Cell> {
  readonly cells: readonly Cell[];
  readonly relations: readonly AuditRelation[];
}

export interface AuditFinding {
  readonly cell: number;
  readonly interval: Interval;
  /** Relations that hold the bound: what pins the cell. */
  readonly pinnedBy: readonly string[];
  /** Published cells whose release limits the interval (candidates to hide). */
  readonly limiting: readonly number[];
}

export interface AuditResult {
  /** Interval proved for every target cell. */
  readonly intervals: ReadonlyMap<number, Interval>;
  /** Targets whose interval is narrower than their `minWidth`. */
  readonly failures: readonly AuditFinding[];
  readonly components: number;
  readonly largestComponent: number;
  readonly solves: number;
  readonly integerSolves: number;
}

let highsPromise: Promise<Highs> | null = null;
function loadHighs(): Promise<Highs> {
  // One WebAssembly instance for the process: loading it costs more than a small solve.
  highsPromise ??= highsLoader();
  return highsPromise;
}

const EPS = 1e-6;

/** What every step of one audit works on: the solver, the release, and the solve counts. */
interface AuditContext {
  readonly highs: Highs;
  readonly cells: readonly AuditCell[];
  readonly relations: readonly AuditRelation[];
  /** For each cell, the indices of the relations that hold it. */
  readonly relsOf: readonly number[][];
  readonly stats: { solves: number; integerSolves: number };
  readonly effort?: SearchEffort;
}

/**
 * How many integer programmes over a whole large component may run out of nodes before a
 * caller's audits give up. Such a programme costs seconds (5-15 s on a 600-family council's
 * cohort table of 5,257 figures, where every one did), so a design whose suspects all need one
 * could run for hours. On the sample, every one settles its figure within a node or two.
 */
export interface SearchEffort {
  /** Those that ran out so far, across every audit the caller passed this to. */
  used: number;
  readonly limit: number;
}

/** An audit was about to start an integer programme over a large component after its SearchEffort ran out. */
export class AuditEffortError extends Error {
  override name = 'AuditEffortError';
}

/** Audits `cells` under `relations`: each target's interval must be at least its `minWidth` wide. */
export async function auditRelease(
  cells: readonly AuditCell[],
  relations: readonly AuditRelation[],
  options: {
    /** Audit only the components holding one of these cells (after a change to them). */
    readonly only?: ReadonlySet<number>;
    /**
     * False: a failing cell's interval may be an inner estimate (values whole-number points
     * attain), which spares the integer programmes that would make it exact. Pass and fail are
     * proved either way.
     */
    readonly exact?: boolean;
    /**
     * Judge only these cells (others are taken as passing): for a caller that only ever coarsens
     * what is published, which can only widen what a reader proves, so a cell that passed once
     * passes for good.
     */
    readonly targets?: ReadonlySet<number>;
    /** Integer programmes over whole large components this audit may start (shared across calls); past it, AuditEffortError. */
    readonly effort?: SearchEffort;
  } = {},
): Promise<AuditResult> {
  const only = options.only;
  const exact = options.exact ?? true;
  const ctx: AuditContext = { highs: await loadHighs(), cells, relations, relsOf: relationsByCell(cells.length, relations), stats: { solves: 0, integerSolves: 0 }, ...(options.effort ? { effort: options.effort } : {}) };
  const components = hiddenComponents(cells, relations);
  const intervals = new Map<number, Interval>();
  const failures: AuditFinding[] = [];
  let largest = 0;
  for (const members of components) {
    const targets = members.filter((c) => (cells[c] as AuditCell).minWidth > 0 && (!options.targets || options.targets.has(c)));
    if (targets.length === 0 || (only && !members.some((c) => only.has(c)))) continue;
    largest = Math.max(largest, members.length);
    for (const [target, verdict] of judgeComponent(ctx, members, targets, exact)) {
      intervals.set(target, verdict.interval);
      if (verdict.fails) failures.push({ cell: target, interval: verdict.interval, pinnedBy: verdict.pinnedBy, limiting: verdict.limiting });
    }
  }
  return { intervals, failures, components: components.length, largestComponent: largest, ...ctx.stats };
}

/** What the audit concluded about one target cell of a component. */
interface Verdict {
  readonly interval: Interval;
  readonly fails: boolean;
  /** Judged as far as a whole-component verdict goes (not a suspect of the quicker judgement). */
  readonly exact: boolean;
  readonly pinnedBy: string[];
  readonly limiting: number[];
}

/**
 * Verdicts already reached, per relation list and component model: a caller that audits the same
 * component again (a whole-component check of suspects, a round that changed another component)
 * gets them without a solve. The key is the component's model itself (members, bounds, true
 * figures, the published constants in each relation), so a verdict is reused only for the same
 * programme. A few models are kept per relation list; the release loop never needs more.
 */
const verdictCache = new WeakMap<readonly AuditRelation[], Map<string, Map<number, Verdict>>>();
const CACHED_MODELS = 8;

function cachedVerdicts(relations: readonly AuditRelation[], key: string): Map<number, Verdict> {
  let byModel = verdictCache.get(relations);
  if (!byModel) verdictCache.set(relations, (byModel = new Map()));
  let verdicts = byModel.get(key);
  if (verdicts) {
    // Most recently used last, so the oldest goes first.
    byModel.delete(key);
  } else {
    verdicts = new Map();
    if (byModel.size >= CACHED_MODELS) byModel.delete(byModel.keys().next().value as string);
  }
  byModel.set(key, verdicts);
  return verdicts;
}

function modelKey(lp: ComponentModel, cells: readonly AuditCell[]): string {
  const hash = createHash('sha256');
  const d = lp.data;
  const matrix = lp.csr;
  for (const part of [lp.members, lp.members.map((c) => (cells[c] as AuditCell).value), lp.members.map((c) => (cells[c] as AuditCell).minWidth), lp.rowRelation, d.colLower, d.colUpper, d.rowLower, d.rowUpper, matrix.starts, matrix.indices, matrix.values]) {
    hash.update(Float64Array.from(part as ArrayLike<number>));
  }
  hash.update(lp.integer.map((w) => (w ? '1' : '0')).join(''));
  return hash.digest('hex');
}

/**
 * The verdict on each target of one component, from one model of the whole component whose
 * objective changes target by target (the simplex restarts from the last basis, so a target
 * costs a few pivots rather than a fresh solve):
 *
 * 1. Whole-number points the reader cannot rule out (the true figures, and a few optima of the
 *    whole component pushed in fixed directions) settle every target they already spread wide.
 * 2. Otherwise the relaxation's bounds on the target: an outer bound of what the reader proves,
 *    so narrower than the threshold (after rounding inward to whole numbers) is a certain
 *    failure; an optimum that is a whole-number point is attained, so wide enough is a pass.
 * 3. Only where the relaxation is wide enough but fractional does an integer programme look for
 *    whole-number points that span the threshold (stopping at the first that does), and, when
 *    `exact`, a failing interval's fractional ends are made exact the same way. Every point an
 *    integer programme finds widens the other targets too, so later targets often need none
 * (the sample's cohort audit: 221 s before, 50 s after).
 */
function judgeComponent(ctx: AuditContext, members: readonly number[], targets: readonly number[], exact: boolean): Map<number, Verdict> {
  const lp = componentModel(ctx, members);
  const known = cachedVerdicts(ctx.relations, modelKey(lp, ctx.cells));
  const out = new Map<number, Verdict>();
  const todo = targets.filter((t) => {
    const v = known.get(t);
    if (!v || (exact && v.fails && !v.exact)) return true;
    out.set(t, v);
    return false;
  });
  if (todo.length === 0) return out;
  const model = ctx.highs.createModel(lp.data);
  try {
    // Without presolve the simplex keeps its basis between objectives: each later solve is short.
    // The primal simplex keeps the basis feasible when only the objective changes: a few pivots
    // per target, where the dual simplex would start over (ten times the time on a large component).
    model.options.set({ output_flag: false, presolve: 'off', simplex_strategy: 4 });
    const position = new Map(members.map((c, i) => [c, i]));
    const spread = new Map<number, Interval>(todo.map((t) => [t, { lower: (ctx.cells[t] as AuditCell).value, upper: (ctx.cells[t] as AuditCell).value }]));
    // Every whole-number point found widens what each target is known to reach.
    const attain = (x: ArrayLike<number>) => {
      for (const [t, iv] of spread) {
        const v = snap(x[position.get(t) as number] as number);
        if (v < iv.lower || v > iv.upper) spread.set(t, { lower: Math.min(iv.lower, v), upper: Math.max(iv.upper, v) });
      }
    };
    if (todo.length >= 4) pointSpread(ctx, model, lp, todo.map((t) => position.get(t) as number), attain);
    for (const target of todo) {
      const judged = judgeTarget(ctx, model, lp, position.get(target) as number, spread.get(target) as Interval, exact, attain);
      const verdict = { ...judged, exact: exact || judged.exact };
      known.set(target, verdict);
      out.set(target, verdict);
    }
  } finally {
    model.dispose();
  }
  return out;
}

/** Objectives tried on a whole component before any cell is solved on its own. */
const BATCH_DIRECTIONS = 16;

/**
 * Whole-number points of the component: the optima of pushing all targets down, up, and in fixed
 * pseudo-random mixes. Each is a release a reader cannot rule out, so a target whose values
 * already span the threshold is settled by them, a handful of solves for the whole component
 * instead of two per cell.
 */
function pointSpread(ctx: AuditContext, model: Model, lp: ComponentModel, cols: readonly number[], attain: (x: ArrayLike<number>) => void): void {
  const { highs, stats } = ctx;
  let seed = lp.members.length * 2654435761;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let d = 0; d < BATCH_DIRECTIONS; d++) {
    for (const j of cols) model.changeColCost(j, d === 0 ? 1 : d === 1 ? -1 : random() < 0.5 ? 1 : -1);
    model.run();
    stats.solves++;
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal) continue;
    const x = model.getSolution().colValue;
    if (isWhole(x, lp.integer)) attain(x);
  }
  for (const j of cols) model.changeColCost(j, 0);
}

function isWhole(x: ArrayLike<number>, integer: readonly boolean[]): boolean {
  for (let j = 0; j < x.length; j++) if (integer[j] === true && Math.abs((x[j] as number) - Math.round(x[j] as number)) > EPS) return false;
  return true;
}

/** One end of a target's interval: the furthest value a whole-number point is known to reach, and the furthest any can. */
interface End {
  readonly attained: number;
  readonly proved: number;
}

function judgeTarget(ctx: AuditContext, model: Model, lp: ComponentModel, col: number, known: Interval, exact: boolean, attain: (x: ArrayLike<number>) => void): Verdict {
  const width = (ctx.cells[lp.members[col] as number] as AuditCell).minWidth;
  const wide = (lower: number, upper: number) => upper - lower >= width - EPS;
  const pass = (interval: Interval): Verdict => ({ interval, fails: false, exact: false, pinnedBy: [], limiting: [] });
  if (wide(known.lower, known.upper)) return pass(known);
  const integer = lp.integer[col] === true;
  const relax = (sense: 1 | -1) => {
    ctx.stats.solves++;
    const r = solveBound(ctx.highs, model, lp.data, lp.integer, col, sense);
    if (r.whole) attain(r.x);
    return r;
  };
  const low = relax(-1);
  const high = relax(1);
  const inward = (v: number, sense: 1 | -1) => (!integer || !Number.isFinite(v) ? v : sense === 1 ? Math.floor(v + EPS) : Math.ceil(v - EPS));
  // Unbounded: with the true figures a whole-number point, whole-number points go as far too.
  const reached = (r: { value: number; whole: boolean }) => r.whole || !Number.isFinite(r.value);
  let lower: End = { attained: reached(low) ? low.value : known.lower, proved: inward(low.value, -1) };
  let upper: End = { attained: reached(high) ? high.value : known.upper, proved: inward(high.value, 1) };
  lower = { ...lower, attained: Math.min(lower.attained, known.lower) };
  upper = { ...upper, attained: Math.max(upper.attained, known.upper) };
  const explained = () => explain(ctx, lp, [low.solution, high.solution]);
  const settled = () => lower.attained === lower.proved && upper.attained === upper.proved;
  // The relaxation is an outer bound: too narrow there is too narrow for whole numbers.
  const failing = !wide(lower.proved, upper.proved);
  if (failing && (!exact || settled())) return { interval: { lower: lower.attained, upper: upper.attained }, fails: true, exact: settled(), ...explained() };
  if (!failing && wide(lower.attained, upper.attained)) return pass({ lower: lower.attained, upper: upper.attained });
  // Fractional ends: whole-number points of the target's neighbourhoods first, a small integer programme each
  // where the whole component's could take seconds.
  [lower, upper] = neighbourhoodEnds(ctx, lp.members[col] as number, lp.members.length, lower, upper, width);
  if (wide(lower.attained, upper.attained)) return pass({ lower: lower.attained, upper: upper.attained });
  // A suspect: the caller asks for the exact verdict on the whole component.
  if (!exact || settled()) return { interval: { lower: lower.attained, upper: upper.attained }, fails: true, exact: settled(), ...explained() };
  // A cell the relaxation already fails only needs its interval made exact, which on a large
  // component could take seconds per cell: there the relaxation's interval, rounded inward to
  // whole numbers, is given instead (a reader proves at least that much).
  if (failing && isLarge(lp)) return { interval: { lower: lower.proved, upper: upper.proved }, fails: true, exact: false, ...explained() };
  if (ctx.effort && isLarge(lp) && ctx.effort.used >= ctx.effort.limit) {
    throw new AuditEffortError(`${ctx.effort.used} integer programmes over whole components of more than ${MAX_NEIGHBOURHOOD} figures ran out of nodes without settling a figure`);
  }
  // Whole-number points of the whole component by integer programme, stopping once the width is shown.
  const effort = failing ? DETAIL : SEARCH;
  if (lower.attained !== lower.proved) lower = integerEnd(ctx, lp, col, -1, lower, upper.proved - width, effort, attain);
  if (upper.attained !== upper.proved) upper = integerEnd(ctx, lp, col, 1, upper, lower.attained + width, effort, attain);
  if (wide(lower.attained, upper.attained)) return pass({ lower: lower.attained, upper: upper.attained });
  // Failing: an end that stopped at the first point wide enough is solved to its optimum.
  if (lower.attained !== lower.proved) lower = integerEnd(ctx, lp, col, -1, lower, -Infinity, DETAIL, attain);
  // Not shown wide enough: failing, with the proved interval when a search ran out of nodes (a
  // reader can prove at least that much; the audit cannot show the cell is safe).
  const interval = settled() ? { lower: lower.attained, upper: upper.attained } : { lower: lower.proved, upper: upper.proved };
  return { interval, fails: true, exact: settled(), ...explained() };
}

/**
 * How far an integer programme may search: branch-and-bound nodes, so the verdict is the same on
 * a busy machine as on an idle one (a time limit made it depend on the load), and a time limit
 * behind them in case one node is slow.
 */
interface Effort {
  readonly nodes: number;
  readonly seconds: number;
}
/** For an integer programme that may show a cell safe (past it, the cell is failed). */
const SEARCH: Effort = { nodes: 1000, seconds: 120 };
/** For one that only makes a failing cell's interval exact (past it, the proved bound is given). */
const DETAIL: Effort = { nodes: 100, seconds: 30 };

/** Radii, in relation hops, of the neighbourhoods tried before the whole component's integer programme. */
const RADII = [1, 2, 3] as const;
/** A neighbourhood larger than this is no cheaper than the whole component. */
const MAX_NEIGHBOURHOOD = 300;

/** A component too large for a neighbourhood, where an integer programme over it costs seconds. */
function isLarge(lp: ComponentModel): boolean {
  return lp.members.length > MAX_NEIGHBOURHOOD;
}

/**
 * The ends of a target's interval as whole-number points of its neighbourhoods reach them. Every
 * other cell held at its true value, a point of the neighbourhood's model is a point of the whole
 * release a reader cannot rule out; what such points do not reach proves nothing.
 */
function neighbourhoodEnds(ctx: AuditContext, target: number, componentSize: number, lower: End, upper: End, width: number): [End, End] {
  for (const [i, radius] of RADII.entries()) {
    const near = neighbourhood(ctx, target, radius);
    if (near.length >= componentSize || (i > 0 && near.length > MAX_NEIGHBOURHOOD)) break;
    const lp = componentModel(ctx, near);
    const model = ctx.highs.createModel(lp.data);
    try {
      model.options.set({ output_flag: false });
      for (const sense of [-1, 1] as const) {
        const end = sense === -1 ? lower : upper;
        ctx.stats.solves++;
        const r = solveBound(ctx.highs, model, lp.data, lp.integer, 0, sense);
        const beyond = (v: number) => (sense === -1 ? v < end.attained : v > end.attained);
        let reached = r.whole || !Number.isFinite(r.value) ? r.value : null;
        if (reached === null && beyond(r.value)) {
          const inward = sense === 1 ? Math.floor(r.value + EPS) : Math.ceil(r.value - EPS);
          // Far enough for the width, or as far as the whole component's relaxation allows.
          const enough = sense === -1 ? Math.max(lower.proved, upper.proved - width) : Math.min(upper.proved, lower.attained + width);
          reached = integerEnd(ctx, lp, 0, sense, { attained: end.attained, proved: inward }, enough, SEARCH).attained;
        }
        if (reached !== null && beyond(reached)) {
          if (sense === -1) lower = { ...lower, attained: reached };
          else upper = { ...upper, attained: reached };
        }
      }
    } finally {
      model.dispose();
    }
    if (upper.attained - lower.attained >= width - EPS || (lower.attained === lower.proved && upper.attained === upper.proved)) break;
  }
  return [lower, upper];
}

/** Cells not published exactly within `radius` relation hops of `target`, target first. */
function neighbourhood({ cells, relations, relsOf }: AuditContext, target: number, radius: number): number[] {
  const seen = new Set([target]);
  let frontier = [target];
  for (let hop = 0; hop < radius && frontier.length > 0; hop++) {
    const next: number[] = [];
    for (const c of frontier) {
      for (const k of relsOf[c] as number[]) {
        for (const d of (relations[k] as AuditRelation).cells) {
          if (seen.has(d) || (cells[d] as AuditCell).view.kind === 'exact') continue;
          seen.add(d);
          next.push(d);
        }
      }
    }
    frontier = next;
  }
  return [...seen];
}

/**
 * One end of a target by integer programme, from what is known of it: the optimum, or the first
 * whole-number point that reaches `enough` when `exact` is not asked for a failing end. Past its
 * effort, the solver's proved bound still holds.
 */
function integerEnd(ctx: AuditContext, lp: ComponentModel, col: number, sense: 1 | -1, end: End, enough: number, effort: Effort, onPoint?: (x: ArrayLike<number>) => void): End {
  const { highs, stats } = ctx;
  stats.integerSolves++;
  const data = lp.data;
  const colCost = new Float64Array(data.numCols);
  colCost[col] = -sense;
  const { integer: whole, continuous } = highs.constants.variableType;
  const integrality = lp.integer.map((w) => (w ? whole : continuous));
  return highs.withModel({ ...data, colCost, integrality }, (m) => {
    m.options.set({ output_flag: false, mip_rel_gap: 0, mip_max_nodes: effort.nodes, time_limit: effort.seconds, mip_detect_symmetry: false, ...(Number.isFinite(enough) ? { objective_target: -sense * enough } : {}) });
    // The true figures are a whole-number point: the search starts with an incumbent.
    m.setSolution({ colValue: Float64Array.from(lp.members, (c) => (ctx.cells[c] as AuditCell).value) });
    m.run();
    const status = m.getModelStatus();
    // Every whole-number point found is one a reader cannot rule out: it widens the other targets too.
    if (onPoint && m.info.get('primal_solution_status') === highs.constants.solutionStatus.feasible) onPoint(m.getSolution().colValue);
    const { optimal, objectiveTarget } = highs.constants.modelStatus;
    if (status === optimal) {
      const v = snap(-sense * m.getObjectiveValue());
      return { attained: v, proved: v };
    }
    if (status === objectiveTarget) {
      const v = snap(-sense * m.getObjectiveValue());
      return { attained: sense === 1 ? Math.max(v, end.attained) : Math.min(v, end.attained), proved: end.proved };
    }
    // Out of nodes (or time): the proved dual bound still holds, rounded to whole numbers.
    if (ctx.effort && isLarge(lp)) ctx.effort.used++;
    const dual = m.info.get('mip_dual_bound');
    if (typeof dual !== 'number' || !Number.isFinite(dual)) return end;
    const bound = -sense * dual;
    const proved = sense === 1 ? Math.min(end.proved, Math.floor(bound + EPS)) : Math.max(end.proved, Math.ceil(bound - EPS));
    return { attained: end.attained, proved };
  });
}

function relationsByCell(n: number, relations: readonly AuditRelation[]): number[][] {
  const out: number[][] = Array.from({ length: n }, () => []);
  relations.forEach((r, k) => r.cells.forEach((c) => out[c]?.push(k)));
  return out;
}

/** Cells not published exactly, joined when a relation holds two of them. */
function hiddenComponents(cells: readonly AuditCell[], relations: readonly AuditRelation[]): number[][] {
  const free = (c: number) => (cells[c] as AuditCell).view.kind !== 'exact';
  const parent = new Int32Array(cells.length).map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  for (const r of relations) {
    const open = r.cells.filter(free);
    for (let i = 1; i < open.length; i++) {
      const a = find(open[0] as number);
      const b = find(open[i] as number);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const groups = new Map<number, number[]>();
  for (let c = 0; c < cells.length; c++) {
    if (!free(c)) continue;
    const root = find(c);
    const g = groups.get(root);
    if (g) g.push(c);
    else groups.set(root, [c]);
  }
  return [...groups.values()];
}

interface ComponentModel {
  readonly data: ModelData;
  /** Model row → relation index. */
  readonly rowRelation: readonly number[];
  readonly members: readonly number[];
  /** Per model column: a whole number? */
  readonly integer: readonly boolean[];
  /** The constraint matrix, by row (as in `data`). */
  readonly csr: { readonly starts: readonly number[]; readonly indices: readonly number[]; readonly values: readonly number[] };
}

function componentModel({ cells, relations, relsOf }: AuditContext, members: readonly number[]): ComponentModel {
  const local = new Map<number, number>();
  members.forEach((c, i) => local.set(c, i));
  const rowSet = new Set<number>();
  for (const c of members) for (const k of relsOf[c] as number[]) rowSet.add(k);
  const rowRelation = [...rowSet].sort((a, b) => a - b);
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (const k of rowRelation) {
    const r = relations[k] as AuditRelation;
    let constant = r.constant ?? 0;
    const entries: Array<[number, number]> = [];
    r.cells.forEach((c, j) => {
      const coef = r.coefs[j] as number;
      const col = local.get(c);
      if (col === undefined) constant += coef * (cells[c] as AuditCell).value;
      else entries.push([col, coef]);
    });
    entries.sort((a, b) => a[0] - b[0]);
    for (const [col, coef] of entries) {
      indices.push(col);
      values.push(coef);
    }
    starts.push(indices.length);
    rowLower.push(r.sense === 'eq' ? -constant : -Infinity);
    rowUpper.push(-constant);
  }
  const colLower = members.map((c) => {
    const v = (cells[c] as AuditCell).view;
    return v.kind === 'range' ? v.lower : v.kind === 'hidden' ? v.lower : (cells[c] as AuditCell).value;
  });
  for (const c of members) {
    const cell = cells[c] as AuditCell;
    const v = cell.view;
    if (v.kind === 'range' && !(v.lower <= cell.value && cell.value <= v.upper)) throw new Error(`Disclosure audit: a rounded figure's range [${v.lower}, ${v.upper}] does not hold its value ${cell.value}.`);
  }
  const colUpper = members.map((c) => {
    const v = (cells[c] as AuditCell).view;
    return v.kind === 'range' ? v.upper : Infinity;
  });
  const integer = members.map((c) => (cells[c] as AuditCell).integer);
  return {
    rowRelation,
    members,
    integer,
    csr: { starts, indices, values },
    data: {
      numCols: members.length,
      numRows: rowRelation.length,
      colCost: new Float64Array(members.length),
      colLower,
      colUpper,
      rowLower,
      rowUpper,
      matrix: { format: 'csr', numRows: rowRelation.length, numCols: members.length, starts, indices, values },
    },
  };
}

/** The relaxation's optimum for one column (sense −1: lower, +1: upper): its value, whether it is a whole-number point, and the solution (null when unbounded). */
export function solveBound(highs: Highs, model: Model, data: ModelData, integer: readonly boolean[], col: number, sense: 1 | -1): { value: number; whole: boolean; x: Float64Array; solution: Solution | null } {
  const { optimal, unbounded } = highs.constants.modelStatus;
  const run = (m: Model) => {
    // Minimising −x gives the upper bound; the model keeps its basis between calls.
    m.changeColCost(col, -sense);
    m.run();
    const status = m.getModelStatus();
    // Read the point before the cost is reset: changing the model discards the solution.
    const solution = status === optimal ? m.getSolution() : null;
    m.changeColCost(col, 0);
    return { status, solution };
  };
  let { status, solution } = run(model);
  if (status !== optimal && status !== unbounded) {
    // The true figures are a point of every model, so nothing here is really infeasible. A warm
    // start can leave the simplex undecided, and presolve can call a model with large tariff
    // coefficients infeasible when it is not (seen on a 126-cell neighbourhood whose true point
    // breaks no row by more than 5e-10): solve it afresh without presolve before believing it.
    const fresh = highs.createModel(data);
    try {
      fresh.options.set({ output_flag: false, presolve: 'off' });
      ({ status, solution } = run(fresh));
    } finally {
      fresh.dispose();
    }
  }
  if (status === unbounded) return { value: sense * Infinity, whole: false, x: new Float64Array(0), solution: null };
  if (solution === null) throw new Error(`The disclosure audit's linear programme ended with HiGHS status ${status}; the published figures contradict the relations.`);
  const x = solution.colValue;
  return { value: snap(x[col] as number), whole: isWhole(x, integer), x, solution };
}

function snap(v: number): number {
  const r = Math.round(v);
  // + 0 turns the solver's -0 into 0.
  return Math.abs(v - r) < EPS ? r + 0 : v + 0;
}

/** After a failing bound, from the relaxation's optima at both ends: the published cells and relations that hold the cell in. */
function explain({ cells, relations }: AuditContext, lp: ComponentModel, optima: readonly (Solution | null)[]): { pinnedBy: string[]; limiting: number[] } {
  const pinnedBy = new Set<string>();
  const limiting = new Set<number>();
  for (const solution of optima) {
    if (!solution) continue;
    const { rowDual, colDual } = solution;
    lp.rowRelation.forEach((k, i) => {
      if (Math.abs(rowDual[i] as number) <= EPS) return;
      const r = relations[k] as AuditRelation;
      pinnedBy.add(r.name);
      for (const c of r.cells) if ((cells[c] as AuditCell).view.kind === 'exact') limiting.add(c);
    });
    lp.members.forEach((c, j) => {
      // A rounded cell at the end of its range limits the interval too.
      if ((cells[c] as AuditCell).view.kind === 'range' && Math.abs(colDual[j] as number) > EPS) limiting.add(c);
    });
  }
  return { pinnedBy: [...pinnedBy].sort(), limiting: [...limiting].sort((a, b) => a - b) };
}
