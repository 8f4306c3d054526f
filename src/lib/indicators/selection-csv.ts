/**
 * The compare tool's CSV: exactly the selected rows, numbers as DuckDB gives them (no rounding, no
 * thousands separators), and a missing value as its GSS symbol so nothing reads as 0.
 */
import { COMPARE_COLUMNS, COMPARE_FIGURE_COLUMNS, type CompareColumn } from '../sql/compare-selection.ts';
import { toCsv, type CsvColumn } from '../format/csv.ts';

export type SelectionRow = Readonly<Record<CompareColumn, string | number | null>>;

export function selectionCell(row: SelectionRow, column: CompareColumn): string | number {
  const value = row[column];
  if (value !== null) return value;
  if (COMPARE_FIGURE_COLUMNS.has(column)) return typeof row.flag === 'string' ? row.flag : '[x]';
  return '';
}

export function selectionCsv(rows: readonly SelectionRow[]): string {
  const columns: CsvColumn<SelectionRow>[] = COMPARE_COLUMNS.map((column) => ({ label: column, value: (row) => selectionCell(row, column) }));
  return toCsv(columns, rows);
}
