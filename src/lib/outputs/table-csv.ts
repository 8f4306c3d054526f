/**
 * A published table as CSV: the same columns as its Parquet file, in file order, rows in a fixed
 * order, a missing figure written as the symbol that replaces it (never blank, never 0). One writer
 * for the open data (/data/<table>.csv) and every archived release (/releases/<slug>/<table>.csv).
 */
import { toCsv } from '../format/csv.ts';
import { tableColumns } from './table-layout.ts';
import type { OutputTable } from './tables.ts';

type CsvRow = Record<string, string | number | boolean | null>;

const VALUE_COLUMNS = new Set(['value', 'numerator', 'ci_lower', 'ci_upper']);
const ORDER_COLUMNS = ['indicator_code', 'quarter_start', 'period_start', 'area_code', 'measure', 'breakdown', 'period'];

/** The query giving a table's rows in CSV order, from `source` (a view or a read_parquet call). */
export function tableCsvSql(table: OutputTable, source: string): string {
  // Names come from the fixed column lists in tables.ts, never from a request.
  const order = tableColumns(table)
    .map(([name]) => name)
    .filter((c) => ORDER_COLUMNS.includes(c));
  return `SELECT * FROM ${source}${order.length > 0 ? ` ORDER BY ${order.join(', ')}` : ''}`;
}

export function tableCsv(table: OutputTable, rows: readonly CsvRow[]): string {
  return toCsv(
    tableColumns(table).map(([name]) => ({
      label: name,
      value: (row: CsvRow) => {
        const v = row[name] ?? null;
        if (v === null && VALUE_COLUMNS.has(name)) return typeof row.flag === 'string' ? row.flag : '[x]';
        return typeof v === 'boolean' ? String(v) : v;
      },
    })),
    rows,
  );
}
