/**
 * Rank and quartile among authorities, the way LG Inform and Fingertips quote them: rank 1 is
 * the best value by the indicator's polarity (the highest value for indicators with no better or
 * worse direction, which is then only an order, not a judgement).
 *
 * Ties share the better rank ("1, 2, 2, 4": standard competition ranking), so tied authorities
 * always share a quartile. Authorities without a value are left out of the ranking and of the
 * count it is "out of". Quartile 1 is the best quarter: rank r of n is in quartile
 * floor(4 (r - 1) / n) + 1, so "top quartile" means the first quarter of the ranked list.
 */
import type { Polarity } from '../reference/schema.ts';

export interface RankEntry {
  readonly code: string;
  readonly value: number | null;
}

export type Quartile = 1 | 2 | 3 | 4;

export interface Rank {
  readonly rank: number;
  readonly quartile: Quartile;
  /** How many authorities had a value. */
  readonly of: number;
}

/** True when `a` is better than (ranks before) `b`. */
function betterThan(polarity: Polarity): (a: number, b: number) => boolean {
  return polarity === 'low_is_good' ? (a, b) => a < b : (a, b) => a > b;
}

export function quartileOf(rank: number, of: number): Quartile {
  return (Math.min(3, Math.floor((4 * (rank - 1)) / of)) + 1) as Quartile;
}

/** Rank of every entry with a finite value; entries without one are absent from the map. */
export function rankEntries(entries: readonly RankEntry[], polarity: Polarity): Map<string, Rank> {
  const better = betterThan(polarity);
  const valued = entries.filter((e): e is RankEntry & { value: number } => e.value !== null && Number.isFinite(e.value));
  // Sorted best first, a rank is one more than the number of strictly better values before it.
  const sorted = [...valued].sort((a, b) => (better(a.value, b.value) ? -1 : better(b.value, a.value) ? 1 : 0));
  const out = new Map<string, Rank>();
  const of = sorted.length;
  let rank = 1;
  sorted.forEach((entry, i) => {
    const previous = sorted[i - 1];
    if (previous && previous.value !== entry.value) rank = i + 1;
    out.set(entry.code, { rank, quartile: quartileOf(rank, of), of });
  });
  return out;
}

/** Mean of the values present (the group average LG Inform shows), with how many there were. */
export function meanOf(values: readonly (number | null)[]): { mean: number | null; n: number } {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return { mean: null, n: 0 };
  return { mean: present.reduce((sum, v) => sum + v, 0) / present.length, n: present.length };
}

export const QUARTILE_WORDS: Readonly<Record<Quartile, string>> = {
  1: 'top quartile',
  2: 'second quartile',
  3: 'third quartile',
  4: 'bottom quartile',
};
