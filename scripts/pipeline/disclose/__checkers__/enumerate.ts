/**
 * Independent checker for the disclosure audit (tests only): enumerates every whole-number,
 * non-negative assignment of the cells a reader cannot see, keeps those consistent with every
 * published figure and relation, and reports each cell's least and greatest value. It shares no
 * code with audit.ts and solves nothing: it is the definition of "what a reader can prove",
 * applied literally on cases small enough to enumerate.
 */
import type { AuditCell, AuditRelation, Interval } from '../audit.ts';

export interface Enumerated {
  /** Least and greatest value of every whole-number cell not published exactly, over all solutions. */
  readonly intervals: ReadonlyMap<number, Interval>;
  /**
   * Some solution put a cell at `cap`: the search was cut short, so the intervals are only inner
   * bounds (every value in them is possible, but more may be).
   */
  readonly truncated: boolean;
  readonly solutions: number;
}

const TOLERANCE = 1e-9;

/**
 * Whole-number cells take 0 … `cap` (within their published range); a cell that is not a whole
 * number (money) must follow from the others through an equality with it as the only unknown,
 * as an amount follows its count through a tariff.
 */
export function enumerateIntervals(cells: readonly AuditCell[], relations: readonly AuditRelation[], cap: number): Enumerated {
  const open = cells.flatMap((c, i) => (c.view.kind === 'exact' ? [] : [i]));
  const counts = open.filter((i) => (cells[i] as AuditCell).integer);
  const derived = open.filter((i) => !(cells[i] as AuditCell).integer);
  const value: Array<number | null> = cells.map((c) => (c.view.kind === 'exact' ? c.value : null));
  const order = new Map(counts.map((c, k) => [c, k]));
  const isDerived = new Set(derived);
  // Each relation is checked as soon as its last whole-number unknown is set, unless it holds a
  // derived cell (checked once every count is set and the derived ones are worked out).
  const checkAt: AuditRelation[][] = Array.from({ length: counts.length + 1 }, () => []);
  for (const r of relations) {
    const late = r.cells.some((c) => isDerived.has(c));
    const last = Math.max(-1, ...r.cells.map((c) => order.get(c) ?? -1));
    checkAt[late ? counts.length : last + 1]?.push(r);
  }
  const intervals = new Map<number, Interval>();
  let truncated = false;
  let solutions = 0;

  const range = (i: number): [number, number] => {
    const v = (cells[i] as AuditCell).view;
    if (v.kind === 'range') return [v.lower, Math.min(v.upper, cap)];
    return [v.kind === 'hidden' ? v.lower : 0, cap];
  };
  const satisfied = (r: AuditRelation) => {
    const sum = r.cells.reduce((s, c, j) => s + (value[c] as number) * (r.coefs[j] as number), 0);
    const scale = Math.max(1, ...r.cells.map((c, j) => Math.abs((value[c] as number) * (r.coefs[j] as number))));
    return r.sense === 'eq' ? Math.abs(sum) <= TOLERANCE * scale : sum <= TOLERANCE * scale;
  };
  const deriveRest = (): boolean => {
    for (const i of derived) value[i] = null;
    let progress = true;
    while (progress) {
      progress = false;
      for (const r of relations) {
        if (r.sense !== 'eq') continue;
        const unknown = r.cells.flatMap((c, j) => (value[c] === null ? [j] : []));
        if (unknown.length !== 1) continue;
        const j = unknown[0] as number;
        const rest = r.cells.reduce((s, c, k) => (k === j ? s : s + (value[c] as number) * (r.coefs[k] as number)), 0);
        const cell = r.cells[j] as number;
        value[cell] = -rest / (r.coefs[j] as number);
        progress = true;
      }
    }
    for (const i of derived) {
      const v = value[i];
      if (v === null || v === undefined) throw new Error(`enumerateIntervals: cell ${i} is not a whole number and no equality works it out.`);
      const view = (cells[i] as AuditCell).view;
      const lower = view.kind === 'range' || view.kind === 'hidden' ? view.lower : 0;
      const upper = view.kind === 'range' ? view.upper : Infinity;
      if (v < lower - TOLERANCE || v > upper + TOLERANCE) return false;
    }
    return true;
  };
  const record = () => {
    solutions++;
    for (const i of counts) {
      const v = value[i] as number;
      if (v >= cap) truncated = true;
      const o = intervals.get(i);
      intervals.set(i, o ? { lower: Math.min(o.lower, v), upper: Math.max(o.upper, v) } : { lower: v, upper: v });
    }
  };
  const visit = (k: number): void => {
    if (k === counts.length) {
      if (derived.length > 0 && !deriveRest()) return;
      if ((checkAt[k] as AuditRelation[]).every(satisfied)) record();
      return;
    }
    if (!(checkAt[k] as AuditRelation[]).every(satisfied)) return;
    const i = counts[k] as number;
    const [lo, hi] = range(i);
    for (let v = lo; v <= hi; v++) {
      value[i] = v;
      visit(k + 1);
    }
    value[i] = null;
  };
  visit(0);
  return { intervals, truncated, solutions };
}
