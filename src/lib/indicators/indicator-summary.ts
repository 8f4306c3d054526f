/** One line of the indicator list: the authority's latest value, its direction of travel and target. */
import type { Indicator } from '../reference/schema.ts';
import { formatValue } from '../format/value.ts';
import type { RecentTrend } from '../stats/index.ts';
import { areaTrend } from './area-trends.ts';
import { areaSeries, type IndicatorRow } from './indicator-row.ts';

export interface IndicatorSummary {
  readonly indicator: Indicator;
  readonly latest: IndicatorRow | null;
  /** The latest value as shown: a number in the unit or its GSS symbol ("[c]"). */
  readonly latestText: string;
  readonly trend: RecentTrend;
  readonly targetStatus: string;
}

export function indicatorSummary(indicator: Indicator, rows: readonly IndicatorRow[], authorityCode: string): IndicatorSummary {
  const series = areaSeries(rows, authorityCode);
  // A trailing "[x]" is a period the source has not published yet (annual figures lag): show the
  // latest published or suppressed figure instead.
  const latest = series.findLast((r) => r.flag !== '[x]') ?? series.at(-1) ?? null;
  return {
    indicator,
    latest,
    latestText: latest ? formatValue(latest.value, latest.flag, indicator.unit, { decimals: indicator.decimals }) : '[x]',
    trend: areaTrend(rows, authorityCode, indicator).trend,
    targetStatus: latest?.target_status ?? 'no_target',
  };
}
