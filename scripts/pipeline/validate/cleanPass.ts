/**
 * The fast path for a clean extract: one DuckDB read of the file straight into its typed table,
 * with the privacy guard's row test and the blank-row test in the same pass, instead of a raw
 * VARCHAR table that is scanned by the guard and then typed. Most quarters every file is clean,
 * and then nothing else is needed before the set-based checks.
 *
 * It only ever answers "clean" or "look closer". A file it does not call clean goes through the
 * detailed path (read/readExtract.ts, guard/, validateExtract.ts) from the start, so every message
 * comes from one place and reads the same whichever path ran. To call a file clean, each test
 * here is the detailed path's own expression or one it implies:
 *   - the values are typed and flagged by typedSelectSql, as the raw table is;
 *   - the identifier test is rowMayHoldIdentifierSql, the guard's first pass, over every cell;
 *   - a row of empty cells (the detailed path drops and reports it) makes the file not clean.
 * The checks that follow (validateExtract) run on the typed table. Those that read only typed
 * values give the same issues either way; a finding by one that quotes the text as written sends
 * the file back through the detailed path (validateExtract, validateExtracts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ExtractSpec } from '../contract/extracts.ts';
import { ident } from '../duckdb.ts';
import { rowMayHoldIdentifierSql } from '../guard/scanIdentifierValues.ts';
import { isCsvError, rawTableName, strictCsvSql } from '../read/loadRawTable.ts';
import { LINE_COLUMN } from '../read/matchHeader.ts';
import type { CleanPass } from '../read/readExtract.ts';
import { typedSelectSql } from './buildTypedTable.ts';
import { FLAG_COLUMN } from './checkContext.ts';

/** Per row: 1 when a cell may hold a direct identifier, 2 when every cell is empty. */
const FINDINGS_COLUMN = '__clean_pass';

export const cleanPass: CleanPass = { run: runCleanPass, discard: discardCleanPass };

/**
 * Types `source` (a UTF-8 CSV with one record per line, the header on line 1) into the spec's
 * typed table, with its `__bad` flags and `__line`, and the raw table's name as a view over it.
 * Returns the number of rows when the file is clean; otherwise null, and nothing is left behind.
 */
async function runCleanPass(conn: DuckDBConnection, spec: ExtractSpec, source: string, columns: readonly string[], lineOffset: number): Promise<number | null> {
  // Only a header of exactly the contract's columns: any other header has issues of its own.
  const names = new Set(columns);
  if (columns.length !== spec.columns.length || !spec.columns.every((c) => names.has(c.name))) return null;
  const cells = columns.map(ident);
  const findings = `CAST(CASE WHEN ${rowMayHoldIdentifierSql(cells)} THEN 1 ELSE 0 END + CASE WHEN ${cells.map((c) => `tfo_text(${c}) IS NULL`).join(' AND ')} THEN 2 ELSE 0 END AS INTEGER)`;
  // `__line` is filled in below from rowid: CREATE TABLE AS keeps file order (as loadRawTable relies on).
  const select = typedSelectSql(spec, { from: strictCsvSql(source, columns), line: 'CAST(NULL AS INTEGER)', flags: true, extra: [{ name: FINDINGS_COLUMN, sql: findings }] });
  const typed = ident(spec.table);
  try {
    await conn.run(`CREATE OR REPLACE TABLE ${typed} AS ${select}`);
  } catch (error) {
    await conn.run(`DROP TABLE IF EXISTS ${typed}`);
    // A record DuckDB's strict reader refuses is the detailed path's to explain.
    if (isCsvError(error)) return null;
    throw error;
  }
  const row = (await conn.runAndReadAll(`SELECT coalesce(bit_or(${FLAG_COLUMN}), 0), coalesce(bit_or(${ident(FINDINGS_COLUMN)}), 0), count(*) FROM ${typed}`)).getRows()[0];
  if (Number(row?.[0] ?? 1) !== 0 || Number(row?.[1] ?? 1) !== 0) {
    await conn.run(`DROP TABLE ${typed}`);
    return null;
  }
  await conn.run(`ALTER TABLE ${typed} DROP COLUMN ${ident(FINDINGS_COLUMN)}`);
  await conn.run(`UPDATE ${typed} SET ${LINE_COLUMN} = CAST(rowid + ${lineOffset} AS INTEGER)`);
  // Checks that quote raw text join the raw table. Here no value failed to parse, so a value is
  // empty in the view exactly when it was empty in the file, and each check picks the same rows;
  // only its wording could differ, and such a finding sends the file through the detailed path.
  const asText = spec.columns.map((c) => `CAST(${ident(c.name)} AS VARCHAR) AS ${ident(c.name)}`);
  await conn.run(`CREATE OR REPLACE VIEW ${ident(rawTableName(spec))} AS SELECT ${asText.join(', ')}, ${LINE_COLUMN} FROM ${typed}`);
  return Number(row?.[2] ?? 0);
}

/** Removes what a clean pass built, before the detailed path reads the file. */
async function discardCleanPass(conn: DuckDBConnection, spec: ExtractSpec): Promise<void> {
  await conn.run(`DROP VIEW IF EXISTS ${ident(rawTableName(spec))}`);
  await conn.run(`DROP TABLE IF EXISTS ${ident(spec.table)}`);
}
