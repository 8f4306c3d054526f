/**
 * Data-quality issues as the pipeline reports them. The shape and the error that carries it are
 * declared in src/lib (the reference-data loader, shared with the site, reports through them);
 * the pipeline's stages import them from here with the pipeline-only helpers below.
 */
import type { DataIssue } from '../../src/lib/issues/data-issue.ts';

export { PipelineError, type DataIssue, type Severity } from '../../src/lib/issues/data-issue.ts';

/** "families.csv:12:6: error: ... Fix: ..." — the form editors and CI logs link to. */
export function formatIssue(issue: DataIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  const col = issue.column_name ? ` (${issue.column_name})` : '';
  return `${where}: ${issue.severity}${col}: ${issue.message} Fix: ${issue.fix}`;
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
