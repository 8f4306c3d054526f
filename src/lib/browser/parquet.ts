/**
 * Loads a Parquet file from the site's own origin into a DuckDB-WASM table. DuckDB-WASM's own
 * Parquet reader is an extension it would download from another host, so hyparquet decodes the
 * file in the page and the rows reach DuckDB as an Arrow table instead.
 *
 * This module is small on purpose: the reader (hyparquet, ZSTD, Arrow) is imported on first use.
 */
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { ParquetArrowResult, ReadParquetOptions } from './parquet-read.ts';

export type { ParquetQueryFilter } from 'hyparquet';
export type { ColumnStats, RowGroupFilter, RowGroupStats, StatValue } from './row-groups.ts';
export type { ReadParquetOptions } from './parquet-read.ts';

export interface LoadParquetOptions extends ReadParquetOptions {
  /** Name of the DuckDB table to create; tables are cached by this name. */
  readonly name: string;
}

/** What one load read (counted as in ParquetArrowResult), for the table registered as `name`. */
export interface LoadParquetResult extends Omit<ParquetArrowResult, 'table'> {
  readonly name: string;
  /** True when an earlier call had already loaded the table (bytesFetched is then 0). */
  readonly fromCache: boolean;
}

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface LoadedTable {
  readonly url: string;
  readonly result: Promise<LoadParquetResult>;
}

/** Tables already loaded (or loading), per connection, by table name. */
const loaded = new WeakMap<AsyncDuckDBConnection, Map<string, LoadedTable>>();

/**
 * Create table `options.name` from the Parquet file at `url`, or reuse it if an earlier call
 * created it. Concurrent calls for one name share one download. A failed load is forgotten so a
 * later call can retry.
 */
export function loadParquetTable(
  conn: AsyncDuckDBConnection,
  url: string,
  options: LoadParquetOptions,
): Promise<LoadParquetResult> {
  const { name } = options;
  if (!TABLE_NAME.test(name)) {
    return Promise.reject(new Error(`table name "${name}" must be letters, digits and underscores`));
  }
  let tables = loaded.get(conn);
  if (!tables) {
    tables = new Map();
    loaded.set(conn, tables);
  }
  const existing = tables.get(name);
  if (existing) {
    if (existing.url !== url) {
      return Promise.reject(new Error(`table "${name}" is already loaded from ${existing.url}, not ${url}`));
    }
    return existing.result.then((result) => ({ ...result, bytesFetched: 0, requests: 0, fromCache: true }));
  }
  const registry = tables;
  const result = createTable(conn, url, options);
  registry.set(name, { url, result });
  result.catch(() => registry.delete(name));
  return result;
}

async function createTable(conn: AsyncDuckDBConnection, url: string, options: LoadParquetOptions): Promise<LoadParquetResult> {
  const { readParquetAsArrow } = await import('./parquet-read.ts');
  const { name, ...readOptions } = options;
  const { table, ...read } = await readParquetAsArrow(url, readOptions);
  await conn.insertArrowTable(table, { name, create: true });
  return { name, ...read, fromCache: false };
}
