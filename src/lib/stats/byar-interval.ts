/**
 * Confidence interval for a Poisson count, as PHEindicatormethods (OHID Fingertips) computes it:
 * - counts below 10: the exact interval from the chi-squared distribution,
 *   lower = chi2(alpha/2; 2k) / 2 and upper = chi2(1 - alpha/2; 2k + 2) / 2, evaluated as Gamma(k, 1)
 *   and Gamma(k + 1, 1) quantiles with the regularized incomplete gamma (`regularized-gamma.ts`);
 * - counts of 10 or more: Byar's approximation,
 *   lower = k (1 - 1/(9k) - z/(3 sqrt k))^3 and upper = (k+1) (1 - 1/(9(k+1)) + z/(3 sqrt(k+1)))^3.
 * A rate's interval is this count interval divided by the denominator and times the multiplier.
 */
import { Z_95, type Interval } from './interval.ts';
import { normalUpperTail } from './normal-distribution.ts';
import { gammaPInverse } from './regularized-gamma.ts';

/** Below this the exact interval is used; Byar's approximation is good from here up. */
export const EXACT_POISSON_BELOW = 10;

/** Interval for the expected value of a Poisson count. */
export function byarInterval(count: number, z: number = Z_95): Interval {
  if (!(count >= 0) || !Number.isFinite(count)) {
    throw new RangeError(`Poisson interval needs a count of 0 or more, got ${count}`);
  }
  if (count < EXACT_POISSON_BELOW) return exactPoissonInterval(count, z);
  const lower = count * (1 - 1 / (9 * count) - z / (3 * Math.sqrt(count))) ** 3;
  const next = count + 1;
  const upper = next * (1 - 1 / (9 * next) + z / (3 * Math.sqrt(next))) ** 3;
  return { lower, upper };
}

function exactPoissonInterval(count: number, z: number): Interval {
  const tail = normalUpperTail(z);
  const lower = count === 0 ? 0 : gammaPInverse(count, tail);
  const upper = gammaPInverse(count + 1, 1 - tail);
  return { lower, upper };
}
