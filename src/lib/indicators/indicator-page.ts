/**
 * Everything an indicator's page shows, derived from its published rows: the periods, the target
 * by period, the localities' latest values against the authority and each area's recent trend.
 */
import type { Indicator } from '../reference/schema.ts';
import { parseFinancialYear, parseQuarter } from '../period/quarter.ts';
import { areaTrends, type AreaTrend } from './area-trends.ts';
import { compareAreasInPeriod, latestBenchmarkPeriod, type AreaComparison } from './latest-comparison.ts';
import type { IndicatorRow } from './indicator-row.ts';

export interface IndicatorPageContext {
  readonly authorityCode: string;
  readonly localityCodes: readonly string[];
  readonly comparatorCodes: readonly string[];
}

export interface IndicatorPageModel {
  readonly indicator: Indicator;
  readonly rows: readonly IndicatorRow[];
  /** Areas with rows, in page order: authority, comparators, localities. */
  readonly areaCodes: readonly string[];
  readonly comparatorCodes: readonly string[];
  /** The period the localities are compared in: the authority's latest. */
  readonly comparisonPeriod: string | null;
  readonly comparisons: readonly AreaComparison[];
  readonly trends: readonly AreaTrend[];
  readonly targets: readonly { period: string; value: number | null }[];
  readonly firstPeriod: string | null;
  readonly lastPeriod: string | null;
}

export function indicatorPageModel(indicator: Indicator, rows: readonly IndicatorRow[], context: IndicatorPageContext): IndicatorPageModel {
  const present = new Set(rows.map((r) => r.area_code));
  const comparatorCodes = context.comparatorCodes.filter((c) => present.has(c));
  const localityCodes = context.localityCodes.filter((c) => present.has(c));
  const areaCodes = [...(present.has(context.authorityCode) ? [context.authorityCode] : []), ...comparatorCodes, ...localityCodes];
  const comparisonPeriod = latestBenchmarkPeriod(rows, context.authorityCode);
  const comparisons = comparisonPeriod
    ? compareAreasInPeriod(rows, comparisonPeriod, localityCodes, context.authorityCode, indicator.polarity)
    : [];
  const periods = [...new Map(rows.map((r) => [r.period, r.period_start])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const authorityRows = new Map(rows.filter((r) => r.area_code === context.authorityCode).map((r) => [r.period, r]));
  const targets = periods.map(([period]) => ({ period, value: authorityRows.get(period)?.target ?? null }));
  return {
    indicator,
    rows,
    areaCodes,
    comparatorCodes,
    comparisonPeriod,
    comparisons,
    trends: areaTrends(rows, areaCodes, indicator),
    targets,
    firstPeriod: periods[0]?.[0] ?? null,
    lastPeriod: periods.at(-1)?.[0] ?? null,
  };
}

/** "quarterly" rows carry quarter labels, "annual" rows financial-year labels; anything else is dropped. */
export function isPeriodLabel(label: string): boolean {
  return parseQuarter(label) !== null || parseFinancialYear(label) !== null;
}
