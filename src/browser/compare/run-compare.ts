/**
 * The compare tool's engine, imported on first use: loads only the selected indicators' and
 * areas' row groups and columns of indicators.parquet into DuckDB-WASM, runs the shared selection
 * SQL and offers the result as CSV and, when DuckDB-WASM can write it, Parquet.
 */
import { rangeReadStats, selectionTable, type RangeReadStats } from '../shared/range-read.ts';
import { getDuckDB } from '../../lib/browser/duckdb.ts';
import { loadParquetTable, type RowGroupStats } from '../../lib/browser/parquet.ts';
import { queryRows } from '../../lib/browser/query.ts';
import { bindParams } from '../../lib/sql/query.ts';
import { COMPARE_COLUMNS, compareSelectionSql } from '../../lib/sql/compare-selection.ts';
import {
  compareSelectionQuery,
  periodStartsMayMatch,
  selectionFilter,
  selectionParams,
  selectionRowFilter,
  type CompareSelection,
} from '../../lib/indicators/compare-selection.ts';
import { selectionCsv, type SelectionRow } from '../../lib/indicators/selection-csv.ts';

export interface CompareResult extends RangeReadStats {
  readonly rows: readonly SelectionRow[];
  readonly csv: string;
  readonly table: string;
}

function dateOf(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value.slice(0, 10);
  return null;
}

/** A stable table name per selection, so going back to an earlier choice reuses its table. */

export async function runCompare(url: string, selection: CompareSelection): Promise<CompareResult> {
  const conn = await getDuckDB();
  const started = performance.now();
  const filter = selectionFilter(selection);
  const name = selectionTable('compare', `${url}?${compareSelectionQuery(selection)}`);
  // Statistics of period_start rule out row groups outside the chosen quarters before any
  // column data is fetched; the code filter prunes by indicator and area the same way.
  const rowGroupFilter = (group: RowGroupStats): boolean => {
    const stats = group.columns.period_start;
    return periodStartsMayMatch(filter, dateOf(stats?.min), dateOf(stats?.max));
  };
  const loaded = await loadParquetTable(conn, url, { name, columns: COMPARE_COLUMNS, filter: selectionRowFilter(filter), rowGroupFilter });
  const query = compareSelectionSql(name);
  const plain = await queryRows(query.sql, bindParams(query, selectionParams(filter)), conn);
  const rows = plain as unknown as SelectionRow[];
  return {
    rows,
    ...rangeReadStats(loaded, started),
    csv: selectionCsv(rows),
    table: name,
  };
}
