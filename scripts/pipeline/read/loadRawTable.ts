/**
 * Loading a clean CSV into a raw table: DuckDB's strict reader with every option explicit (no
 * sniffing), every column VARCHAR under the names the header check chose, then `__line`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ExtractSpec } from '../contract/extracts.ts';
import { maxRecordBytes } from '../contract/limits.ts';
import { ident, literal } from '../duckdb.ts';
import { LINE_COLUMN } from './matchHeader.ts';

/**
 * DuckDB's read buffer, set explicitly: its default is 16 times max_line_size, so the lower line
 * limit would otherwise shrink the buffer and slow every read.
 */
const READ_BUFFER_BYTES = 32 * 1024 * 1024;

export function rawTableName(spec: ExtractSpec): string {
  return `raw_${spec.table}`;
}

/**
 * DuckDB's strict CSV read of a clean UTF-8 file as a FROM item, every column as VARCHAR under
 * the given names. The reader has already refused every record past the extract limits, so
 * DuckDB's line-size limit is set from them rather than left to its default.
 */
export function strictCsvSql(source: string, columns: readonly string[]): string {
  const struct = `{${columns.map((c) => `${literal(c)}: 'VARCHAR'`).join(', ')}}`;
  return (
    `read_csv(${literal(source)}, header = true, columns = ${struct}, ` +
    `delim = ',', quote = '"', escape = '"', strict_mode = true, auto_detect = false, null_padding = false, ignore_errors = false, max_line_size = ${maxRecordBytes}, buffer_size = ${READ_BUFFER_BYTES})`
  );
}

/** True when an error is DuckDB refusing the CSV (a record it cannot read), not a bug. */
export function isCsvError(error: unknown): boolean {
  return /CSV|Invalid Input/i.test(error instanceof Error ? error.message : String(error));
}

/** Loads `source` with strictCsvSql into a raw table; false (and no table) when DuckDB refuses it. */
export async function loadCsv(conn: DuckDBConnection, table: string, source: string, columns: readonly string[], onError?: (message: string) => void): Promise<boolean> {
  try {
    await conn.run(`CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * FROM ${strictCsvSql(source, columns)}`);
    return true;
  } catch (error) {
    await conn.run(`DROP TABLE IF EXISTS ${ident(table)}`);
    if (!isCsvError(error)) throw error;
    onError?.(error instanceof Error ? error.message : String(error));
    return false;
  }
}

/**
 * Adds `__line`. CREATE TABLE AS keeps file order, so rowid is the record's index in the loaded
 * file and each segment of the line map says how far lines run ahead of it.
 */
export async function setLines(conn: DuckDBConnection, table: string, segments: readonly { firstRecord: number; offset: number }[]): Promise<void> {
  await conn.run(`ALTER TABLE ${ident(table)} ADD COLUMN ${LINE_COLUMN} INTEGER`);
  if (segments.length === 0) return;
  if (segments.length <= 64) {
    const cases = [...segments].reverse().map((s) => `WHEN rowid >= ${s.firstRecord} THEN rowid + ${s.offset}`).join(' ');
    await conn.run(`UPDATE ${ident(table)} SET ${LINE_COLUMN} = CAST(CASE ${cases} END AS INTEGER)`);
    return;
  }
  await conn.run(`CREATE OR REPLACE TEMP TABLE __line_segments (first_record BIGINT, next_record BIGINT, line_offset INTEGER)`);
  const appender = await conn.createAppender('__line_segments');
  segments.forEach((s, i) => {
    appender.appendBigInt(BigInt(s.firstRecord));
    appender.appendBigInt(BigInt(segments[i + 1]?.firstRecord ?? Number.MAX_SAFE_INTEGER));
    appender.appendInteger(s.offset);
    appender.endRow();
  });
  appender.closeSync();
  await conn.run(
    `UPDATE ${ident(table)} SET ${LINE_COLUMN} = CAST(${ident(table)}.rowid + s.line_offset AS INTEGER) FROM __line_segments s ` +
      `WHERE ${ident(table)}.rowid >= s.first_record AND ${ident(table)}.rowid < s.next_record`,
  );
  await conn.run(`DROP TABLE __line_segments`);
}

/** Removes records whose every field is empty (Excel writes ",,,," for once-used rows). */
export async function dropBlankRows(conn: DuckDBConnection, table: string, columns: readonly string[]): Promise<{ count: number; first: number }> {
  if (columns.length === 0) return { count: 0, first: 0 };
  // One condition per column, cheapest first: DuckDB applies them in turn to the rows still
  // selected, so after the first column almost nothing is left to test.
  // A value of spaces only starts with one, and LIKE on a prefix is cheap.
  const empty = columns.map((c) => `(${ident(c)} IS NULL OR (${ident(c)} LIKE ' %' AND trim(${ident(c)}) = ''))`).join(' AND ');
  const row = (await conn.runAndReadAll(`SELECT count(*), coalesce(min(${LINE_COLUMN}), 0) FROM ${ident(table)} WHERE ${empty}`)).getRows()[0];
  const count = Number(row?.[0] ?? 0);
  if (count > 0) await conn.run(`DELETE FROM ${ident(table)} WHERE ${empty}`);
  return { count, first: Number(row?.[1] ?? 0) };
}

/** A raw table with the contract's columns and no rows, so later stages need no special cases. */
export async function createEmptyRaw(conn: DuckDBConnection, spec: ExtractSpec): Promise<void> {
  const columns = spec.columns.map((c) => `${ident(c.name)} VARCHAR`).join(', ');
  await conn.run(`CREATE OR REPLACE TABLE ${ident(rawTableName(spec))} (${columns}, ${LINE_COLUMN} INTEGER)`);
}

export async function writeCopy(workDir: string, spec: ExtractSpec, bytes: Uint8Array): Promise<string> {
  await mkdir(workDir, { recursive: true });
  const path = join(workDir, `${spec.table}.clean.csv`);
  await writeFile(path, bytes);
  return path;
}
