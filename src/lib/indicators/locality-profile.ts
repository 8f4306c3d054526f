/**
 * A locality's overview of every indicator against the authority (the spine chart's rows): in each
 * indicator's latest period with an authority value, the locality's value, interval and verdict.
 */
import type { Indicator } from '../reference/schema.ts';
import type { BenchmarkComparison } from '../stats/index.ts';
import { compareAreasInPeriod, latestBenchmarkPeriod } from './latest-comparison.ts';
import type { IndicatorRow } from './indicator-row.ts';
import { spinePosition, type SpinePoint } from './spine-position.ts';

export interface SpineRow {
  readonly indicator: Indicator;
  readonly period: string | null;
  readonly locality: IndicatorRow | null;
  readonly authority: IndicatorRow | null;
  /** The first comparator (England) in the same period, when supplied. */
  readonly comparator: IndicatorRow | null;
  readonly comparison: BenchmarkComparison;
  readonly spine: SpinePoint;
}

export function localitySpine(
  indicators: readonly Indicator[],
  rowsByIndicator: ReadonlyMap<string, readonly IndicatorRow[]>,
  localityCode: string,
  authorityCode: string,
  comparatorCode: string | null,
): SpineRow[] {
  return indicators.map((indicator) => {
    const rows = rowsByIndicator.get(indicator.code) ?? [];
    const period = latestBenchmarkPeriod(rows, authorityCode);
    const [found] = period ? compareAreasInPeriod(rows, period, [localityCode], authorityCode, indicator.polarity) : [];
    const authority = period ? (rows.find((r) => r.period === period && r.area_code === authorityCode) ?? null) : null;
    const comparator =
      period && comparatorCode ? (rows.find((r) => r.period === period && r.area_code === comparatorCode) ?? null) : null;
    const locality = found?.row ?? null;
    return {
      indicator,
      period,
      locality,
      authority,
      comparator,
      comparison: found?.comparison ?? 'not_compared',
      spine: spinePosition(locality?.value ?? null, authority?.value ?? null),
    };
  });
}

/** Counts of each verdict, for the spine chart's text alternative. */
export function spineCounts(rows: readonly SpineRow[]): Record<BenchmarkComparison, number> {
  const counts: Record<BenchmarkComparison, number> = { better: 0, similar: 0, worse: 0, higher: 0, lower: 0, not_compared: 0 };
  for (const row of rows) counts[row.comparison] += 1;
  return counts;
}
