/** The text a DataTable cell shows, decided once so the key above the table matches the cells. */
import { formatValue } from '../../lib/format/value.ts';
import { PUBLISHED_COUNT_ATTRIBUTE } from '../../lib/tables/cells.ts';
import type { CellValue, Flagged, TableColumn, TableRow } from './types.ts';

function isFlagged(value: CellValue): value is Flagged {
  return typeof value === 'object' && value !== null && 'flag' in value;
}

export function cellText(column: TableColumn, row: TableRow): string {
  const value = row[column.key];
  if (column.format) return column.format(value, row);
  if (typeof value === 'string') return value;
  const options = column.decimals === undefined ? {} : { decimals: column.decimals };
  const unit = column.unit ?? 'count';
  if (isFlagged(value)) return formatValue(value.value, value.flag, unit, options);
  return formatValue(value ?? null, null, unit, options);
}

/** Whether a column should be right-aligned: as declared, else whether it holds numbers. */
export function isNumericColumn(column: TableColumn, rows: readonly TableRow[]): boolean {
  if (column.numeric !== undefined) return column.numeric;
  return rows.some((row) => {
    const value = row[column.key];
    return typeof value === 'number' || isFlagged(value);
  });
}

/**
 * The attribute marking a cell that shows a published count (a flagged value in the count unit),
 * for the safety net; none for other cells. Its value is the row's area code, if the row has one.
 */
export function publishedCountAttribute(column: TableColumn, row: TableRow): Record<string, string> {
  if (column.format || (column.unit ?? 'count') !== 'count' || !isFlagged(row[column.key])) return {};
  const area = row.area_code;
  return { [PUBLISHED_COUNT_ATTRIBUTE]: typeof area === 'string' ? area : '' };
}
