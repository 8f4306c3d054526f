/**
 * What the site says about the data release: its date and audience, from the pipeline's
 * manifest.json in the build's data folder (public/data, or .board/data for the board site).
 * The site must still build before the pipeline has ever run (the component examples and
 * methodology need no data), so a missing manifest is null, not an error. Every build-time read
 * of the manifest goes through readRelease, so it is where the release's audience is checked
 * against the site being built.
 */
import { readOptionalJson } from './optional-json.ts';
import { join } from 'node:path';
import { z } from 'zod';
import { MANIFEST_FILE, type Audience } from '../outputs/tables.ts';
import { formatDate } from '../format/date.ts';
import { checkReleaseAudience, siteBuild, type SiteBuild } from './site-build.ts';

// Only the fields the site chrome uses; the full manifest is the pipeline's contract.
const releaseFieldsSchema = z.object({
  audience: z.enum(['public', 'board']),
  released: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'an ISO date such as "2013-08-14"'),
  extract_period: z.object({ first_quarter: z.string(), last_quarter: z.string() }),
  suppression: z.object({ applied: z.boolean(), rule: z.string() }),
});

export interface Release {
  audience: Audience;
  /** ISO date, as in the manifest. */
  released: string;
  /** "14 August 2013". */
  releasedText: string;
  firstQuarter: string;
  lastQuarter: string;
  suppressionApplied: boolean;
  /** The disclosure rule in words, as the pipeline applied it. */
  suppressionRule: string;
}

/** The release date as the footer shows it: "14 August 2013". */
export function formatReleaseDate(iso: string): string {
  return formatDate(iso);
}

/**
 * Reads the manifest in the build's data folder; null when there is none yet. A malformed one,
 * or one for another audience than the site being built, is an error.
 */
export function readRelease(build: Pick<SiteBuild, 'audience' | 'dataDir'> = siteBuild()): Release | null {
  const file = join(build.dataDir, MANIFEST_FILE);
  const m = readOptionalJson(file, releaseFieldsSchema);
  if (!m) return null;
  checkReleaseAudience(file, m.audience, build);
  return {
    audience: m.audience,
    released: m.released,
    releasedText: formatReleaseDate(m.released),
    firstQuarter: m.extract_period.first_quarter,
    lastQuarter: m.extract_period.last_quarter,
    suppressionApplied: m.suppression.applied,
    suppressionRule: m.suppression.rule,
  };
}
