/** Indicator and locality logic for pages and the compare tool: pure TypeScript, no DuckDB. */
export { areaSeries, latestPeriod, toIndicatorRows, type IndicatorRow } from './indicator-row.ts';
export { compareAreasInPeriod, latestBenchmarkPeriod, type AreaComparison } from './latest-comparison.ts';
export { areaTrend, areaTrends, type AreaTrend } from './area-trends.ts';
export { needShares, type NeedShare } from './need-share.ts';
export {
  ASSESSMENT_WORDS,
  comparisonWords,
  TARGET_STATUS_WORDS,
  targetStatusWords,
  TREND_ARROWS,
  TREND_METHOD_WORDS,
  TREND_WORDS,
} from './verdict-words.ts';
export {
  compareSelectionQuery,
  parseCompareSelection,
  quarterStartOf,
  selectionDateRange,
  type CompareOptions,
  type CompareSelection,
} from './compare-selection.ts';
export { spinePosition, type SpinePoint } from './spine-position.ts';
export { indicatorSummary, type IndicatorSummary } from './indicator-summary.ts';
export { indicatorCsv, INDICATOR_CSV_COLUMNS } from './indicator-csv.ts';
export { indicatorPageModel, isPeriodLabel, type IndicatorPageContext, type IndicatorPageModel } from './indicator-page.ts';
export { localitySpine, spineCounts, type SpineRow } from './locality-profile.ts';
export { selectionCell, selectionCsv, type SelectionRow } from './selection-csv.ts';
