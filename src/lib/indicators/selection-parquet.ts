/**
 * The compare tool's selection as a Parquet file, written in the browser with hyparquet-writer.
 * DuckDB-WASM keeps its Parquet writer in an extension this site never downloads (no request
 * leaves the origin), so the file is written from the rows already on the page: exactly the
 * rows in the table and the CSV, with numbers as DOUBLE and nulls kept (the flag says why).
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import { COMPARE_COLUMNS, COMPARE_FIGURE_COLUMNS } from '../sql/compare-selection.ts';
import type { SelectionRow } from './selection-csv.ts';

export function selectionParquet(rows: readonly SelectionRow[]): Uint8Array {
  const columnData = COMPARE_COLUMNS.map((name) => {
    const numeric = COMPARE_FIGURE_COLUMNS.has(name);
    const data = rows.map((row) => {
      const v = row[name];
      if (v === null) return null;
      return numeric ? Number(v) : String(v);
    });
    return { name, data, type: numeric ? ('DOUBLE' as const) : ('STRING' as const) };
  });
  return new Uint8Array(parquetWriteBuffer({ columnData }));
}
