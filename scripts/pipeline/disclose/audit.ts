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
 * whose objective is changed cell by cell: the simplex restarts from the last basis, so a cell
 * costs a few pivots rather than a fresh solve.
 */
import highsLoader, { type Highs, type Model, type ModelData } from 'highs';

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

/** Σ coefs·cell = 0 ('eq') or Σ coefs·cell ≤ 0 ('le'), named for messages. */
export interface AuditRelation {
  readonly name: string;
  readonly sense: 'eq' | 'le';
  readonly cells: readonly number[];
  readonly coefs: readonly number[];
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
}

/** Audits `cells` under `relations`: each target's interval must be at least its `minWidth` wide. */
export async function auditRelease(
  cells: readonly AuditCell[],
  relations: readonly AuditRelation[],
  options: {
    /** Audit only the components holding one of these cells (after a change to them). */
    readonly only?: ReadonlySet<number>;
    /**
     * False: a cell the neighbourhoods cannot clear is reported failing without the whole
     * component's solve (its interval is then an inner estimate). A pass is proved either way.
     */
    readonly exact?: boolean;
    /**
     * Judge only these cells (others are taken as passing): for a caller that only ever coarsens
     * what is published, which can only widen what a reader proves, so a cell that passed once
     * passes for good.
     */
    readonly targets?: ReadonlySet<number>;
  } = {},
): Promise<AuditResult> {
  const only = options.only;
  const ctx: AuditContext = { highs: await loadHighs(), cells, relations, relsOf: relationsByCell(cells.length, relations), stats: { solves: 0, integerSolves: 0 } };
  const components = hiddenComponents(cells, relations);
  const intervals = new Map<number, Interval>();
  const failures: AuditFinding[] = [];
  let largest = 0;
  for (const members of components) {
    const targets = members.filter((c) => (cells[c] as AuditCell).minWidth > 0 && (!options.targets || options.targets.has(c)));
    if (targets.length === 0 || (only && !members.some((c) => only.has(c)))) continue;
    largest = Math.max(largest, members.length);
    const spread = pointSpread(ctx, members, targets);
    for (const target of targets) {
      const width = (cells[target] as AuditCell).minWidth;
      const known = spread.get(target) as Interval;
      if (known.upper - known.lower >= width - EPS) {
        intervals.set(target, known);
        continue;
      }
      const found = proveInterval(ctx, members, target, width, options.exact ?? true);
      intervals.set(target, found.interval);
      if (found.interval.upper - found.interval.lower < width - EPS) failures.push({ cell: target, interval: found.interval, pinnedBy: found.pinnedBy, limiting: found.limiting });
    }
  }
  return { intervals, failures, components: components.length, largestComponent: largest, ...ctx.stats };
}

/** Objectives tried on a whole component before any cell is solved on its own. */
const BATCH_DIRECTIONS = 16;

/**
 * Values each target takes across a few whole-number points of its component: the true figures,
 * and the optima of pushing all hidden cells down, up, and in fixed pseudo-random mixes. Each is a
 * release a reader cannot rule out, so a cell whose values already span the threshold is settled
 * by them, a handful of solves for the whole component instead of two per cell.
 */
function pointSpread(ctx: AuditContext, members: readonly number[], targets: readonly number[]): Map<number, Interval> {
  const { highs, cells, stats } = ctx;
  const spread = new Map<number, Interval>(targets.map((t) => [t, { lower: (cells[t] as AuditCell).value, upper: (cells[t] as AuditCell).value }]));
  if (targets.length < 4) return spread;
  const position = new Map(members.map((c, i) => [c, i]));
  withComponentModel(ctx, members, (model, lp) => {
    // Without presolve the simplex keeps its basis between objectives: each later solve is short.
    model.options.set({ presolve: 'off' });
    let seed = members.length * 2654435761;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let d = 0; d < BATCH_DIRECTIONS; d++) {
      for (const t of targets) model.changeColCost(position.get(t) as number, d === 0 ? 1 : d === 1 ? -1 : random() < 0.5 ? 1 : -1);
      model.run();
      stats.solves++;
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal) continue;
      const x = model.getSolution().colValue;
      if (lp.integer.some((w, j) => w && Math.abs((x[j] as number) - Math.round(x[j] as number)) > EPS)) continue;
      for (const t of targets) {
        const v = snap(x[position.get(t) as number] as number);
        const iv = spread.get(t) as Interval;
        spread.set(t, { lower: Math.min(iv.lower, v), upper: Math.max(iv.upper, v) });
      }
    }
  });
  return spread;
}

/** Radii, in relation hops, of the neighbourhoods tried before the whole component. */
const RADII = [1, 2, 3] as const;
/** A neighbourhood larger than this is no cheaper than the whole component. */
const MAX_NEIGHBOURHOOD = 300;

/**
 * The interval a reader can prove for one hidden cell. Every other cell held at its true value is
 * a point the reader cannot rule out, so a model over the cell's neighbourhood alone, with the
 * rest fixed, yields whole-number points that are feasible for the whole release: when they
 * already span the threshold the cell passes, at a fraction of the cost of the whole component.
 * Only a cell the neighbourhoods cannot clear is solved over its whole component, which gives the
 * exact bounds (and the relations to blame when they are too narrow); without `exact`, the last
 * neighbourhood's answer stands in, which is what the protection loop needs to pick a complement.
 */
function proveInterval(
  ctx: AuditContext,
  /** The target's component, or null to judge by neighbourhoods only. */
  component: readonly number[] | null,
  target: number,
  width: number,
  exact: boolean,
): { interval: Interval; pinnedBy: string[]; limiting: number[] } {
  let tried: number[] | null = null;
  for (const [i, radius] of RADII.entries()) {
    const near = neighbourhood(ctx, target, radius);
    if ((component && near.length >= component.length) || (i > 0 && near.length > MAX_NEIGHBOURHOOD)) break;
    const interval = withComponentModel(ctx, near, (model, lp) => attainedBounds(ctx, model, lp, 0, width));
    if (interval.upper - interval.lower >= width - EPS) return { interval, pinnedBy: [], limiting: [] };
    tried = near;
  }
  if ((!exact || !component) && tried) {
    const near = tried;
    return withComponentModel(ctx, near, (model, lp) => ({ interval: attainedBounds(ctx, model, lp, 0, width), ...explain(ctx, model, lp, 0) }));
  }
  const whole = component ?? [target];
  return withComponentModel(ctx, whole, (model, lp) => {
    const local = whole.indexOf(target);
    const interval = attainedBounds(ctx, model, lp, local, width);
    return interval.upper - interval.lower >= width - EPS ? { interval, pinnedBy: [], limiting: [] } : { interval, ...explain(ctx, model, lp, local) };
  });
}

function withComponentModel<T>(ctx: AuditContext, members: readonly number[], use: (model: Model, lp: ComponentModel) => T): T {
  const lp = componentModel(ctx, members);
  const model = ctx.highs.createModel(lp.data);
  try {
    model.options.set({ output_flag: false });
    return use(model, lp);
  } finally {
    model.dispose();
  }
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
 * Lower and upper bounds of one column that whole-number points of the model attain: the
 * relaxation's optimum where it is a whole-number point, else the integer programme's (the upper
 * one may stop early, once a point shows the width).
 */
function attainedBounds({ highs, stats }: AuditContext, model: Model, lp: ComponentModel, col: number, width: number): Interval {
  const integer = lp.integer[col] === true;
  const bound = (sense: 1 | -1, enough: number): number => {
    stats.solves++;
    const relaxed = solveBound(highs, model, lp.data, lp.integer, col, sense);
    if (relaxed.whole || !integer) return relaxed.value;
    const inward = sense === 1 ? Math.floor(relaxed.value + EPS) : Math.ceil(relaxed.value - EPS);
    stats.integerSolves++;
    return solveIntegerBound(highs, lp.data, lp.integer, col, sense, inward, enough);
  };
  const lower = bound(-1, -Infinity);
  const upper = bound(1, lower + width);
  return { lower, upper };
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
    let constant = 0;
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

/** The relaxation's bound on one column (sense −1: lower, +1: upper), and whether it is a whole-number point. */
function solveBound(highs: Highs, model: Model, data: ModelData, integer: readonly boolean[], col: number, sense: 1 | -1): { value: number; whole: boolean } {
  const { optimal, unbounded, infeasible } = highs.constants.modelStatus;
  const run = (m: Model) => {
    // Minimising −x gives the upper bound; the model keeps its basis between calls.
    m.changeColCost(col, -sense);
    m.run();
    const status = m.getModelStatus();
    // Read the point before the cost is reset: changing the model discards the solution.
    const x = status === optimal ? m.getSolution().colValue : null;
    m.changeColCost(col, 0);
    return { status, x };
  };
  let { status, x } = run(model);
  if (status !== optimal && status !== unbounded && status !== infeasible) {
    // A warm start can leave the simplex undecided on a model that is fine: solve it afresh.
    const fresh = highs.createModel(data);
    try {
      fresh.options.set({ output_flag: false });
      ({ status, x } = run(fresh));
    } finally {
      fresh.dispose();
    }
  }
  if (status === unbounded) return { value: sense * Infinity, whole: true };
  if (x === null) throw new Error(`The disclosure audit's linear programme ended with HiGHS status ${status}; the published figures contradict the relations.`);
  const value = x[col] as number;
  let whole = true;
  for (let j = 0; j < x.length; j++) {
    if (integer[j] === true && Math.abs((x[j] as number) - Math.round(x[j] as number)) > EPS) {
      whole = false;
      break;
    }
  }
  return { value: snap(value), whole };
}

/** The integer programme's bound, started from the relaxation's. */
/**
 * The integer programme's bound on one column. It stops at the first whole-number point that
 * reaches `enough` (all the audit needs to know); otherwise it proves the bound.
 */
function solveIntegerBound(highs: Highs, data: ComponentModel['data'], integer: readonly boolean[], col: number, sense: 1 | -1, relaxed: number, enough: number): number {
  const colCost = new Float64Array(data.numCols);
  colCost[col] = -sense;
  const { integer: whole, continuous } = highs.constants.variableType;
  const integrality = integer.map((w) => (w ? whole : continuous));
  return highs.withModel({ ...data, colCost, integrality }, (m) => {
    m.options.set({ output_flag: false, mip_rel_gap: 0, time_limit: 20, ...(Number.isFinite(enough) ? { objective_target: -sense * enough } : {}) });
    m.run();
    const status = m.getModelStatus();
    const { optimal, objectiveTarget } = highs.constants.modelStatus;
    if (status === optimal || status === objectiveTarget) return snap(-sense * m.getObjectiveValue());
    // Out of time: the proved dual bound still holds, rounded to whole numbers; else the relaxation.
    const dual = m.info.get('mip_dual_bound');
    const bound = typeof dual === 'number' && Number.isFinite(dual) ? -sense * dual : relaxed;
    return sense === 1 ? Math.floor(bound + EPS) : Math.ceil(bound - EPS);
  });
}

function snap(v: number): number {
  const r = Math.round(v);
  // + 0 turns the solver's -0 into 0.
  return Math.abs(v - r) < EPS ? r + 0 : v + 0;
}

/** After a failing bound: the published cells and relations that hold the cell in. */
function explain({ cells, relations }: AuditContext, model: Model, lp: ComponentModel, col: number): { pinnedBy: string[]; limiting: number[] } {
  const pinnedBy = new Set<string>();
  const limiting = new Set<number>();
  for (const sense of [1, -1] as const) {
    model.changeColCost(col, -sense);
    model.run();
    const { rowDual, colDual } = model.getSolution();
    model.changeColCost(col, 0);
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
