/**
 * Writes a release design back into the published tables: the quarters into their count tables,
 * the longer periods into periods.parquet, with [c] for a hidden figure and [rd] for a rounded one.
 */
import { GSS, type CountRow, type PeriodRow, type UtilityShare } from '../../../src/lib/outputs/tables.ts';
import type { CountTable } from '../aggregate/index.ts';
import { TABLE_RELATIONS } from './relations.ts';
import type { ReleaseCell, ReleaseUniverse } from './release-cells.ts';
import type { Shown } from './release.ts';
import { roundToBase } from '../../../src/lib/outputs/rounding.ts';

export interface PublishedRelease {
  readonly tables: Record<CountTable, CountRow[]>;
  readonly periods: PeriodRow[];
  readonly utility: UtilityShare[];
}

/** `shown` null publishes every figure as it is (the board audience). */
export function publishDesign(tables: Readonly<Record<CountTable, readonly CountRow[]>>, universe: ReleaseUniverse, shown: readonly Shown[] | null): PublishedRelease {
  const out = Object.fromEntries((Object.keys(TABLE_RELATIONS) as CountTable[]).map((t) => [t, tables[t].map((r) => ({ ...r }))])) as Record<CountTable, CountRow[]>;
  const periods: PeriodRow[] = [];
  const dropped = new Set<string>(shown === null ? [] : universe.unpublished);
  universe.cells.forEach((c, i) => {
    if (universe.readerOnly.has(i)) return;
    const s = shown?.[i] ?? { kind: 'exact' };
    if (s.kind === 'withheld') {
      if (c.row !== null) dropped.add(`${c.table}|${c.row}`);
      return;
    }
    const { value, flag } = figure(c, s);
    if (c.row !== null) {
      const row = out[c.table][c.row] as CountRow;
      row.value = value;
      row.flag = flag;
    } else {
      periods.push({
        table: c.table,
        measure: c.measure,
        breakdown: c.breakdown,
        area_code: c.area_code,
        area_type: c.area_type,
        period_type: c.period.type,
        period: c.period.label,
        period_start: c.period.start,
        period_end: c.period.end,
        value,
        flag,
      });
    }
  });
  // A quarter not published at that granularity is left out, not shown as [c].
  for (const t of Object.keys(TABLE_RELATIONS) as CountTable[]) out[t] = out[t].filter((_, r) => !dropped.has(`${t}|${r}`));
  return { tables: out, periods, utility: utilityShares(universe, shown) };
}

function figure(c: ReleaseCell, s: Exclude<Shown, { kind: 'withheld' }>): { value: number | null; flag: CountRow['flag'] } {
  if (s.kind === 'hidden') return { value: null, flag: GSS.c };
  if (s.kind === 'rounded') return { value: roundToBase(c.value, s.base), flag: GSS.rd };
  return { value: c.value, flag: null };
}

/** Share of figures shown with a number, by table, area level and granularity. */
export function utilityShares(universe: ReleaseUniverse, shown: readonly Shown[] | null): UtilityShare[] {
  const figures = universe.cells.flatMap((c, i) => (universe.readerOnly.has(i) ? [] : [{ table: c.table, area_type: c.area_type, period_type: c.period.type, kind: shown?.[i]?.kind ?? 'exact' }]));
  return sharesShown(figures);
}

/** Figures grouped by table, area level and granularity, with the share of each shown with a number (exact or rounded). */
export function sharesShown(figures: readonly (Pick<UtilityShare, 'table' | 'area_type' | 'period_type'> & { kind: Shown['kind'] })[]): UtilityShare[] {
  const groups = new Map<string, UtilityShare>();
  for (const f of figures) {
    const key = [f.table, f.area_type, f.period_type].join('|');
    const g = groups.get(key) ?? { table: f.table, area_type: f.area_type, period_type: f.period_type, figures: 0, shown: 0, share: 0 };
    g.figures++;
    if (f.kind === 'exact' || f.kind === 'rounded') g.shown++;
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, share: g.figures === 0 ? 1 : Math.round((g.shown / g.figures) * 1000) / 1000 }))
    .sort((a, b) => [a.table, a.area_type, a.period_type].join('|').localeCompare([b.table, b.area_type, b.period_type].join('|')));
}
