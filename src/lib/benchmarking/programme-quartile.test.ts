import { describe, expect, it } from 'vitest';
import type { NationalResultRow } from './national-input.ts';
import { programmeStandings } from './programme-quartile.ts';

const row = (authority_code: string, claim_date: string, families_attached: number, results_claimed: number): NationalResultRow => ({ authority_code, claim_date, families_attached, results_claimed });

describe('programmeStandings', () => {
  // Rates on the first date: us 6%, b 10%, c 6% (a tie), d 2%, e nothing attached yet (not ranked).
  const rows = [
    row('us', '2013-07-31', 100, 6),
    row('b', '2013-07-31', 50, 5),
    row('c', '2013-07-31', 200, 12),
    row('d', '2013-07-31', 100, 2),
    row('e', '2013-07-31', 0, 0),
    row('us', '2013-10-31', 120, 30),
    row('b', '2013-10-31', 60, 6),
  ];

  it('ranks the success rate highest first, ties sharing the better rank, unattached authorities left out', () => {
    const [first, second] = programmeStandings(rows, 'us');
    expect(first).toMatchObject({ claimDate: '2013-07-31', familiesAttached: 100, resultsClaimed: 6, rate: 6 });
    // b is better; us and c tie at 6%: rank 2 of 4, the second quartile.
    expect(first?.rank).toEqual({ rank: 2, quartile: 2, of: 4 });
    expect(first?.englandRate).toBeCloseTo((100 * 25) / 450, 10);
    expect(second?.rank).toEqual({ rank: 1, quartile: 1, of: 2 });
  });

  it('has a standing only for the dates the council published', () => {
    expect(programmeStandings(rows, 'b').map((s) => s.claimDate)).toEqual(['2013-07-31', '2013-10-31']);
    expect(programmeStandings(rows, 'nobody')).toEqual([]);
  });
});
