/**
 * The revisions log: each published figure a later release changed, with what it was and when
 * it changed. The release archive writes it as revisions.json beside the manifest, derived by
 * comparing a release with the one before; until a figure has been revised there is no file and
 * the log says so. Declared once here for the writer, the page and the open data.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { readOptionalJson } from '../site/optional-json.ts';

export const REVISIONS_FILE = 'revisions.json';

const isoDate = z.iso.date();
const figure = z.number().nullable();
const flag = z.string().regex(/^\[[a-z]+\]$/).nullable();

export const revisionSchema = z.object({
  /** Published table (programme, criteria, outcomes, claims, indicators, periods). */
  table: z.string().min(1),
  /** Measure or indicator code. */
  measure: z.string().min(1),
  breakdown: z.string().min(1).default('all'),
  area_code: z.string().min(1),
  /** Quarter or longer period the figure is for. */
  period: z.string().min(1),
  was: figure,
  was_flag: flag,
  now: figure,
  now_flag: flag,
  /** Release the earlier figure came from, and the release that changed it. */
  first_released: isoDate,
  revised: isoDate,
  /** Why, in words: "late returns from the case management system". */
  reason: z.string().min(1),
});
export type Revision = z.infer<typeof revisionSchema>;

export const revisionsLogSchema = z.object({
  schema_version: z.literal(1),
  revisions: z.array(revisionSchema),
});
export type RevisionsLog = z.infer<typeof revisionsLogSchema>;

/** The revisions published with the release in `dataDir`, newest first; none when it has no log. */
export function readRevisions(dataDir: string): Revision[] {
  const log = readOptionalJson(join(dataDir, REVISIONS_FILE), revisionsLogSchema);
  return [...(log?.revisions ?? [])].sort((a, b) => (a.revised === b.revised ? 0 : a.revised < b.revised ? 1 : -1));
}
