import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cohortProfileSchema, cohortTargets, COHORT_PROFILE_FILE, HAVERING_EXAMPLE_FILE, loadCohortProfile, loadCohortProfileIfAny } from './cohort-profile.ts';
import { programmeSchema } from './schema.ts';

describe('cohort profile', () => {
  it("gives Havering's 415 families profiled 40% / 50% / 10% as 166 / 208 / 41", async () => {
    const targets = cohortTargets(await loadCohortProfile(HAVERING_EXAMPLE_FILE));
    expect(targets.map((t) => [t.year, t.families])).toEqual([
      ['2012-13', 166],
      ['2013-14', 208],
      ['2014-15', 41],
    ]);
    expect(targets.reduce((sum, t) => sum + t.families, 0)).toBe(415);
  });

  it("agrees with the sample programme's cohort targets, year by year", async () => {
    const programme = programmeSchema.parse(JSON.parse(readFileSync('data/reference/programme.json', 'utf8')));
    const targets = cohortTargets(await loadCohortProfile(COHORT_PROFILE_FILE));
    expect(Object.fromEntries(targets.map((t) => [t.year, t.families]))).toEqual(programme.cohort_targets);
    for (const t of targets) expect(programme.phases.map((p) => p.code)).toContain(t.phase);
  });

  it('refuses shares that do not add up to 1, and families that disagree with their share', () => {
    const base = { schema_version: 1, title: 'x', source: 'test' };
    const shares = cohortProfileSchema.safeParse({ ...base, commitments: [{ phase: 'p', committed_families: 100, years: [{ year: '2012-13', share: 0.5 }, { year: '2013-14', share: 0.4 }] }] });
    expect(shares.success).toBe(false);
    const families = cohortProfileSchema.safeParse({ ...base, commitments: [{ phase: 'p', committed_families: 100, years: [{ year: '2012-13', share: 0.5, families: 60 }, { year: '2013-14', share: 0.5 }] }] });
    expect(families.success).toBe(false);
    const twice = cohortProfileSchema.safeParse({ ...base, commitments: [{ phase: 'p', committed_families: 10, years: [{ year: '2012-13', families: 10 }] }, { phase: 'q', committed_families: 10, years: [{ year: '2012-13', families: 10 }] }] });
    expect(twice.success).toBe(false);
  });

  it('names the file, line and column of a bad profile, and reads a missing one as none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cohort-profile-'));
    try {
      const file = join(dir, 'cohort-profile.json');
      writeFileSync(file, '{\n  "schema_version": 1,\n  "title": "x",\n  "source": "x",\n  "commitments": [\n    { "phase": "phase_1", "committed_families": -4, "years": [] }\n  ]\n}\n');
      await expect(loadCohortProfile(file)).rejects.toThrow(`${file}:6:`);
      expect(await loadCohortProfileIfAny(join(dir, 'none.json'))).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
