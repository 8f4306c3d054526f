/**
 * Independent checker for the disclosure audit (tests only): the reader's integer programme,
 * written out as CPLEX LP text and solved from scratch by HiGHS for every hidden cell, over the
 * whole group of unknowns that relations join to it (found here by its own union-find), with no
 * neighbourhoods, warm starts or early stops. It shares no code with audit.ts; what it proves is
 * what a reader with a solver proves.
 */
import highsLoader, { type Highs } from 'highs';
import type { AuditCell, AuditRelation, Interval } from '../audit.ts';

let highs: Promise<Highs> | null = null;

/** For each cell with `minWidth` > 0, the least and greatest value a reader can prove. */
export async function integerBounds(cells: readonly AuditCell[], relations: readonly AuditRelation[]): Promise<Map<number, Interval>> {
  highs ??= highsLoader();
  const solver = await highs;
  const out = new Map<number, Interval>();
  for (const group of unknownGroups(cells, relations)) {
    if (!group.cells.some((i) => (cells[i] as AuditCell).minWidth > 0)) continue;
    for (const [i, interval] of solveGroup(solver, cells, group.relations, group.cells)) out.set(i, interval);
  }
  return out;
}

/**
 * Cells not published exactly, grouped where a relation holds two of them, with the relations
 * that hold each group: no relation outside a group says anything about its cells.
 */
function unknownGroups(cells: readonly AuditCell[], relations: readonly AuditRelation[]): Array<{ cells: number[]; relations: AuditRelation[] }> {
  const open = (i: number) => (cells[i] as AuditCell).view.kind !== 'exact';
  const root = cells.map((_, i) => i);
  const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i] as number)));
  for (const r of relations) {
    const unknown = r.cells.filter(open);
    for (const c of unknown.slice(1)) root[find(c)] = find(unknown[0] as number);
  }
  const groups = new Map<number, { cells: number[]; relations: AuditRelation[] }>();
  const groupOf = (i: number) => {
    const k = find(i);
    const g = groups.get(k) ?? { cells: [], relations: [] };
    groups.set(k, g);
    return g;
  };
  cells.forEach((_, i) => {
    if (open(i)) groupOf(i).cells.push(i);
  });
  for (const r of relations) {
    const first = r.cells.find(open);
    if (first !== undefined) groupOf(first).relations.push(r);
  }
  return [...groups.values()];
}

function solveGroup(solver: Highs, cells: readonly AuditCell[], relations: readonly AuditRelation[], open: readonly number[]): Map<number, Interval> {
  const name = (i: number) => `x${i}`;
  const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toPrecision(17));
  const rows: string[] = [];
  relations.forEach((r, k) => {
    let constant = 0;
    const terms: string[] = [];
    r.cells.forEach((c, j) => {
      const coef = r.coefs[j] as number;
      const cell = cells[c] as AuditCell;
      if (cell.view.kind === 'exact') constant += coef * cell.value;
      else terms.push(`${coef < 0 ? '-' : '+'} ${num(Math.abs(coef))} ${name(c)}`);
    });
    rows.push(` r${k}: ${terms.join(' ')} ${r.sense === 'eq' ? '=' : '<='} ${num(-constant)}`);
  });
  const bounds = open.map((i) => {
    const v = (cells[i] as AuditCell).view;
    if (v.kind === 'range') return ` ${v.lower} <= ${name(i)} <= ${v.upper}`;
    return ` ${name(i)} >= ${v.kind === 'hidden' ? v.lower : 0}`;
  });
  const general = open.filter((i) => (cells[i] as AuditCell).integer).map(name);
  const model = (sense: 'Minimize' | 'Maximize', target: number) =>
    [sense, ` obj: ${name(target)}`, 'Subject To', ...(rows.length > 0 ? rows : [` r_none: ${name(target)} >= 0`]), 'Bounds', ...bounds, ...(general.length > 0 ? ['General', ` ${general.join(' ')}`] : []), 'End'].join('\n');
  const out = new Map<number, Interval>();
  for (const target of open) {
    if ((cells[target] as AuditCell).minWidth <= 0) continue;
    const bound = (sense: 'Minimize' | 'Maximize'): number => {
      const result = solver.solve(model(sense, target), { mip_rel_gap: 0, mip_abs_gap: 0 });
      if (result.Status === 'Optimal') return Math.round(result.ObjectiveValue * 1e6) / 1e6;
      // The true figures are a solution, so "infeasible or unbounded" can only be unbounded.
      if (result.Status === 'Unbounded' || result.Status === 'Primal infeasible or unbounded') return sense === 'Maximize' ? Infinity : -Infinity;
      throw new Error(`integerBounds: HiGHS ended with status ${result.Status} for cell ${target}.`);
    };
    out.set(target, { lower: bound('Minimize'), upper: bound('Maximize') });
  }
  return out;
}
