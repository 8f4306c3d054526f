/**
 * The pack's data-quality section: rows received, accepted and rejected per extract, and why, as
 * counts only. Rows per file come from the release's manifest (published with the data). The
 * reasons come from the pipeline's quality report (data-quality/data-quality.json), which also
 * quotes values from rejected rows and so is never published: only each file's problem codes,
 * severities and counts are read from it, and only when the report is of the same extracts as
 * the release (every file's SHA-256 matches the manifest), so a stale report is never shown.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { QUALITY_REPORT_FILES, type ManifestSource } from '../outputs/tables.ts';
import { readOptionalJson } from '../site/optional-json.ts';
import type { Flagged } from '../tables/cells.ts';

/** Where the build looks for the pipeline's quality report (the pipeline's --report folder). */
export const QUALITY_REPORT_ENV = 'TFO_QUALITY_REPORT';
export const DEFAULT_QUALITY_REPORT_DIR = 'data-quality';

/** The report's fields the pack may read: counts, never the listed issues (which quote rows). */
const reportCountsSchema = z.object({
  files: z.array(
    z.object({
      file: z.string(),
      sha256: z.string().nullable(),
      counts: z.record(z.string(), z.object({ severity: z.enum(['error', 'warning']), count: z.number().int().nonnegative() })),
    }),
  ),
});
export type QualityReportCounts = z.infer<typeof reportCountsSchema>;

export interface QualityReason {
  /** The pipeline's problem code, in words: "unknown family". */
  readonly reason: string;
  readonly severity: 'error' | 'warning';
  /** How many times the check found the problem; [c] in a public pack when under the threshold. */
  readonly count: Flagged;
}

export interface QualityFileSummary {
  readonly file: string;
  readonly rowsIn: number;
  readonly accepted: number;
  readonly rejected: number;
}

export interface QualitySummary {
  readonly files: readonly QualityFileSummary[];
  readonly totals: Omit<QualityFileSummary, 'file'>;
  /** Problems by file and reason, errors first; null when no matching report was found. */
  readonly reasons: readonly (QualityReason & { readonly file: string })[] | null;
}

/**
 * Reads the counts of the quality report in `dir`, or null when there is none. The reasons are
 * extra to the release, so a report this build cannot read (another version's shape) leaves them
 * out with a warning rather than stopping the build.
 */
export function readQualityCounts(dir = process.env[QUALITY_REPORT_ENV] || DEFAULT_QUALITY_REPORT_DIR): QualityReportCounts | null {
  try {
    return readOptionalJson(join(dir, QUALITY_REPORT_FILES.json), reportCountsSchema);
  } catch (error) {
    console.warn(`Evidence pack: not showing why rows were rejected: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** Codes are snake_case identifiers: said as words, so they read as reasons and never as column names. */
export function reasonWords(code: string): string {
  return code.replace(/_+/g, ' ').trim();
}

/**
 * @param threshold the release's suppression threshold for a public pack, null for the board's:
 *   the reasons are not in the published data, so a public pack shows a count under the
 *   threshold as [c] like any other small count it publishes.
 */
export function qualitySummary(sources: readonly ManifestSource[], report: QualityReportCounts | null, threshold: number | null): QualitySummary {
  const files = sources.map((s) => ({ file: s.file, rowsIn: s.rows_in, accepted: s.rows_accepted, rejected: s.rows_rejected }));
  const sum = (pick: (f: QualityFileSummary) => number) => files.reduce((n, f) => n + pick(f), 0);
  const totals = { rowsIn: sum((f) => f.rowsIn), accepted: sum((f) => f.accepted), rejected: sum((f) => f.rejected) };
  return { files, totals, reasons: report && sameExtracts(sources, report) ? reasonsOf(sources, report, threshold) : null };
}

function sameExtracts(sources: readonly ManifestSource[], report: QualityReportCounts): boolean {
  return sources.every((s) => report.files.some((f) => f.file === s.file && f.sha256 === s.sha256));
}

function reasonsOf(sources: readonly ManifestSource[], report: QualityReportCounts, threshold: number | null): (QualityReason & { file: string })[] {
  const shown = (count: number): Flagged => (threshold !== null && count < threshold ? { value: null, flag: '[c]' } : { value: count, flag: null });
  const rank = { error: 0, warning: 1 } as const;
  return sources.flatMap((s) => {
    const counts = report.files.find((f) => f.file === s.file)?.counts ?? {};
    return Object.entries(counts)
      .filter(([, c]) => c.count > 0)
      .map(([code, c]) => ({ file: s.file, reason: reasonWords(code), severity: c.severity, count: shown(c.count) }))
      .sort((a, b) => rank[a.severity] - rank[b.severity] || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
  });
}
