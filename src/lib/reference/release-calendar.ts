/**
 * The release calendar: when each quarter's figures are published, pre-announced as the Code of
 * Practice for Statistics asks. A council edits data/reference/release-calendar.json; this
 * schema is the contract, and the next release is worked out from the build's own release date
 * (never the clock), so the same data always builds the same page.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseQuarter, quarterIndex } from '../period/quarter.ts';

export const RELEASE_CALENDAR_FILE = 'data/reference/release-calendar.json';

const isoDate = z.iso.date({ error: 'an ISO date such as "2026-12-17"' });
const quarter = z.string().refine((text) => parseQuarter(text) !== null, { error: 'a financial quarter such as "2026-27 Q3"' });

export const plannedReleaseSchema = z.object({
  /** Day the figures are published. */
  date: isoDate.describe('Day the figures are published, yyyy-mm-dd.'),
  /** Latest quarter the release covers. */
  covers: quarter.describe('Latest financial quarter the release covers, such as "2026-27 Q3".'),
  /** A provisional date may still move; a confirmed one moves only with a published reason. */
  confirmed: z.boolean().describe('True once the date is confirmed; a provisional date may still move.'),
  /** Why a date changed, or anything else a reader should know. */
  note: z.string().min(1).optional().describe('Why a date changed, or anything else readers should know.'),
});
export type PlannedRelease = z.infer<typeof plannedReleaseSchema>;

export const releaseCalendarSchema = z
  .object({
    schema_version: z.literal(1),
    /** How often the figures are published, in words: "quarterly". */
    frequency: z.string().min(1).describe('How often the figures are published, in words.'),
    releases: z.array(plannedReleaseSchema).min(1),
  })
  .superRefine((calendar, ctx) => {
    calendar.releases.forEach((release, i) => {
      const previous = calendar.releases[i - 1];
      if (!previous) return;
      if (release.date <= previous.date) ctx.addIssue({ code: 'custom', path: ['releases', i, 'date'], message: `must come after ${previous.date} (releases are listed in date order)` });
      const [now, before] = [parseQuarter(release.covers), parseQuarter(previous.covers)];
      if (now && before && quarterIndex(now) <= quarterIndex(before)) {
        ctx.addIssue({ code: 'custom', path: ['releases', i, 'covers'], message: `must be a later quarter than ${previous.covers}` });
      }
    });
  });
export type ReleaseCalendar = z.infer<typeof releaseCalendarSchema>;

export function parseReleaseCalendar(value: unknown, file = RELEASE_CALENDAR_FILE): ReleaseCalendar {
  const parsed = releaseCalendarSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${file}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

export function loadReleaseCalendar(file = RELEASE_CALENDAR_FILE): ReleaseCalendar {
  return parseReleaseCalendar(JSON.parse(readFileSync(file, 'utf8')), file);
}

/** Releases up to and including `released` (the current release's date), and those still to come. */
export function splitCalendar(calendar: ReleaseCalendar, released: string): { past: PlannedRelease[]; next: PlannedRelease | null; later: PlannedRelease[] } {
  const day = released.slice(0, 10);
  const past = calendar.releases.filter((r) => r.date <= day);
  const [next = null, ...later] = calendar.releases.filter((r) => r.date > day);
  return { past, next, later };
}
