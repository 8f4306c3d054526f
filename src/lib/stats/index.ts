/** Statistics shared by the pipeline and the browser: pure functions, no DuckDB. */
export { Z_95, Z_99_8, type Interval } from './interval.ts';
export { wilsonInterval } from './wilson-interval.ts';
export { byarInterval, EXACT_POISSON_BELOW } from './byar-interval.ts';
export { indicatorValue, UNIT_MULTIPLIER } from './indicator-value.ts';
export { indicatorInterval } from './indicator-interval.ts';
export { targetStatus, type TargetStatus } from './target-status.ts';
export { compareWithBenchmark, type BenchmarkComparison } from './compare-with-benchmark.ts';
export {
  recentTrend,
  RECENT_TREND_POINTS,
  TREND_SIGNIFICANCE,
  type RecentTrend,
  type TrendDirection,
  type TrendMethod,
  type TrendPoint,
} from './recent-trend.ts';
export { trendTestProportions, type TrendTestResult } from './trend-test-proportions.ts';
export { trendTestRates } from './trend-test-rates.ts';
export { trendTestValues } from './trend-test-values.ts';
