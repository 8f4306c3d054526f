/**
 * The Fingertips-style recent-trend marker: is the indicator moving over its latest five points?
 *
 * Method, chosen by unit (README.md explains why):
 * - percent: chi-squared test for linear trend in proportions (Cochran-Armitage) on the
 *   numerators and denominators;
 * - rate_per_*: chi-squared test for linear trend in rates (Poisson score test), numerators with
 *   denominators as exposure; count: the same on the counts, with unit exposure;
 * - value, or any unit whose points lack numerators: least-squares slope t-test on the values.
 * Scores are 1..5 (equally spaced periods). Significant when p < 0.05, two-sided.
 * With no unit given, numerators and denominators all present with numerator <= denominator are
 * tested as proportions, otherwise as rates; pass the unit when it is known.
 */
import type { Polarity, Unit } from '../reference/schema.ts';
import { trendTestProportions, type TrendTestResult } from './trend-test-proportions.ts';
import { trendTestRates } from './trend-test-rates.ts';
import { trendTestValues } from './trend-test-values.ts';

export interface TrendPoint {
  readonly value: number | null;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
}

export type TrendDirection = 'increasing' | 'decreasing' | 'no_significant_change' | 'not_enough_data';
export type TrendMethod = 'proportions' | 'rates' | 'values';

export interface RecentTrend {
  readonly trend: TrendDirection;
  /** What the movement means given polarity; null when there is none or no judgement is made. */
  readonly assessment: 'getting_better' | 'getting_worse' | null;
  readonly method: TrendMethod | null;
  readonly pValue: number | null;
}

/** Fingertips tests the latest five points and needs all five. */
export const RECENT_TREND_POINTS = 5;
export const TREND_SIGNIFICANCE = 0.05;

const NOT_ENOUGH: RecentTrend = { trend: 'not_enough_data', assessment: null, method: null, pValue: null };

/** `points` in time order, oldest first; only the latest five are tested. */
export function recentTrend(
  points: readonly TrendPoint[],
  polarity: Polarity,
  options: { readonly unit?: Unit } = {},
): RecentTrend {
  if (points.length < RECENT_TREND_POINTS) return NOT_ENOUGH;
  const latest = points.slice(-RECENT_TREND_POINTS);
  const scores = latest.map((_, i) => i + 1);
  const method = chooseMethod(latest, options.unit);
  if (method === null) return NOT_ENOUGH;
  const result = runTest(method, latest, scores, options.unit);
  if (!(result.pValue < TREND_SIGNIFICANCE) || result.z === 0) {
    return { trend: 'no_significant_change', assessment: null, method, pValue: result.pValue };
  }
  const trend = result.z > 0 ? 'increasing' : 'decreasing';
  const assessment =
    polarity === 'no_judgement'
      ? null
      : (trend === 'increasing') === (polarity === 'high_is_good')
        ? 'getting_better'
        : 'getting_worse';
  return { trend, assessment, method, pValue: result.pValue };
}

const isFiniteNumber = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

function hasCounts(points: readonly TrendPoint[], needDenominator: boolean): boolean {
  return points.every(
    (p) => isFiniteNumber(p.numerator) && p.numerator >= 0 && (!needDenominator || (isFiniteNumber(p.denominator) && p.denominator > 0)),
  );
}

function chooseMethod(points: readonly TrendPoint[], unit: Unit | undefined): TrendMethod | null {
  const hasValues = points.every((p) => isFiniteNumber(p.value));
  switch (unit) {
    case 'percent':
      if (hasCounts(points, true) && points.every((p) => (p.numerator as number) <= (p.denominator as number))) {
        return 'proportions';
      }
      break;
    case 'rate_per_1000':
    case 'rate_per_10000':
    case 'rate_per_100000':
      if (hasCounts(points, true)) return 'rates';
      break;
    case 'count':
      if (hasCounts(points, false) || points.every((p) => isFiniteNumber(p.value) && p.value >= 0)) return 'rates';
      break;
    case 'value':
      break;
    case undefined:
      if (hasCounts(points, true)) {
        return points.every((p) => (p.numerator as number) <= (p.denominator as number)) ? 'proportions' : 'rates';
      }
      break;
  }
  return hasValues ? 'values' : null;
}

function runTest(method: TrendMethod, points: readonly TrendPoint[], scores: number[], unit: Unit | undefined): TrendTestResult {
  switch (method) {
    case 'proportions':
      return trendTestProportions(
        points.map((p) => p.numerator as number),
        points.map((p) => p.denominator as number),
        scores,
      );
    case 'rates':
      if (unit === 'count') {
        // Counts are their own value; exposure is one period each.
        const counts = points.map((p) => (isFiniteNumber(p.numerator) ? p.numerator : (p.value as number)));
        return trendTestRates(counts, counts.map(() => 1), scores);
      }
      return trendTestRates(
        points.map((p) => p.numerator as number),
        points.map((p) => p.denominator as number),
        scores,
      );
    case 'values':
      return trendTestValues(
        points.map((p) => p.value as number),
        scores,
      );
  }
}
