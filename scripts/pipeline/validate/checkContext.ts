/**
 * What every check needs to write its SQL: the tables, the header positions of columns and the
 * shape of an issue row. A check is a function from this context to SELECT statements whose rows
 * are issues; validateExtract inserts them all into one issues table and counts from there.
 */
import type { ColumnSpec, ExtractSpec } from '../contract/extracts.ts';
import { ident, literal } from '../duckdb.ts';
import type { Severity } from '../issues.ts';

export interface CheckContext {
  readonly spec: ExtractSpec;
  /**
   * Quoted name of the raw table (VARCHAR as written). For a file the clean pass read, it is a
   * view of the typed values (cleanPass.ts), so a check joining it may quote it but must choose
   * its rows by typed values or by whether a value is empty, never by how the text is written.
   */
  readonly raw: string;
  /** Quoted name of the staging table (typed values, NULL where a value does not parse). */
  readonly stage: string;
  /** ISO date after which dates are in the future. */
  readonly today: string;
  /** 1-based header position of a column; 0 when the file does not have it. */
  position(name: string): number;
  /**
   * Columns with at least one value that did not parse (`type`) or did not match the column's
   * pattern (`pattern`), from the staging table's `__bad` flags: checks that quote the bad text
   * run only for these.
   */
  readonly flagged: { readonly type: ReadonlySet<string>; readonly pattern: ReadonlySet<string> };
}

/** Name of the staging table's flag column; dropped before the typed table is handed on. */
export const FLAG_COLUMN = '__bad';

/** Bit in `__bad` set when the column's value is present but does not parse. */
export function typeBit(spec: ExtractSpec, column: string): number {
  return 2 ** spec.columns.findIndex((c) => c.name === column);
}

/** Bit in `__bad` set when the column's value does not match its pattern. */
export function patternBit(spec: ExtractSpec, column: string): number {
  return 2 ** (16 + spec.columns.findIndex((c) => c.name === column));
}

/** Columns of the issues table, in order. */
export const ISSUE_COLUMNS = 'line INTEGER, col INTEGER, column_name VARCHAR, code VARCHAR, severity VARCHAR, message VARCHAR, fix VARCHAR';

export interface IssueSql {
  /** The column the issue is about, or null for the whole row. */
  readonly column: string | null;
  readonly code: string;
  /** SQL choosing the code per row, when one query reports more than one kind of problem. */
  readonly codeSql?: string;
  readonly severity: Severity;
  /** SQL expressions. */
  readonly message: string;
  readonly fix: string;
  /** SQL expression for the line; `__line` unless the query renames it. */
  readonly line?: string;
}

/** The SELECT list of one issue row. */
export function issueColumns(ctx: CheckContext, issue: IssueSql): string {
  const column = issue.column === null ? '0' : String(ctx.position(issue.column));
  const name = issue.column === null ? 'NULL' : literal(issue.column);
  return `${issue.line ?? '__line'}, ${column}, ${name}, ${issue.codeSql ?? literal(issue.code)}, ${literal(issue.severity)}, ${issue.message}, ${issue.fix}`;
}

/** SQL for a column's trimmed text in the raw table, NULL when empty. */
export function rawText(column: string): string {
  return `tfo_text(${ident(column)})`;
}

/** SQL string literal of plain text, for building messages. */
export function text(value: string): string {
  return literal(value);
}

/** Columns of the contract that the file has. */
export function presentColumns(ctx: CheckContext): ColumnSpec[] {
  return ctx.spec.columns.filter((c) => ctx.position(c.name) > 0);
}
