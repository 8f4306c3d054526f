/**
 * Number formats for chart labels and axes. Units follow the indicator catalogue
 * (`src/lib/reference/schema.ts`) plus `money` for claims in pounds. Percentages arrive as
 * 0-100 (the pipeline publishes 45.2, not 0.452), rounded to one decimal place by default.
 */
import type { Unit } from '../lib/reference/schema.ts';

export type ChartUnit = Unit | 'money';

/** Decimal places when the caller does not say: the project's publication defaults. */
const DEFAULT_DECIMALS: Record<ChartUnit, number> = {
  percent: 1,
  rate_per_1000: 1,
  rate_per_10000: 1,
  rate_per_100000: 1,
  count: 0,
  value: 1,
  money: 0,
};

/** Words for a unit, for axis labels and descriptions ("per 10,000"). */
export function unitPhrase(unit: ChartUnit): string {
  switch (unit) {
    case 'percent':
      return 'per cent';
    case 'rate_per_1000':
      return 'per 1,000';
    case 'rate_per_10000':
      return 'per 10,000';
    case 'rate_per_100000':
      return 'per 100,000';
    case 'money':
      return 'pounds';
    case 'count':
      return 'number';
    case 'value':
      return '';
  }
}

/** A value as a label: fixed decimals so neighbouring labels line up ("45.0%", "£1,200"). */
export function formatValue(value: number, unit: ChartUnit, decimals?: number): string {
  const digits = decimals ?? DEFAULT_DECIMALS[unit];
  return withUnit(numberFormat(digits, digits).format(value), unit);
}

/** A value as an axis tick: no trailing zeros ("20%", not "20.0%"). */
export function formatTick(value: number, unit: ChartUnit, decimals?: number): string {
  const digits = decimals ?? DEFAULT_DECIMALS[unit];
  return withUnit(numberFormat(0, digits).format(value), unit);
}

function withUnit(formatted: string, unit: ChartUnit): string {
  // Intl writes -0 and small negatives that round to zero as "-0"; a chart should never.
  const text = /^-[0.]+$/.test(formatted) ? formatted.slice(1) : formatted;
  if (unit === 'percent') return `${text}%`;
  if (unit === 'money') return text.startsWith('-') ? `-£${text.slice(1)}` : `£${text}`;
  return text;
}

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${minimumFractionDigits}:${maximumFractionDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { minimumFractionDigits, maximumFractionDigits });
    formats.set(key, format);
  }
  return format;
}
