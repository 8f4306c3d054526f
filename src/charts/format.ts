/**
 * Number formats for chart labels and axes. Units follow the indicator catalogue
 * (`src/lib/reference/schema.ts`) plus `money` for claims in pounds. Percentages arrive as
 * 0-100 (the pipeline publishes 45.2, not 0.452), rounded to one decimal place by default.
 */
import { formatNumber, formatNumberUpTo } from '../lib/format/number.ts';
import { DEFAULT_DECIMALS } from '../lib/format/value.ts';
import type { Unit } from '../lib/reference/schema.ts';

export type ChartUnit = Unit | 'money';

function defaultDecimals(unit: ChartUnit): number {
  return DEFAULT_DECIMALS[unit === 'money' ? 'gbp' : unit];
}

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
  return withUnit(formatNumber(value, decimals ?? defaultDecimals(unit)), unit);
}

/** A value as an axis tick: no trailing zeros ("20%", not "20.0%"). */
export function formatTick(value: number, unit: ChartUnit, decimals?: number): string {
  return withUnit(formatNumberUpTo(value, 0, decimals ?? defaultDecimals(unit)), unit);
}

function withUnit(text: string, unit: ChartUnit): string {
  if (unit === 'percent') return `${text}%`;
  if (unit === 'money') return text.startsWith('-') ? `-£${text.slice(1)}` : `£${text}`;
  return text;
}
