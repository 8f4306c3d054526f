/**
 * The 95% (or other) confidence interval of an indicator, by unit, on the same scale as
 * `indicatorValue`: percentages use Wilson's score interval times 100; rates use the Poisson
 * interval of the numerator (`byarInterval`) divided by the denominator times the multiplier;
 * counts use the Poisson interval of the count itself; "value" units have none.
 */
import type { Unit } from '../reference/schema.ts';
import { byarInterval } from './byar-interval.ts';
import { UNIT_MULTIPLIER } from './indicator-value.ts';
import { Z_95, type Interval } from './interval.ts';
import { wilsonInterval } from './wilson-interval.ts';

/**
 * Null when no interval applies or the inputs are outside the method's domain (a missing part, a
 * zero denominator, a negative count, a percentage numerator above its denominator): the caller
 * publishes the value without an interval rather than a wrong one.
 */
export function indicatorInterval(
  unit: Unit,
  numerator: number | null,
  denominator: number | null,
  z: number = Z_95,
): Interval | null {
  if (unit === 'value' || numerator === null || !(numerator >= 0) || !Number.isFinite(numerator)) return null;
  if (unit === 'count') return byarInterval(numerator, z);
  if (denominator === null || !(denominator > 0) || !Number.isFinite(denominator)) return null;
  const multiplier = UNIT_MULTIPLIER[unit] as number;
  if (unit === 'percent') {
    if (numerator > denominator) return null;
    const { lower, upper } = wilsonInterval(numerator, denominator, z);
    return { lower: lower * multiplier, upper: upper * multiplier };
  }
  const { lower, upper } = byarInterval(numerator, z);
  return { lower: (lower / denominator) * multiplier, upper: (upper / denominator) * multiplier };
}
