/**
 * Validates one raw extract table and builds its typed table. Every check is set-based SQL that
 * writes issue rows into one table; counts, the capped list of details and the rejected lines
 * are then read from it in three small queries. A row with any error is rejected (once, however
 * many problems it has); warnings never reject.
 *
 * Order matters across files: families.csv first, because outcomes and claims are checked
 * against the accepted families (validateExtracts does this).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ExtractSpec } from '../contract/extracts.ts';
import { ident, literal } from '../duckdb.ts';
import type { DataIssue, Severity } from '../issues.ts';
import type { Reference } from '../../../src/lib/reference/load.ts';
import { DETAIL_CAP, sortIssues, type IssueCount } from '../read/issueLog.ts';
import { LINE_COLUMN } from '../read/matchHeader.ts';
import type { ReadResult } from '../read/readExtract.ts';
import { buildTypedTable } from './buildTypedTable.ts';
import { FLAG_COLUMN, ISSUE_COLUMNS, patternBit, typeBit, type CheckContext } from './checkContext.ts';
import { claimChecks } from './claimChecks.ts';
import { codeChecks, FAMILIES_TABLE } from './codeChecks.ts';
import { dateOrderChecks } from './dateOrderChecks.ts';
import { keyChecks } from './keyChecks.ts';
import { installReferenceTables } from './referenceTables.ts';
import { installOutcomeRuleTables } from '../outcomes/ruleTables.ts';
import { ruleChecks } from './ruleChecks.ts';
import { installMacros } from './sqlMacros.ts';
import { valueChecks } from './valueChecks.ts';

export interface ValidateOptions {
  /** ISO date; dates after it are in the future. */
  readonly today: string;
  /** Detailed issues kept per code (counts stay exact). */
  readonly detailCap?: number;
}

export interface ValidateResult {
  /** Issues found by validation (details capped per code; `counts` are exact). */
  readonly issues: DataIssue[];
  readonly counts: IssueCount[];
  /** Rows rejected by validation (each once); structural rejects from reading are not included. */
  readonly rejected: number;
  /** Their lines, ascending, at most the detail cap. */
  readonly rejectedLines: number[];
  /**
   * For a clean-pass file: a check that quotes the text as written found something, and the
   * clean pass has only typed values to quote, so the file must go through the detailed path.
   */
  readonly needsDetailedPath?: boolean;
}

const prepared = new WeakMap<DuckDBConnection, Reference>();

/**
 * Installs what validation needs on a connection, once per connection and reference data:
 * parsing macros and reference tables.
 */
export async function prepareValidation(conn: DuckDBConnection, ref: Reference): Promise<void> {
  if (prepared.get(conn) === ref) return;
  await installMacros(conn);
  await installReferenceTables(conn, ref);
  await installOutcomeRuleTables(conn, ref);
  prepared.set(conn, ref);
}

export async function validateExtract(conn: DuckDBConnection, read: ReadResult, ref: Reference, opts: ValidateOptions): Promise<ValidateResult> {
  const spec = read.spec;
  const cap = opts.detailCap ?? DETAIL_CAP;
  await prepareValidation(conn, ref);
  if (!read.usable) {
    // A file-level error (already reported by the reader) rejects every row without listing
    // each one: the typed table exists, empty, so later stages need no special case.
    await buildTypedTable(conn, spec, { rawTable: read.table, empty: true });
    const rows = await conn.runAndReadAll(`SELECT ${LINE_COLUMN} FROM ${ident(read.table)} ORDER BY 1 LIMIT ${cap}`);
    const counted = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${ident(read.table)}`)).getRows()[0]?.[0] ?? 0);
    return { issues: [], counts: [], rejected: counted, rejectedLines: rows.getRows().map((r) => Number(r[0])) };
  }
  if (spec.columns.some((c) => c.reference === 'families') && spec.table !== FAMILIES_TABLE) {
    const exists = await conn.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE table_name = ${literal(FAMILIES_TABLE)}`);
    if (Number(exists.getRows()[0]?.[0]) === 0) throw new Error(`Validate families.csv before ${spec.file}: its family references are checked against the accepted families.`);
  }

  // The clean pass built the typed table as it read the file.
  if (!read.clean) await buildTypedTable(conn, spec, { rawTable: read.table, flags: true });
  const flags = Number((await conn.runAndReadAll(`SELECT coalesce(bit_or(${FLAG_COLUMN}), 0) FROM ${ident(spec.table)}`)).getRows()[0]?.[0] ?? 0);
  const flagged = (bit: (s: ExtractSpec, c: string) => number) =>
    new Set(spec.columns.filter((c) => (flags & bit(spec, c.name)) !== 0).map((c) => c.name));
  const positions = new Map(read.columns.map((name, i) => [name, i + 1]));
  const ctx: CheckContext = {
    spec,
    raw: ident(read.table),
    stage: ident(spec.table),
    today: opts.today,
    position: (name) => positions.get(name) ?? 0,
    flagged: { type: flagged(typeBit), pattern: flagged(patternBit) },
  };
  const issuesTable = ident(`__issues_${spec.table}`);
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${issuesTable} (${ISSUE_COLUMNS})`);
  const all = [...valueChecks(ctx), ...codeChecks(ctx), ...keyChecks(ctx), ...dateOrderChecks(ctx), ...ruleChecks(ctx), ...claimChecks(ctx)];
  // On a clean-pass file the raw table is a view of the typed values: a check reading it picks
  // the same rows as on the text as written but could word them differently, so if any such
  // check finds a row the detailed path reports the file instead. Every other check reads only
  // typed values, which are the same either way, and its issues stand.
  const quoting = read.clean ? all.filter((sql) => sql.includes(ctx.raw)) : [];
  if (quoting.length > 0) {
    const found = await conn.runAndReadAll(`SELECT EXISTS (${quoting.map((sql) => `SELECT * FROM (${sql})`).join(' UNION ALL ')})`);
    if (found.getRows()[0]?.[0] === true) {
      await conn.run(`DROP TABLE ${issuesTable}`);
      return { issues: [], counts: [], rejected: 0, rejectedLines: [], needsDetailedPath: true };
    }
  }
  const checks = all.filter((sql) => !quoting.includes(sql));
  // One statement for every check: fewer round trips, and DuckDB schedules the scans together.
  if (checks.length > 0) await conn.run(`INSERT INTO ${issuesTable} ${checks.map((sql) => `SELECT * FROM (${sql})`).join(' UNION ALL ')}`);

  const counts = (await conn.runAndReadAll(`SELECT code, severity, count(*) FROM ${issuesTable} GROUP BY ALL ORDER BY 1, 2`))
    .getRows()
    .map((r): IssueCount => ({ file: spec.file, code: String(r[0]), severity: String(r[1]) as Severity, count: Number(r[2]) }));
  const details = (
    await conn.runAndReadAll(
      `SELECT line, col, column_name, code, severity, message, fix FROM (
         SELECT *, row_number() OVER (PARTITION BY code, severity ORDER BY line, col, message) AS n FROM ${issuesTable})
       WHERE n <= ${cap} ORDER BY line, col, code, message`,
    )
  )
    .getRows()
    .map(
      (r): DataIssue => ({
        file: spec.file,
        line: Number(r[0]),
        column: Number(r[1]),
        column_name: r[2] === null ? null : String(r[2]),
        code: String(r[3]),
        severity: String(r[4]) as Severity,
        message: String(r[5]),
        fix: String(r[6]),
      }),
    );
  const errorLines = `SELECT DISTINCT line FROM ${issuesTable} WHERE severity = 'error' AND line > 0`;
  const rejected = Number((await conn.runAndReadAll(`SELECT count(*) FROM (${errorLines})`)).getRows()[0]?.[0] ?? 0);
  const rejectedLines = (await conn.runAndReadAll(`${errorLines} ORDER BY line LIMIT ${cap}`)).getRows().map((r) => Number(r[0]));
  if (rejected > 0) await conn.run(`DELETE FROM ${ident(spec.table)} WHERE ${LINE_COLUMN} IN (${errorLines})`);
  await conn.run(`ALTER TABLE ${ident(spec.table)} DROP COLUMN ${FLAG_COLUMN}`);
  await conn.run(`DROP TABLE ${issuesTable}`);
  return { issues: sortIssues(details), counts, rejected, rejectedLines };
}
