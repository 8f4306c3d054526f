/** A chart's table (src/charts/chart-table.ts) in the shape Figure and DataTable take. */
import type { ChartTable } from '../../charts/chart-table.ts';
import type { TableColumn } from '../DataTable/types.ts';
import type { FormatUnit } from '../../lib/format/value.ts';

export function chartTableProps(table: ChartTable): { columns: TableColumn[]; rows: ChartTable['rows']; rowHeaderKey?: string } {
  const columns: TableColumn[] = table.columns.map((c) => ({
    key: c.key,
    label: c.label,
    numeric: c.numeric,
    ...(c.unit && c.unit !== 'money' ? { unit: c.unit as FormatUnit } : {}),
    ...(c.decimals === undefined ? {} : { decimals: c.decimals }),
  }));
  const first = columns[0]?.key;
  return first ? { columns, rows: table.rows, rowHeaderKey: first } : { columns, rows: table.rows };
}
