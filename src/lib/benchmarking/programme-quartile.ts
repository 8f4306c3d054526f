/**
 * The programme's success rate against every authority at each national claim date, as councils
 * quoted it ("placed Havering in the top quartile of local authorities"): results claimed as a
 * share of families attached by that date, ranked highest first (a higher rate is better), with
 * the quartile, and England's rate pooled over every authority.
 */
import type { NationalResultRow } from './national-input.ts';
import { rankEntries, type Rank } from './rank.ts';

export interface ClaimDateStanding {
  readonly claimDate: string;
  readonly familiesAttached: number;
  readonly resultsClaimed: number;
  /** Percentage; null when no family was attached yet. */
  readonly rate: number | null;
  readonly rank: Rank | null;
  /** Every authority's results over every authority's families, as a percentage. */
  readonly englandRate: number | null;
}

const rateOf = (claimed: number, attached: number) => (attached > 0 ? (100 * claimed) / attached : null);

/** One standing per claim date the council has results for, oldest first. */
export function programmeStandings(rows: readonly NationalResultRow[], council: string): ClaimDateStanding[] {
  const dates = [...new Set(rows.filter((r) => r.authority_code === council).map((r) => r.claim_date))].sort();
  return dates.map((claimDate) => {
    const onDate = rows.filter((r) => r.claim_date === claimDate);
    const own = onDate.find((r) => r.authority_code === council) as NationalResultRow;
    const ranks = rankEntries(
      onDate.map((r) => ({ code: r.authority_code, value: rateOf(r.results_claimed, r.families_attached) })),
      'high_is_good',
    );
    const attached = onDate.reduce((sum, r) => sum + r.families_attached, 0);
    const claimed = onDate.reduce((sum, r) => sum + r.results_claimed, 0);
    return {
      claimDate,
      familiesAttached: own.families_attached,
      resultsClaimed: own.results_claimed,
      rate: rateOf(own.results_claimed, own.families_attached),
      rank: ranks.get(council) ?? null,
      englandRate: rateOf(claimed, attached),
    };
  });
}
