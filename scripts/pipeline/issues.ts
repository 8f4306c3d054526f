/**
 * Data-quality issues: what is wrong with an extract, where, and how to fix it.
 * Every stage reports through this one shape so the quality report and the CLI agree.
 */

export type Severity = 'error' | 'warning';

export interface DataIssue {
  /** File name as the analyst knows it, relative to the extracts folder. */
  file: string;
  /** 1-based line in the source file; 0 when the issue is about the whole file. */
  line: number;
  /** 1-based field position in the header; 0 when the issue is about the whole line or file. */
  column: number;
  /** Header name of the column, or null. */
  column_name: string | null;
  /** Stable machine-readable code, e.g. "invalid_date", "unknown_column". */
  code: string;
  severity: Severity;
  /** What is wrong, in plain English. */
  message: string;
  /** How to fix it. */
  fix: string;
}

/** "families.csv:12:6: error: ... Fix: ..." — the form editors and CI logs link to. */
export function formatIssue(issue: DataIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  const col = issue.column_name ? ` (${issue.column_name})` : '';
  return `${where}: ${issue.severity}${col}: ${issue.message} Fix: ${issue.fix}`;
}

/** An error that stops the run before anything is written; the CLI prints it and exits 1. */
export class PipelineError extends Error {
  constructor(
    message: string,
    readonly issues: readonly DataIssue[] = [],
  ) {
    super(message);
    this.name = 'PipelineError';
  }
}

/**
 * The order to show issues to a person: whole-file and header problems first (they usually cause
 * the rest), then files in the order given (families before the files that refer to it), then line.
 */
export function orderForDisplay(issues: readonly DataIssue[], fileOrder: readonly string[]): DataIssue[] {
  const rank = (file: string) => {
    const i = fileOrder.indexOf(file);
    return i < 0 ? fileOrder.length : i;
  };
  const structural = (i: DataIssue) => (i.line <= 1 ? 0 : 1);
  return [...issues].sort(
    (a, b) => structural(a) - structural(b) || rank(a.file) - rank(b.file) || a.line - b.line || a.column - b.column,
  );
}
