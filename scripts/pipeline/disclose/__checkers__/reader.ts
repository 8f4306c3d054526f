/**
 * The reader's side of a release (tests only): the relations a reader builds from nothing but each
 * published figure's table, measure, breakdown, area and period, and what the reader sees of each
 * figure. Shares no code with release-cells.ts or release.ts, so it can judge them.
 */
import { quarterLabel } from '../../../../src/lib/period/quarter.ts';
import type { AuditCell, AuditRelation } from '../audit.ts';
import type { ReleaseCell } from '../release-cells.ts';
import type { Shown } from '../release.ts';
import { FIRST, TARIFFS } from './random-council.ts';

/** The reader's relations, from nothing but each published figure's table, measure, breakdown, area and period. */
export function readerRelations(cells: readonly ReleaseCell[]): AuditRelation[] {
  const relations: AuditRelation[] = [];
  const key = (c: Pick<ReleaseCell, 'table' | 'measure' | 'breakdown' | 'area_code'>, period: string) => [c.table, c.measure, c.breakdown, c.area_code, period].join('|');
  const index = new Map(cells.map((c, i) => [key(c, `${c.period.type} ${c.period.label}`), i]));
  const find = (c: Pick<ReleaseCell, 'table' | 'measure' | 'breakdown' | 'area_code'>, period: ReleaseCell['period']) => index.get(key(c, `${period.type} ${period.label}`));
  const group = (by: (c: ReleaseCell) => string | null) => {
    const out = new Map<string, number[]>();
    cells.forEach((c, i) => {
      const k = by(c);
      if (k !== null) out.set(k, [...(out.get(k) ?? []), i]);
    });
    return out;
  };
  const sum = (name: string, parts: number[], total: number) => relations.push({ name, sense: 'eq', cells: [...parts, total], coefs: [...parts.map(() => 1), -1] });
  for (const [name, members] of group((c) => [c.table, c.measure, c.breakdown, c.period.type, c.period.label].join('|'))) {
    const total = members.find((i) => cells[i]?.area_type === 'authority');
    const parts = members.filter((i) => cells[i]?.area_type === 'locality');
    if (total !== undefined && parts.length > 0) sum(`areas: ${name}`, parts, total);
  }
  const additive = new Set(['outcomes|outcomes_achieved', 'outcomes|outcomes_sustained', 'claims|claims', 'claims|claim_amount_gbp']);
  for (const [name, members] of group((c) => (additive.has(`${c.table}|${c.measure}`) ? [c.table, c.measure, c.area_code, c.period.type, c.period.label].join('|') : null))) {
    const total = members.find((i) => cells[i]?.breakdown === 'all');
    const parts = members.filter((i) => cells[i]?.breakdown !== 'all');
    if (total !== undefined && parts.length > 0) sum(`breakdowns: ${name}`, parts, total);
  }
  const quarters = cells.flatMap((c, i) => (c.period.type === 'quarter' ? [i] : []));
  cells.forEach((c, i) => {
    if (c.period.type === 'quarter') {
      // Stocks follow their flows from the programme's start (the first quarter opens from nothing).
      const flows: Record<string, Array<[string, number]>> = {
        families_attached_cumulative: [['families_attached', 1]],
        families_open: [
          ['families_attached', 1],
          ['families_closed', -1],
        ],
      };
      const spec = c.table === 'programme' ? flows[c.measure] : undefined;
      if (spec) {
        const terms = spec.map(([m, s]) => [find({ ...c, measure: m }, c.period), s] as const);
        const before = quarters.find((j) => cells[j]?.table === c.table && cells[j]?.measure === c.measure && cells[j]?.area_code === c.area_code && cells[j]?.period.end < c.period.start && !quarters.some((k) => (cells[k]?.period.end ?? '') > (cells[j]?.period.end ?? '') && (cells[k]?.period.end ?? '') < c.period.start && cells[k]?.measure === c.measure && cells[k]?.area_code === c.area_code && cells[k]?.table === c.table));
        const opening = c.period.label === quarterLabel(FIRST);
        if (terms.every(([j]) => j !== undefined) && (opening || before !== undefined)) {
          relations.push({ name: `stock and flow: ${c.measure} ${c.area_code} ${c.period.label}`, sense: 'eq', cells: [i, ...(opening ? [] : [before as number]), ...terms.map(([j]) => j as number)], coefs: [1, ...(opening ? [] : [-1]), ...terms.map(([, s]) => -s)] });
        }
      }
    } else {
      const parts = quarters.filter((j) => {
        const q = cells[j] as ReleaseCell;
        return q.table === c.table && q.measure === c.measure && q.breakdown === c.breakdown && q.area_code === c.area_code && q.period.start >= c.period.start && q.period.end <= c.period.end;
      });
      if (parts.length > 0) sum(`quarters add up to ${c.period.type}: ${c.measure} ${c.area_code} ${c.period.label}`, parts, i);
    }
    if (c.table === 'claims' && c.measure === 'claim_amount_gbp') {
      const count = find({ ...c, measure: 'claims' }, c.period);
      if (count === undefined) return;
      const n = (cells[count] as ReleaseCell).value;
      // A type's tariff is known; the mix behind "all" is known only where the types are not published.
      const typesPublished = cells.some((d) => d.table === c.table && d.measure === c.measure && d.breakdown !== 'all' && d.area_code === c.area_code && d.period.type === c.period.type && d.period.label === c.period.label);
      const tariff = TARIFFS[c.breakdown] ?? (n > 0 && !typesPublished ? c.value / n : null);
      if (tariff !== null) relations.push({ name: `tariff: ${c.breakdown} ${c.area_code} ${c.period.label}`, sense: 'eq', cells: [i, count], coefs: [1, -tariff] });
      else {
        relations.push({ name: `dearest tariff: ${c.area_code} ${c.period.label}`, sense: 'le', cells: [i, count], coefs: [1, -Math.max(...Object.values(TARIFFS))] });
        relations.push({ name: `cheapest tariff: ${c.area_code} ${c.period.label}`, sense: 'le', cells: [i, count], coefs: [-1, Math.min(...Object.values(TARIFFS))] });
      }
    }
    if (c.table === 'criteria') {
      const attached = find({ table: 'programme', measure: 'families_attached', breakdown: 'all', area_code: c.area_code }, c.period);
      if (attached !== undefined) relations.push({ name: `criterion ≤ attached: ${c.breakdown} ${c.area_code} ${c.period.label}`, sense: 'le', cells: [i, attached], coefs: [1, -1] });
    }
  });
  return relations;
}

/** What the reader sees of each figure, read from the design's published view alone. */
export function readerView(cells: readonly ReleaseCell[], shown: readonly Shown[], threshold: number): AuditCell[] {
  return cells.map((c, i) => {
    const s = shown[i] as Shown;
    const integer = c.measure !== 'claim_amount_gbp';
    const small = integer && c.value > 0 && c.value < threshold;
    if (s.kind === 'exact') return { value: c.value, integer, view: { kind: 'exact' }, minWidth: 0 };
    if (s.kind === 'rounded') {
      // Half up: r − base/2 ≤ v < r + base/2.
      const r = Math.floor(c.value / s.base + 0.5) * s.base;
      return { value: c.value, integer, view: { kind: 'range', lower: Math.max(0, Math.ceil(r - s.base / 2)), upper: Math.ceil(r + s.base / 2) - 1 }, minWidth: 0 };
    }
    // A [c] count is at least 1 (zeros are published); a figure not published at all may be 0.
    if (s.kind === 'hidden') return { value: c.value, integer, view: { kind: 'hidden', lower: integer ? 1 : 0 }, minWidth: integer ? threshold : 0 };
    return { value: c.value, integer, view: { kind: 'hidden', lower: 0 }, minWidth: small ? 1 : 0 };
  });
}
