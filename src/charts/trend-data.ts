/**
 * The data model behind every chart over time (line trend, small multiples, sparkline) and
 * behind their tables, so a chart and its "show as table" view can never disagree.
 *
 * Gaps are made explicit here. Plot breaks a line only where y is null/NaN; a period that is
 * simply absent from the rows would be joined straight across. So every series gets one point
 * for every period in the domain, and missing periods become null points.
 */
import { financialYearLabel, parseFinancialYear, parseQuarter, quarterLabel, quarterRange } from '../lib/period/quarter.ts';
import { readFlag, readNumber, readOptionalNumber, readText } from './fields.ts';
import type { ChartUnit } from './format.ts';
import type { KeyOf } from './options.ts';

export interface TargetPoint {
  readonly period: string;
  readonly value: number | null;
}

export interface TrendDataOptions<T> {
  /** Field holding the period label ("2013-14 Q2" or "2013-14"). Default "period". */
  readonly x?: KeyOf<T>;
  /** Field holding the value. Default "value". */
  readonly y?: KeyOf<T>;
  /** Field naming the series (an area code); null when the rows are one series. Default "area_code". */
  readonly series?: KeyOf<T> | null;
  /** Display names by series key; keys without one are shown as they are. */
  readonly seriesLabels?: Readonly<Record<string, string>>;
  /** Series drawn (and coloured) in this order first; others follow in order of appearance. */
  readonly seriesOrder?: readonly string[];
  /** Fields holding the lower and upper 95% confidence limits, to draw a band. */
  readonly lower?: KeyOf<T>;
  readonly upper?: KeyOf<T>;
  /** Field holding the GSS flag ("[c]"), shown in the table for gaps. Default "flag" when rows have it. */
  readonly flag?: KeyOf<T> | null;
  /**
   * The periods to show, in order. Default: from the first to the last period in the data,
   * with missing quarters (or years) filled in so that they show as gaps.
   */
  readonly periods?: readonly string[];
  /** A constant target, or a target by period (dashed line labelled "Target"). */
  readonly target?: number | readonly TargetPoint[];
  /** Axis and table label for the values, such as "Families attached". */
  readonly yLabel?: string;
  /** Table header for the period column. Default "Period". */
  readonly xLabel?: string;
  readonly unit?: ChartUnit;
  /** Decimal places for value labels; the unit's default when omitted. */
  readonly decimals?: number;
}

export interface TrendPoint {
  readonly period: string;
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly flag: string | null;
}

export interface TrendSeries {
  readonly key: string;
  readonly label: string;
  /** One point per period of the model, in period order. */
  readonly points: readonly TrendPoint[];
}

export interface TrendModel {
  readonly periods: readonly string[];
  readonly series: readonly TrendSeries[];
  readonly hasInterval: boolean;
  /** Target by period (aligned with `periods`), or null when there is no target. */
  readonly target: readonly (number | null)[] | null;
  readonly unit: ChartUnit;
  readonly decimals: number | undefined;
  readonly yLabel: string;
  readonly xLabel: string;
}

/** The key of the only series when `series` is null. */
export const SINGLE_SERIES = '';

export function trendModel<T extends object>(data: readonly T[], options: TrendDataOptions<T>, chart: string): TrendModel {
  const xKey = options.x ?? 'period';
  const yKey = options.y ?? 'value';
  const seriesKey = options.series === undefined ? 'area_code' : options.series;
  const flagKey = options.flag === undefined ? 'flag' : (options.flag ?? undefined);
  if ((options.lower === undefined) !== (options.upper === undefined)) {
    throw new Error(`${chart}: give both lower and upper for a confidence interval, or neither`);
  }
  const yLabel = options.yLabel ?? 'Value';

  const bySeries = new Map<string, Map<string, TrendPoint>>();
  const order: string[] = [];
  for (const row of data) {
    const period = readText(row, xKey, chart);
    const key = seriesKey === null ? SINGLE_SERIES : readText(row, seriesKey, chart);
    let points = bySeries.get(key);
    if (!points) {
      points = new Map();
      bySeries.set(key, points);
      order.push(key);
    }
    if (points.has(period)) throw new Error(`${chart}: two rows for series "${key}" in period "${period}"`);
    points.set(period, {
      period,
      value: readNumber(row, yKey, chart),
      lower: readOptionalNumber(row, options.lower, chart),
      upper: readOptionalNumber(row, options.upper, chart),
      flag: readFlag(row, flagKey, chart),
    });
  }

  const targetByPeriod = typeof options.target === 'object' ? new Map(options.target.map((t) => [t.period, t.value])) : null;
  const found = [...new Set([...[...bySeries.values()].flatMap((m) => [...m.keys()]), ...(targetByPeriod?.keys() ?? [])])];
  const periods = periodDomain(found, options.periods, chart);

  const listed = (options.seriesOrder ?? []).filter((key) => bySeries.has(key));
  const keys = [...listed, ...order.filter((key) => !listed.includes(key))];
  const series = keys.map((key): TrendSeries => {
    const points = bySeries.get(key) ?? new Map<string, TrendPoint>();
    return {
      key,
      label: options.seriesLabels?.[key] ?? (key === SINGLE_SERIES ? yLabel : key),
      points: periods.map((period) => points.get(period) ?? { period, value: null, lower: null, upper: null, flag: null }),
    };
  });

  let target: (number | null)[] | null = null;
  if (typeof options.target === 'number') target = periods.map(() => options.target as number);
  else if (targetByPeriod) target = periods.map((p) => targetByPeriod.get(p) ?? null);

  return {
    periods,
    series,
    hasInterval: options.lower !== undefined,
    target,
    unit: options.unit ?? 'value',
    decimals: options.decimals,
    yLabel,
    xLabel: options.xLabel ?? 'Period',
  };
}

/**
 * Periods in order. Quarter and financial-year labels are filled from first to last so a
 * quarter with no rows at all still shows as a gap; other labels are sorted as text.
 */
export function periodDomain(found: readonly string[], given: readonly string[] | undefined, chart: string): string[] {
  if (given) {
    const allowed = new Set(given);
    for (const period of found) {
      if (!allowed.has(period)) throw new Error(`${chart}: period "${period}" is not in options.periods`);
    }
    return [...given];
  }
  const sorted = [...new Set(found)].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return [];
  const quarters = sorted.map(parseQuarter);
  const q0 = quarters[0];
  const q1 = quarters[quarters.length - 1];
  if (q0 && q1 && quarters.every((q) => q !== null)) return quarterRange(q0, q1).map(quarterLabel);
  const years = sorted.map(parseFinancialYear);
  const y0 = years[0];
  const y1 = years[years.length - 1];
  if (y0 != null && y1 != null && years.every((y) => y !== null)) {
    return Array.from({ length: y1 - y0 + 1 }, (_, i) => financialYearLabel(y0 + i));
  }
  return sorted;
}

/**
 * Which period labels to print on an axis of the given width. Counts back from the latest
 * period so it is always labelled; quarterly steps round up to whole years so every label
 * names the same quarter.
 */
export function periodTicks(periods: readonly string[], axisWidth: number, fontSize: number): string[] {
  const n = periods.length;
  if (n === 0) return [];
  const widest = Math.max(...periods.map((p) => p.length));
  const slot = widest * fontSize * 0.6 + 16;
  const fits = Math.max(1, Math.floor(axisWidth / slot));
  let step = Math.ceil(n / fits);
  const quarterly = periods.every((p) => parseQuarter(p) !== null);
  if (quarterly && step > 2) step = Math.ceil(step / 4) * 4;
  const ticks: string[] = [];
  for (let i = n - 1; i >= 0; i -= step) ticks.unshift(periods[i] as string);
  return ticks;
}

/** Every defined value in a model, including limits and target, for sizing the y scale. */
export function trendExtent(model: TrendModel, extra: readonly TrendSeries[] = []): [number, number] | null {
  const values: number[] = [];
  for (const s of [...model.series, ...extra]) {
    for (const p of s.points) {
      for (const v of [p.value, p.lower, p.upper]) if (v !== null) values.push(v);
    }
  }
  for (const t of model.target ?? []) if (t !== null) values.push(t);
  if (values.length === 0) return null;
  return [Math.min(...values), Math.max(...values)];
}

/** The last point with a value: where a direct label goes. */
export function lastDefined(series: TrendSeries): TrendPoint | null {
  for (let i = series.points.length - 1; i >= 0; i--) {
    const point = series.points[i];
    if (point && point.value !== null) return point;
  }
  return null;
}
