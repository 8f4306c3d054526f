/**
 * An indicator's value from its numerator and denominator, by the catalogue's unit. Units named
 * "value" are published as supplied and have no numerator/denominator form.
 */
import type { Unit } from '../reference/schema.ts';

/** What numerator / denominator is multiplied by; null where the unit is not a ratio. */
export const UNIT_MULTIPLIER: Readonly<Record<Unit, number | null>> = {
  percent: 100,
  rate_per_1000: 1_000,
  rate_per_10000: 10_000,
  rate_per_100000: 100_000,
  count: null,
  value: null,
};

/**
 * The value, or null when it cannot be formed: a missing part, a zero denominator for a ratio,
 * or a "value" unit (whose value is supplied, not derived).
 */
export function indicatorValue(unit: Unit, numerator: number | null, denominator: number | null): number | null {
  if (unit === 'value' || numerator === null || !Number.isFinite(numerator)) return null;
  if (unit === 'count') return numerator;
  const multiplier = UNIT_MULTIPLIER[unit] as number;
  if (denominator === null || !(denominator > 0) || !Number.isFinite(denominator)) return null;
  return (numerator / denominator) * multiplier;
}
