/** The recent-trend verdict (latest five points) for each area of one indicator. */
import type { Indicator } from '../reference/schema.ts';
import { recentTrend, type RecentTrend } from '../stats/index.ts';
import { areaSeries, type IndicatorRow } from './indicator-row.ts';

export interface AreaTrend {
  readonly areaCode: string;
  readonly trend: RecentTrend;
  /** Periods tested, oldest first: the latest five. */
  readonly periods: readonly string[];
}

/**
 * A suppressed point has no value, so a series with one in its latest five gets
 * 'not_enough_data', as Fingertips does, rather than a test on four points. Trailing periods the
 * source has not published yet ("[x]", such as lagged annual figures) are not the latest points.
 */
export function areaTrend(rows: readonly IndicatorRow[], areaCode: string, indicator: Pick<Indicator, 'polarity' | 'unit'>): AreaTrend {
  const series = areaSeries(rows, areaCode);
  while (series.length > 0 && series.at(-1)!.flag === '[x]') series.pop();
  const points = series.map((r) => ({ value: r.value, numerator: r.numerator, denominator: r.denominator }));
  const trend = recentTrend(points, indicator.polarity, { unit: indicator.unit });
  return { areaCode, trend, periods: series.slice(-5).map((r) => r.period) };
}

export function areaTrends(
  rows: readonly IndicatorRow[],
  areaCodes: readonly string[],
  indicator: Pick<Indicator, 'polarity' | 'unit'>,
): AreaTrend[] {
  return areaCodes.map((code) => areaTrend(rows, code, indicator));
}
