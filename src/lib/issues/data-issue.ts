/**
 * Data-quality issues: what is wrong with an input, where, and how to fix it. Every stage of the
 * pipeline, and the reference-data loader the site shares with it, reports through this one
 * shape so the quality report and the CLI agree. It lives in src/lib because the loader does.
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
