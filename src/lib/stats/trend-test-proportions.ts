/**
 * The chi-squared test for linear trend in proportions (Cochran 1954, Armitage 1955), as R's
 * `prop.trend.test` computes it: with scores t_i, successes x_i out of n_i and pooled p,
 *   U = sum t_i (x_i - n_i p),  V = p (1 - p) (sum n_i t_i^2 - (sum n_i t_i)^2 / sum n_i),
 *   z = U / sqrt(V), chi-squared = z^2 on 1 degree of freedom.
 * z > 0 means the proportion rises with the score.
 */
import { twoSidedP } from './normal-distribution.ts';

export interface TrendTestResult {
  /** Signed test statistic (standard normal under no trend); 0 when there is no variation. */
  readonly z: number;
  readonly pValue: number;
}

export function trendTestProportions(
  successes: readonly number[],
  totals: readonly number[],
  scores: readonly number[],
): TrendTestResult {
  if (successes.length !== totals.length || successes.length !== scores.length || successes.length < 2) {
    throw new RangeError('trend test needs at least two groups with matching successes, totals and scores');
  }
  let x = 0;
  let n = 0;
  for (let i = 0; i < totals.length; i++) {
    const xi = successes[i] as number;
    const ni = totals[i] as number;
    if (!(ni > 0) || !(xi >= 0 && xi <= ni)) throw new RangeError(`group ${i + 1} needs 0 <= successes <= total, total > 0`);
    x += xi;
    n += ni;
  }
  const p = x / n;
  let u = 0;
  let nt = 0;
  let ntt = 0;
  for (let i = 0; i < totals.length; i++) {
    const t = scores[i] as number;
    const ni = totals[i] as number;
    u += t * ((successes[i] as number) - ni * p);
    nt += ni * t;
    ntt += ni * t * t;
  }
  const v = p * (1 - p) * (ntt - (nt * nt) / n);
  // All successes or none, or equal scores: nothing can trend.
  if (!(v > 0)) return { z: 0, pValue: 1 };
  const z = u / Math.sqrt(v);
  return { z, pValue: twoSidedP(z) };
}
