/**
 * Whether a value meets the year's target, read in the direction the indicator's polarity gives.
 */
import type { Polarity } from '../reference/schema.ts';

export type TargetStatus = 'met' | 'not_met' | 'no_target' | 'no_judgement';

/**
 * 'no_target' when the year has no target; 'no_judgement' when the polarity makes no judgement or
 * there is no value to judge. A value equal to the target meets it. With `decimals`, the value is
 * rounded as published first, so a reader never sees "60.0" against a target of 60 marked not met.
 */
export function targetStatus(
  value: number | null,
  target: number | null,
  polarity: Polarity,
  decimals?: number,
): TargetStatus {
  if (target === null || !Number.isFinite(target)) return 'no_target';
  if (polarity === 'no_judgement' || value === null || !Number.isFinite(value)) return 'no_judgement';
  const shown = decimals === undefined ? value : roundHalfAwayFromZero(value, decimals);
  const met = polarity === 'high_is_good' ? shown >= target : shown <= target;
  return met ? 'met' : 'not_met';
}

function roundHalfAwayFromZero(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // toPrecision strips binary noise (1.005 * 100 = 100.49999...) before rounding.
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  return (Math.sign(value) * Math.round(scaled)) / factor;
}
