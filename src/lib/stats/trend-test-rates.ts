/**
 * The chi-squared test for linear trend in rates: the score test of the slope b in the Poisson
 * log-linear model log E[O_i] = log D_i + a + b t_i (Breslow & Day 1987, vol. II, section 3.6).
 * With the pooled rate r = sum O / sum D and expected counts E_i = D_i r,
 *   U = sum t_i (O_i - E_i),  V = sum E_i t_i^2 - (sum E_i t_i)^2 / sum E_i,
 *   z = U / sqrt(V).
 * It is the rates counterpart of Cochran-Armitage and, like it, needs no iteration. For plain
 * counts pass a denominator of 1 for every period.
 */
import { twoSidedP } from './normal-distribution.ts';
import type { TrendTestResult } from './trend-test-proportions.ts';

export function trendTestRates(
  counts: readonly number[],
  denominators: readonly number[],
  scores: readonly number[],
): TrendTestResult {
  if (counts.length !== denominators.length || counts.length !== scores.length || counts.length < 2) {
    throw new RangeError('trend test needs at least two periods with matching counts, denominators and scores');
  }
  let observed = 0;
  let person = 0;
  for (let i = 0; i < counts.length; i++) {
    const o = counts[i] as number;
    const d = denominators[i] as number;
    if (!(o >= 0) || !(d > 0)) throw new RangeError(`period ${i + 1} needs a count of 0 or more and a positive denominator`);
    observed += o;
    person += d;
  }
  const rate = observed / person;
  let u = 0;
  let et = 0;
  let ett = 0;
  for (let i = 0; i < counts.length; i++) {
    const t = scores[i] as number;
    const e = (denominators[i] as number) * rate;
    u += t * ((counts[i] as number) - e);
    et += e * t;
    ett += e * t * t;
  }
  const v = ett - (et * et) / observed;
  if (!(observed > 0) || !(v > 0)) return { z: 0, pValue: 1 };
  const z = u / Math.sqrt(v);
  return { z, pValue: twoSidedP(z) };
}
