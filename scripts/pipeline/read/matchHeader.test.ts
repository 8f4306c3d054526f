import { describe, expect, it } from 'vitest';
import { families } from '../contract/extracts.ts';
import { IssueLog } from './issueLog.ts';
import { closest, editDistance, matchHeader } from './matchHeader.ts';

const names = families.columns.map((c) => c.name);

describe('closest', () => {
  it('suggests the column a typo or a dropped part was meant as', () => {
    expect(closest('famly_ref', names)).toBe('family_ref');
    expect(closest('locality', names)).toBe('locality_code');
    expect(closest('agency', names)).toBe('lead_agency');
    expect(closest('notes', names)).toBeNull();
  });

  it('agrees with the full edit distance wherever it skips computing it', () => {
    for (const name of ['x', 'family', 'family_ref_and_more', 'date', 'date_identified_at', 'children_count', 'q'.repeat(40)]) {
      let best: string | null = null;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (const candidate of names) {
        const d = editDistance(name, candidate);
        const prefix = Math.min(name.length, candidate.length) >= 4 && (candidate.startsWith(name) || name.startsWith(candidate) || candidate.endsWith(name) || name.endsWith(candidate));
        if ((d <= Math.max(2, Math.floor(candidate.length / 3)) || prefix) && d < bestDistance) {
          best = candidate;
          bestDistance = d;
        }
      }
      expect(closest(name, names), name).toBe(best);
    }
  });

  it('handles a name of millions of characters in one pass (no edit-distance table for it)', () => {
    expect(closest('z'.repeat(5_000_000), names)).toBeNull();
    expect(closest(`family_ref${'z'.repeat(5_000_000)}`, names)).toBe('family_ref');
  });
});

describe('matchHeader', () => {
  it('quotes a long unknown name shortened, so one header cannot swamp the report', () => {
    const log = new IssueLog();
    matchHeader(families, [...names, 'n'.repeat(10_000)], 1, log);
    const [issue] = log.issues.filter((i) => i.code === 'unknown_column');
    expect(issue?.message).toBe(`Column ${names.length + 1} "${'n'.repeat(57)}..." is not in the contract for families.csv.`);
  });
});
