/**
 * Where a locality sits against the authority on the spine chart: the relative difference
 * (value / authority - 1), capped so one extreme indicator does not squash the others.
 */
export interface SpinePoint {
  /** -1..1: -1 is at or below half the authority's value, 1 at or above double it. */
  readonly position: number;
  /** Relative difference from the authority, uncapped; null when either value is missing. */
  readonly relative: number | null;
}

export function spinePosition(value: number | null, benchmark: number | null): SpinePoint {
  if (value === null || benchmark === null || !Number.isFinite(value) || !Number.isFinite(benchmark) || benchmark === 0) {
    return { position: 0, relative: null };
  }
  const relative = value / benchmark - 1;
  // Ratios are symmetric on a log scale: double and half sit the same distance from the spine.
  const position = Math.max(-1, Math.min(1, Math.log2(value / benchmark)));
  return { position: Number.isFinite(position) ? position : -1, relative };
}
