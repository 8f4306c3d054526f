/**
 * The national figures as the explorer's Parquet, written at build time with native DuckDB:
 * sorted by indicator and period with small row groups, so one indicator's period lies in one or
 * two row groups that the browser fetches with range requests while leaving the rest of the file.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { NATIONAL_PARQUET_COLUMNS } from '../sql/national-ranking.ts';
import { bindParams, type SqlQuery } from '../sql/query.ts';
import type { NationalIndicatorRow } from './national-input.ts';

/** DuckDB's smallest useful row group (one vector); smaller groups mean less read per choice. */
export const NATIONAL_ROW_GROUP_SIZE = 2048;

/** SQL that copies `source` (a table or read_* call) to `file` in the explorer's layout. */
export function nationalParquetCopy(source: string, file: string, rowGroupSize = NATIONAL_ROW_GROUP_SIZE): string {
  return `COPY (SELECT ${NATIONAL_PARQUET_COLUMNS.join(', ')} FROM ${source} ORDER BY indicator_code, period, authority_code)
TO '${file.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${rowGroupSize})`;
}

/** Writes the rows to `file` and returns its bytes. */
export async function writeNationalParquet(rows: readonly NationalIndicatorRow[], file: string): Promise<Uint8Array> {
  mkdirSync(dirname(file), { recursive: true });
  const json = join(dirname(file), 'national-rows.json');
  writeFileSync(json, JSON.stringify(rows));
  const instance = await DuckDBInstance.create(':memory:', { autoload_known_extensions: 'false', autoinstall_known_extensions: 'false' });
  const conn = await instance.connect();
  try {
    // One thread keeps the row groups in sorted order and of the stated size.
    await conn.run('SET threads = 1');
    await conn.run('SET preserve_insertion_order = true');
    const columns = "{indicator_code: 'VARCHAR', authority_code: 'VARCHAR', period: 'VARCHAR', numerator: 'DOUBLE', denominator: 'DOUBLE', value: 'DOUBLE'}";
    await conn.run(nationalParquetCopy(`read_json('${json.replaceAll("'", "''")}', format = 'array', columns = ${columns})`, file));
  } finally {
    conn.closeSync();
    rmSync(json, { force: true });
  }
  return new Uint8Array(readFileSync(file));
}

/** Where the build writes the explorer's Parquet before the endpoint serves it. */
export const NATIONAL_PARQUET_BUILD_FILE = '.cache/benchmarking/national.parquet';

let built: Promise<Uint8Array> | null = null;

/** The explorer's Parquet, written once per build and shared by the page and its endpoint. */
export function buildNationalParquet(rows: readonly NationalIndicatorRow[]): Promise<Uint8Array> {
  built ??= writeNationalParquet(rows, NATIONAL_PARQUET_BUILD_FILE);
  return built;
}

/** Runs a shared query over the built Parquet (as table `national`) with native DuckDB. */
export async function queryNationalParquet<P extends string>(query: SqlQuery<P>, values: Readonly<Record<P, string>>, file = NATIONAL_PARQUET_BUILD_FILE): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:', { autoload_known_extensions: 'false', autoinstall_known_extensions: 'false' });
  const conn = await instance.connect();
  try {
    await conn.run(`CREATE VIEW national AS SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`);
    const reader = await conn.runAndReadAll(query.sql, bindParams(query, values));
    return reader.getRowObjectsJS();
  } finally {
    conn.closeSync();
  }
}
