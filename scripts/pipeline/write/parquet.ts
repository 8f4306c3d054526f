/**
 * Writes small in-memory tables (the aggregates) to ZSTD Parquet through DuckDB, so the files
 * are byte-identical for identical rows: rows are appended in a fixed order and the COPY sorts
 * by the table's keys on one thread.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ident, literal } from '../duckdb.ts';

export type ColumnDef<T> = readonly [name: keyof T & string, duckdbType: string];

export interface ParquetTableSpec<T> {
  columns: readonly ColumnDef<T>[];
  sortBy: readonly string[];
  /** Rows per row group: smaller groups let the browser fetch less with range requests. */
  rowGroupSize?: number;
}

export async function writeParquet<T extends object>(
  conn: DuckDBConnection,
  rows: readonly T[],
  spec: ParquetTableSpec<T>,
  path: string,
): Promise<number> {
  const staging = `__stage_${Math.abs(hash(path))}`;
  // Stage everything as VARCHAR/DOUBLE and cast in the COPY: the appender has no cheap DATE path
  // from ISO strings, and the cast keeps the declared Parquet types exact.
  const stagedType = (t: string) => (t === 'DOUBLE' || t === 'INTEGER' || t === 'BIGINT' ? 'DOUBLE' : 'VARCHAR');
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE ${staging} (${spec.columns.map(([n, t]) => `${ident(n)} ${stagedType(t)}`).join(', ')})`,
  );
  const appender = await conn.createAppender(staging);
  for (const row of rows) {
    for (const [name, type] of spec.columns) {
      const v: unknown = row[name];
      if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) appender.appendNull();
      else if (stagedType(type) === 'DOUBLE') appender.appendDouble(Number(v));
      else appender.appendVarchar(String(v));
    }
    appender.endRow();
  }
  appender.closeSync();
  const select = spec.columns.map(([n, t]) => `CAST(${ident(n)} AS ${t}) AS ${ident(n)}`).join(', ');
  const order = spec.sortBy.map(ident).join(', ');
  await conn.run(
    `COPY (SELECT ${select} FROM ${staging} ORDER BY ${order}) TO ${literal(path)} ` +
      `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${spec.rowGroupSize ?? 100_000})`,
  );
  await conn.run(`DROP TABLE ${staging}`);
  return rows.length;
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}
