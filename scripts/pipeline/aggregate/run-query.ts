/** Runs a shared SQL query (src/lib/sql) on a native DuckDB connection. */
import type { DuckDBConnection, JS } from '@duckdb/node-api';
import { bindParams, type SqlQuery } from '../../../src/lib/sql/query.ts';

export async function runQuery<P extends string>(
  conn: DuckDBConnection,
  query: SqlQuery<P>,
  values: Readonly<Record<P, string>>,
): Promise<Record<string, JS>[]> {
  const reader = await conn.runAndReadAll(query.sql, bindParams(query, values));
  return reader.getRowObjectsJS();
}
