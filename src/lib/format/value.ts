/**
 * One published value as a reader sees it: the number in its unit, or the GSS symbol that stands
 * in for it. A missing value is never shown as 0.
 */
import { GSS, type GssFlag } from '../outputs/tables.ts';
import type { Unit } from '../reference/schema.ts';
import { formatCount, formatMoney, formatNumber, formatPercent } from './number.ts';
import { SYMBOL_MEANINGS } from './symbols.ts';

/** Indicator units from the catalogue, plus pounds for claim amounts. */
export type FormatUnit = Unit | 'gbp';

export interface FormatValueOptions {
  /** Decimal places for percentages, rates and plain values; the catalogue's `decimals`. */
  decimals?: number;
}

/** Decimal places when the catalogue does not say: the project's publication defaults. */
export const DEFAULT_DECIMALS: Record<FormatUnit, number> = {
  percent: 1,
  rate_per_1000: 1,
  rate_per_10000: 1,
  rate_per_100000: 1,
  count: 0,
  value: 1,
  gbp: 0,
};

/** The number alone in its unit; rates are bare numbers because the unit is in the heading. */
export function formatInUnit(value: number, unit: FormatUnit, options: FormatValueOptions = {}): string {
  const decimals = options.decimals ?? DEFAULT_DECIMALS[unit];
  switch (unit) {
    case 'percent':
      return formatPercent(value, decimals);
    case 'count':
      return options.decimals === undefined ? formatCount(value) : formatNumber(value, decimals);
    case 'gbp':
      return formatMoney(value);
    default:
      return formatNumber(value, decimals);
  }
}

/**
 * "1,234", "87.0%", "[c]", or "12 [p]" when a symbol qualifies a value it does not replace.
 * A null or non-finite value without a flag is shown as "[x]" (not available).
 */
export function formatValue(
  value: number | null | undefined,
  flag: GssFlag | null | undefined,
  unit: FormatUnit,
  options: FormatValueOptions = {},
): string {
  if (flag && SYMBOL_MEANINGS[flag].replacesValue) return flag;
  if (value === null || value === undefined || !Number.isFinite(value)) {
    // A qualifier with nothing to qualify still must not read as a number.
    return flag ?? GSS.x;
  }
  const text = formatInUnit(value, unit, options);
  return flag ? `${text} ${flag}` : text;
}
