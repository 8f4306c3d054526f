/**
 * Text alternatives written from the data, for charts whose caller gives no description.
 * They state what the chart shows and the values a sighted reader would take from it; the
 * full data is in the table beside every chart.
 */
import { parseFinancialYear, parseQuarter } from '../lib/period/quarter.ts';
import { formatValue } from './format.ts';
import { lastDefined, type TrendModel, type TrendSeries } from './trend-data.ts';

export function periodWord(periods: readonly string[]): string {
  if (periods.length > 0 && periods.every((p) => parseQuarter(p) !== null)) return 'quarter';
  if (periods.length > 0 && periods.every((p) => parseFinancialYear(p) !== null)) return 'financial year';
  return 'period';
}

/** "Hertfordshire: 45.2% in 2015-16 Q4, from 40.1% in 2013-14 Q1." */
export function describeSeries(model: TrendModel, series: TrendSeries): string {
  const last = lastDefined(series);
  if (!last || last.value === null) return `${series.label}: no published values.`;
  const first = series.points.find((p) => p.value !== null);
  const latest = `${series.label}: ${formatValue(last.value, model.unit, model.decimals)} in ${last.period}`;
  if (!first || first === last || first.value === null) return `${latest}.`;
  return `${latest}, from ${formatValue(first.value, model.unit, model.decimals)} in ${first.period}.`;
}

export function hasGaps(model: TrendModel, series: readonly TrendSeries[] = model.series): boolean {
  return series.some((s) => s.points.some((p) => p.value === null));
}

export const GAP_NOTE = 'Gaps in a line mark periods with no published value (suppressed or not available).';

export function describeTrend(kind: string, model: TrendModel, series: readonly TrendSeries[] = model.series): string {
  const first = model.periods[0];
  const last = model.periods[model.periods.length - 1];
  const span = first === undefined ? '' : first === last ? `, ${first}` : `, ${first} to ${last}`;
  const parts = [`${kind} of ${model.yLabel} by ${periodWord(model.periods)}${span}.`];
  for (const s of series) parts.push(describeSeries(model, s));
  const target = model.target?.filter((t): t is number => t !== null);
  if (target && target.length > 0) {
    const latest = target[target.length - 1] as number;
    parts.push(`Target: ${formatValue(latest, model.unit, model.decimals)}.`);
  }
  if (hasGaps(model, series)) parts.push(GAP_NOTE);
  return parts.join(' ');
}
