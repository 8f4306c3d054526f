/**
 * Indicator rows as pages use them: the published IndicatorRow with the period's first day as an
 * ISO string. Rows from either runtime (plain rows) are checked once here, so later code trusts them.
 */
import { isGssFlag } from '../format/symbols.ts';
import type { AreaType, IndicatorRow } from '../outputs/tables.ts';
import type { PlainRow } from '../data/plain-row.ts';

export type { IndicatorRow } from '../outputs/tables.ts';

const AREA_TYPES: readonly string[] = ['locality', 'authority', 'comparator'];

function text(row: PlainRow, key: string): string {
  const value = row[key];
  if (typeof value !== 'string') throw new TypeError(`indicator row: "${key}" must be text, got ${String(value)}`);
  return value;
}

function number(row: PlainRow, key: string): number | null {
  const value = row[key];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number') throw new TypeError(`indicator row: "${key}" must be a number, got ${String(value)}`);
  return Number.isFinite(value) ? value : null;
}

/** Checks and types plain rows from `indicatorRows` (or any query selecting the same columns). */
export function toIndicatorRows(rows: readonly PlainRow[]): IndicatorRow[] {
  return rows.map((row) => {
    const areaType = text(row, 'area_type');
    if (!AREA_TYPES.includes(areaType)) throw new TypeError(`indicator row: unknown area_type "${areaType}"`);
    const flag = row.flag ?? null;
    if (flag !== null && (typeof flag !== 'string' || !isGssFlag(flag))) throw new TypeError(`indicator row: unknown flag "${String(flag)}"`);
    return {
      indicator_code: text(row, 'indicator_code'),
      area_code: text(row, 'area_code'),
      area_type: areaType as AreaType,
      period: text(row, 'period'),
      period_start: text(row, 'period_start').slice(0, 10),
      numerator: number(row, 'numerator'),
      denominator: number(row, 'denominator'),
      value: number(row, 'value'),
      ci_lower: number(row, 'ci_lower'),
      ci_upper: number(row, 'ci_upper'),
      target: number(row, 'target'),
      target_status: typeof row.target_status === 'string' ? row.target_status : 'no_target',
      flag,
    };
  });
}

/** Rows of one area in time order. */
export function areaSeries(rows: readonly IndicatorRow[], areaCode: string): IndicatorRow[] {
  return rows
    .filter((r) => r.area_code === areaCode)
    .sort((a, b) => a.period_start.localeCompare(b.period_start) || a.period.localeCompare(b.period));
}

/** The latest period with a row for the area (suppressed or not), or null. */
export function latestPeriod(rows: readonly IndicatorRow[], areaCode: string): string | null {
  const series = areaSeries(rows, areaCode);
  return series.at(-1)?.period ?? null;
}
