/**
 * The data-quality report, in two forms: JSON for machines (CI, the site's status page) and
 * Markdown for the analyst who has to fix the extracts. Both come from the same input and are
 * deterministic: files in contract order, codes alphabetical, issues by line and column, and no
 * timestamp unless the caller passes one.
 */
import { printable } from './printable.ts';
import type { DataIssue, Severity } from './issues.ts';

export interface QualityFile {
  readonly file: string;
  readonly encoding: string | null;
  readonly sha256: string | null;
  readonly rowsIn: number;
  readonly accepted: number;
  readonly rejected: number;
  /** False when a file-level error rejected every row. */
  readonly usable?: boolean;
  /** Issues listed in detail (possibly capped per code). */
  readonly issues: readonly DataIssue[];
  /** Exact counts per code and severity. */
  readonly counts: readonly { readonly code: string; readonly severity: Severity; readonly count: number }[];
}

export interface QualityReportInput {
  readonly files: readonly QualityFile[];
  /** Issues about the extracts folder rather than one file. */
  readonly folderIssues?: readonly DataIssue[];
  /** ISO timestamp to print; omitted when absent so reruns give identical reports. */
  readonly generatedAt?: string;
}

export const QUALITY_REPORT_SCHEMA_VERSION = 1;

const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with BOM',
  'windows-1252': 'Windows-1252',
};

interface FileSummary {
  readonly file: QualityFile;
  readonly errors: number;
  readonly warnings: number;
  readonly codes: { code: string; severity: Severity; count: number; listed: number }[];
  readonly issues: DataIssue[];
}

export function renderQualityReport(input: QualityReportInput): { json: string; markdown: string } {
  const summaries = input.files.map(summarise);
  const folder = sortIssues([...(input.folderIssues ?? [])]);
  const totals = {
    files: input.files.length,
    rows_in: sum(input.files.map((f) => f.rowsIn)),
    rows_accepted: sum(input.files.map((f) => f.accepted)),
    rows_rejected: sum(input.files.map((f) => f.rejected)),
    errors: sum(summaries.map((s) => s.errors)) + folder.filter((i) => i.severity === 'error').length,
    warnings: sum(summaries.map((s) => s.warnings)) + folder.filter((i) => i.severity === 'warning').length,
  };
  return { json: renderJson(input, summaries, folder, totals), markdown: renderMarkdown(input, summaries, folder, totals) };
}

function summarise(file: QualityFile): FileSummary {
  const issues = sortIssues([...file.issues]);
  const codes = [...file.counts]
    .map((c) => ({ code: c.code, severity: c.severity, count: c.count, listed: issues.filter((i) => i.code === c.code && i.severity === c.severity).length }))
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || compare(a.code, b.code));
  const total = (severity: Severity) => sum(codes.filter((c) => c.severity === severity).map((c) => c.count));
  return { file, errors: total('error'), warnings: total('warning'), codes, issues };
}

type Totals = Record<'files' | 'rows_in' | 'rows_accepted' | 'rows_rejected' | 'errors' | 'warnings', number>;

function renderJson(input: QualityReportInput, summaries: FileSummary[], folder: DataIssue[], totals: Totals): string {
  const issueJson = (i: DataIssue) => ({
    line: i.line,
    column: i.column,
    column_name: i.column_name,
    code: i.code,
    severity: i.severity,
    message: i.message,
    fix: i.fix,
  });
  const report = {
    schema_version: QUALITY_REPORT_SCHEMA_VERSION,
    ...(input.generatedAt ? { generated_at: input.generatedAt } : {}),
    summary: { ...totals, passed: totals.errors === 0 },
    files: summaries.map((s) => ({
      file: s.file.file,
      encoding: s.file.encoding,
      sha256: s.file.sha256,
      usable: s.file.usable ?? true,
      rows_in: s.file.rowsIn,
      rows_accepted: s.file.accepted,
      rows_rejected: s.file.rejected,
      errors: s.errors,
      warnings: s.warnings,
      counts: Object.fromEntries(s.codes.map((c) => [c.code, { severity: c.severity, count: c.count, listed: c.listed }])),
      issues: s.issues.map(issueJson),
    })),
    folder_issues: folder.map((i) => ({ file: i.file, ...issueJson(i) })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function renderMarkdown(input: QualityReportInput, summaries: FileSummary[], folder: DataIssue[], totals: Totals): string {
  const out: string[] = ['# Data quality report', ''];
  out.push('Each extract was checked against its contract (`data/DATA-DICTIONARY.md`) and the reference data.');
  if (input.generatedAt) out.push(`Generated ${input.generatedAt}.`);
  out.push('');
  if (totals.errors === 0 && totals.warnings === 0) out.push('**No problems found.**');
  else {
    out.push(
      `**${plural(totals.errors, 'error')} and ${plural(totals.warnings, 'warning')}; ${plural(totals.rows_rejected, 'row')} rejected.** ` +
        'Errors reject a row (or a whole file); warnings are for checking and reject nothing.',
    );
  }
  out.push('');
  out.push('| File | Encoding | Rows in | Accepted | Rejected | Errors | Warnings |');
  out.push('| :--- | :--- | ---: | ---: | ---: | ---: | ---: |');
  for (const s of summaries) {
    const f = s.file;
    const encoding = f.encoding ? (ENCODING_LABELS[f.encoding] ?? f.encoding) : 'not read';
    out.push(`| ${cell(f.file)} | ${encoding} | ${num(f.rowsIn)} | ${num(f.accepted)} | ${num(f.rejected)} | ${num(s.errors)} | ${num(s.warnings)} |`);
  }
  out.push(
    `| **Total** | | **${num(totals.rows_in)}** | **${num(totals.rows_accepted)}** | **${num(totals.rows_rejected)}** | **${num(totals.errors - folderCount(folder, 'error'))}** | **${num(totals.warnings - folderCount(folder, 'warning'))}** |`,
  );
  out.push('');
  if (folder.length > 0) {
    out.push('## The extracts folder', '');
    for (const issue of folder) out.push(...issueLines(issue));
    out.push('');
  }
  for (const s of summaries) {
    out.push(`## ${s.file.file}`, '');
    const facts = [`Rows in: ${num(s.file.rowsIn)}`, `accepted: ${num(s.file.accepted)}`, `rejected: ${num(s.file.rejected)}`];
    if (s.file.sha256) facts.push(`SHA-256 \`${s.file.sha256}\``);
    out.push(`${facts.join('; ')}.`, '');
    if (s.file.usable === false) out.push('**The file could not be used: every row is rejected until the errors below are fixed.**', '');
    if (s.codes.length === 0) {
      out.push('No problems found.', '');
      continue;
    }
    out.push('| Problem | Severity | Count |', '| :--- | :--- | ---: |');
    for (const c of s.codes) out.push(`| \`${c.code}\` | ${c.severity} | ${num(c.count)} |`);
    out.push('');
    for (const c of s.codes) {
      out.push(`### ${c.code} (${plural(c.count, c.severity)})`, '');
      const listed = s.issues.filter((i) => i.code === c.code && i.severity === c.severity);
      for (const issue of listed) out.push(...issueLines(issue));
      if (c.count > listed.length) out.push('', `Showing the first ${num(listed.length)} of ${num(c.count)}; the counts above are complete.`);
      out.push('');
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function issueLines(issue: DataIssue): string[] {
  const where = `\`${issue.file}:${issue.line}:${issue.column}\``;
  const column = issue.column_name ? ` (${escape(issue.column_name)})` : '';
  return [`- ${where}${column} ${issue.severity}: ${escape(issue.message)}`, `  Fix: ${escape(issue.fix)}`];
}

/**
 * Text from the data can hold anything: keep it from turning into HTML, emphasis or code, and
 * its control characters from driving the terminal of whoever reads the report with `cat`.
 */
function escape(text: string): string {
  return printable(text.replace(/[\\`*<>]/g, (c) => `\\${c}`));
}

function cell(text: string): string {
  return escape(text).replaceAll('|', '\\|');
}

function folderCount(folder: readonly DataIssue[], severity: Severity): number {
  return folder.filter((i) => i.severity === severity).length;
}

function sortIssues(issues: DataIssue[]): DataIssue[] {
  return issues.sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.code, b.code) || compare(a.message, b.message),
  );
}

function severityRank(severity: Severity): number {
  return severity === 'error' ? 0 : 1;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sum(values: readonly number[]): number {
  return values.reduce((n, v) => n + v, 0);
}

function num(n: number): string {
  return n.toLocaleString('en-GB');
}

function plural(n: number, word: string): string {
  return `${num(n)} ${word}${n === 1 ? '' : 's'}`;
}
