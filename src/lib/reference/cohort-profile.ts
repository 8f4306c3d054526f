/**
 * The committed numbers of families by cohort year (data/reference/cohort-profile.json): for each
 * commitment, the families a council undertook to work with over a programme and the share of
 * them profiled into each programme year (Havering 2013: 415 families, 40% / 50% / 10%, so
 * 166 / 208 / 41). A year may give its families outright where the profile is not a round share;
 * they must agree with the share to within one family. Havering's profile ships in
 * data/reference/examples/ as a check on the method.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { readReferenceJson } from './json-file.ts';

const financialYear = z.string().regex(/^\d{4}-\d{2}$/, 'a financial year such as "2013-14"');

export const COHORT_PROFILE_FILE = 'data/reference/cohort-profile.json';
export const HAVERING_EXAMPLE_FILE = 'data/reference/examples/havering-2013.cohort-profile.json';

export const profileYearSchema = z
  .object({
    year: financialYear.describe('Programme year (financial year): the cohort year families count towards.'),
    share: z.number().min(0).max(1).optional().describe('Share of the committed families profiled into this year.'),
    families: z.number().int().nonnegative().optional().describe('Families profiled into this year, where the profile gives them outright.'),
  })
  .refine((y) => y.share !== undefined || y.families !== undefined, { message: 'give the year a share or its families', path: ['share'] });

export const commitmentSchema = z
  .object({
    phase: z.string().min(1).describe('Code of the programme phase (programme.json) the commitment is for.'),
    committed_families: z.number().int().positive().describe('Families the council committed to work with over the programme.'),
    years: z.array(profileYearSchema).min(1),
  })
  .superRefine((c, ctx) => {
    const shares = c.years.reduce((sum, y) => sum + (y.share ?? 0), 0);
    if (c.years.every((y) => y.share !== undefined) && Math.abs(shares - 1) > 1e-6) {
      ctx.addIssue({ code: 'custom', path: ['years'], message: `the shares add up to ${shares.toFixed(3)}, not 1` });
    }
    c.years.forEach((y, i) => {
      if (y.share !== undefined && y.families !== undefined && Math.abs(y.families - y.share * c.committed_families) > 1) {
        ctx.addIssue({ code: 'custom', path: ['years', i, 'families'], message: `${y.families} families but ${y.share} x ${c.committed_families} is ${(y.share * c.committed_families).toFixed(1)}` });
      }
    });
    const given = c.years.every((y) => y.families !== undefined) ? c.years.reduce((sum, y) => sum + (y.families ?? 0), 0) : null;
    if (given !== null && given !== c.committed_families) {
      ctx.addIssue({ code: 'custom', path: ['years'], message: `the years profile ${given} families but ${c.committed_families} are committed` });
    }
  });

export const cohortProfileSchema = z
  .object({
    schema_version: z.literal(1),
    title: z.string().min(1),
    source: z.string().min(1).describe('Where the figures come from.'),
    commitments: z.array(commitmentSchema).min(1),
  })
  .superRefine((p, ctx) => {
    const years = p.commitments.flatMap((c) => c.years.map((y) => y.year));
    p.commitments.forEach((c, i) =>
      c.years.forEach((y, j) => {
        if (years.indexOf(y.year) !== years.lastIndexOf(y.year)) ctx.addIssue({ code: 'custom', path: ['commitments', i, 'years', j, 'year'], message: `${y.year} is profiled twice` });
      }),
    );
  });
export type CohortProfile = z.infer<typeof cohortProfileSchema>;
export type Commitment = z.infer<typeof commitmentSchema>;

export function loadCohortProfile(path = COHORT_PROFILE_FILE): Promise<CohortProfile> {
  return readReferenceJson(path, cohortProfileSchema);
}

/** The council's profile, or null where it has none (the cohort page then shows no targets). */
export async function loadCohortProfileIfAny(path = COHORT_PROFILE_FILE): Promise<CohortProfile | null> {
  return existsSync(path) ? loadCohortProfile(path) : null;
}

export interface CohortTarget {
  readonly year: string;
  readonly phase: string;
  readonly families: number;
  /** The year's share of its commitment (from the families where the profile gives them outright). */
  readonly share: number;
}

/**
 * Whole families per year: as given, or shares of the commitment apportioned by largest
 * remainder so they add up to the commitment, a tie going to the earlier year (Havering:
 * 166 + 207.5 + 41.5 → 166 / 208 / 41, as its report profiled them).
 */
export function commitmentTargets(c: Commitment): CohortTarget[] {
  const exact = c.years.map((y) => y.families ?? (y.share ?? 0) * c.committed_families);
  const floors = exact.map((x, i) => (c.years[i]?.families !== undefined ? x : Math.floor(x + 1e-9)));
  let left = Math.round(c.committed_families - floors.reduce((a, b) => a + b, 0));
  const order = exact
    .map((x, i) => ({ i, rest: c.years[i]?.families !== undefined ? -1 : x - (floors[i] as number) }))
    .filter((r) => r.rest > 1e-9)
    .sort((a, b) => (Math.abs(b.rest - a.rest) < 1e-9 ? a.i - b.i : b.rest - a.rest));
  for (const r of order) {
    if (left <= 0) break;
    floors[r.i] = (floors[r.i] as number) + 1;
    left--;
  }
  return c.years.map((y, i) => ({ year: y.year, phase: c.phase, families: floors[i] as number, share: y.share ?? (floors[i] as number) / c.committed_families }));
}

/** Every commitment's targets, by cohort year in order. */
export function cohortTargets(profile: CohortProfile): CohortTarget[] {
  return profile.commitments.flatMap(commitmentTargets).sort((a, b) => a.year.localeCompare(b.year));
}
