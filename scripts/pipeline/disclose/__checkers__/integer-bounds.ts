/**
 * Independent checker for the disclosure audit (tests only): the reader's integer programme,
 * written out as CPLEX LP text and solved from scratch by HiGHS for every hidden cell, over the
 * whole release at once (no components, no neighbourhoods, no warm starts, no early stops). It
 * shares no code with audit.ts; what it proves is what a reader with a solver proves.
 */
import highsLoader, { type Highs } from 'highs';
import type { AuditCell, AuditRelation, Interval } from '../audit.ts';

let highs: Promise<Highs> | null = null;

/** For each cell with `minWidth` > 0, the least and greatest value a reader can prove. */
export async function integerBounds(cells: readonly AuditCell[], relations: readonly AuditRelation[]): Promise<Map<number, Interval>> {
  highs ??= highsLoader();
  const solver = await highs;
  const open = cells.flatMap((c, i) => (c.view.kind === 'exact' ? [] : [i]));
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
    if (terms.length === 0) return;
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
