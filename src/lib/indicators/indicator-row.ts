/**
 * Indicator rows as pages use them: the published IndicatorRow with the period's first day as an
 * ISO string. Rows from either runtime (plain rows) are checked once here, so later code trusts them.
 */
import { isGssFlag } from '../format/symbols.ts';
import { AREA_TYPES, INDICATOR_COLUMNS, type AreaType, type ColumnType, type IndicatorRow } from '../outputs/tables.ts';
import type { PlainRow } from '../data/plain-row.ts';

export type { IndicatorRow } from '../outputs/tables.ts';

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

/** How a plain value of each column type is checked and read. */
const READ: Readonly<Record<ColumnType, (row: PlainRow, key: string) => string | number | null>> = {
  VARCHAR: text,
  DATE: (row, key) => text(row, key).slice(0, 10),
  DOUBLE: number,
};

function areaType(row: PlainRow): AreaType {
  const value = text(row, 'area_type');
  if (!(AREA_TYPES as readonly string[]).includes(value)) throw new TypeError(`indicator row: unknown area_type "${value}"`);
  return value as AreaType;
}

function flag(row: PlainRow): IndicatorRow['flag'] {
  const value = row.flag ?? null;
  if (value !== null && (typeof value !== 'string' || !isGssFlag(value))) throw new TypeError(`indicator row: unknown flag "${String(value)}"`);
  return value;
}

/** Columns read by their own rule rather than by their type. */
const READ_COLUMN: Readonly<Record<string, (row: PlainRow) => string | number | null>> = {
  area_type: areaType,
  // A query that does not select the status reads as having no target.
  target_status: (row) => (typeof row.target_status === 'string' ? row.target_status : 'no_target'),
  flag,
};

/** Checks and types plain rows from `indicatorRows` (or any query selecting the same columns). */
export function toIndicatorRows(rows: readonly PlainRow[]): IndicatorRow[] {
  return rows.map((row) => {
    const typed: Record<string, string | number | null> = {};
    for (const [name, type] of INDICATOR_COLUMNS) {
      const readColumn = READ_COLUMN[name];
      typed[name] = readColumn ? readColumn(row) : READ[type](row, name);
    }
    return typed as IndicatorRow;
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
