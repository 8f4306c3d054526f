/**
 * Wilson's score interval for a proportion: the method OHID Fingertips and PHEindicatormethods
 * use for percentages. Unlike the normal ("Wald") interval it stays within [0, 1] and is not
 * degenerate at 0 or n = d, which matters for small localities.
 */
import { Z_95, type Interval } from './interval.ts';

/** Interval for numerator / denominator, as proportions (0..1). */
export function wilsonInterval(numerator: number, denominator: number, z: number = Z_95): Interval {
  if (!(denominator > 0) || !Number.isFinite(denominator)) {
    throw new RangeError(`Wilson interval needs a positive denominator, got ${denominator}`);
  }
  if (!(numerator >= 0 && numerator <= denominator)) {
    throw new RangeError(`Wilson interval needs 0 <= numerator <= denominator, got ${numerator}/${denominator}`);
  }
  const p = numerator / denominator;
  const z2 = z * z;
  const scale = 1 + z2 / denominator;
  const centre = (p + z2 / (2 * denominator)) / scale;
  const half = (z / scale) * Math.sqrt((p * (1 - p)) / denominator + z2 / (4 * denominator * denominator));
  // At the edges the formula is exactly 0 or 1 in theory; pin them so rounding cannot leak.
  const lower = numerator === 0 ? 0 : Math.min(p, Math.max(0, centre - half));
  const upper = numerator === denominator ? 1 : Math.max(p, Math.min(1, centre + half));
  return { lower, upper };
}
