/**
 * Browser access to the published Parquet: the same table names and the same shared SQL as the
 * build (src/lib/data/published.ts), on lazily loaded DuckDB-WASM. Import this module with a
 * dynamic `import()` from a user action so none of it loads before the first interaction.
 */
import { OUTPUT_TABLES, type OutputTable } from '../outputs/tables.ts';
import { bindParams, type SqlQuery } from '../sql/query.ts';
import { plainRow, type PlainRow } from '../data/plain-row.ts';
import { getDuckDB } from './duckdb.ts';
import { loadParquetTable } from './parquet.ts';
import { queryRows } from './query.ts';

/** URL of the published data folder, honouring the site's base path. */
export function dataUrl(file: string): string {
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  return new URL(`${base}data/${file}`, window.location.href).href;
}

export interface LoadedTables {
  rows: number;
  bytesFetched: number;
}

/** Registers the named output tables in DuckDB-WASM (cached: a second call costs nothing). */
export async function loadPublished(tables: readonly OutputTable[]): Promise<LoadedTables> {
  const conn = await getDuckDB();
  let rows = 0;
  let bytesFetched = 0;
  for (const name of tables) {
    const result = await loadParquetTable(conn, dataUrl(OUTPUT_TABLES[name].file), { name });
    rows += result.rows;
    bytesFetched += result.bytesFetched;
  }
  return { rows, bytesFetched };
}

/** Runs a shared query in the browser; rows have the same shape as at build time. */
export async function queryShared<P extends string>(query: SqlQuery<P>, values: Readonly<Record<P, string>>): Promise<PlainRow[]> {
  const rows = await queryRows(query.sql, bindParams(query, values));
  return rows.map(plainRow);
}
