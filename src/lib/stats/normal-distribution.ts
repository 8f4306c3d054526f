/**
 * The standard normal upper tail, for turning a z multiplier into the tail probability the exact
 * Poisson limits need and a test statistic into a p-value. erfc(t) = Q(1/2, t^2), so this shares
 * the regularized gamma rather than carrying a second approximation.
 */
import { gammaQ } from './regularized-gamma.ts';

/** P(Z > z) for a standard normal Z. */
export function normalUpperTail(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const half = 0.5 * gammaQ(0.5, (z * z) / 2);
  return z >= 0 ? half : 1 - half;
}

/** Two-sided p-value of a standard normal test statistic. */
export function twoSidedP(z: number): number {
  return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
}
