/**
 * Each area's latest value compared with a benchmark area (the authority) in the same period,
 * by the Fingertips rule: significant when the area's 95% interval excludes the benchmark value.
 */
import type { Polarity } from '../reference/schema.ts';
import { compareWithBenchmark, type BenchmarkComparison } from '../stats/index.ts';
import type { IndicatorRow } from './indicator-row.ts';

export interface AreaComparison {
  readonly row: IndicatorRow;
  readonly benchmark: IndicatorRow | null;
  readonly comparison: BenchmarkComparison;
}

/**
 * The latest period in which the benchmark area has a value; null when it has none. A period the
 * source has not yet published ("[x]", such as a lagged annual figure) is passed over.
 */
export function latestBenchmarkPeriod(rows: readonly IndicatorRow[], benchmarkCode: string): string | null {
  let latest: IndicatorRow | null = null;
  for (const row of rows) {
    if (row.area_code !== benchmarkCode || row.value === null) continue;
    if (!latest || row.period_start > latest.period_start) latest = row;
  }
  return latest?.period ?? null;
}

/**
 * Comparisons in one period for the given areas (in that order); an area with no row in the
 * period is left out. A suppressed area or benchmark is 'not_compared', never guessed.
 */
export function compareAreasInPeriod(
  rows: readonly IndicatorRow[],
  period: string,
  areaCodes: readonly string[],
  benchmarkCode: string,
  polarity: Polarity,
): AreaComparison[] {
  const inPeriod = new Map(rows.filter((r) => r.period === period).map((r) => [r.area_code, r]));
  const benchmark = inPeriod.get(benchmarkCode) ?? null;
  const out: AreaComparison[] = [];
  for (const code of areaCodes) {
    const row = inPeriod.get(code);
    if (!row) continue;
    const comparison = compareWithBenchmark(row.ci_lower, row.ci_upper, benchmark?.value ?? null, polarity);
    out.push({ row, benchmark, comparison });
  }
  return out;
}
