/**
 * Change between two periods in words: "up 12 (+4.1%)", "down 3", "no change". Words carry the
 * direction so arrows and colours can stay decorative.
 */
import { formatNumber, formatPercent } from './number.ts';
import { formatInUnit, type FormatUnit } from './value.ts';

export type ChangeDirection = 'up' | 'down' | 'none';

export interface FormatChangeOptions {
  unit?: FormatUnit;
  decimals?: number;
  /**
   * Add the relative change in brackets, "(+4.1%)". Only for counts and money, where it means
   * something; never when the earlier value is 0.
   */
  relative?: boolean;
}

/** Direction of change after rounding to the shown precision, so "up 0" never appears. */
export function changeDirection(current: number, previous: number, decimals = 0): ChangeDirection {
  const factor = 10 ** decimals;
  const diff = Math.round((current - previous) * factor) / factor;
  if (diff > 0) return 'up';
  if (diff < 0) return 'down';
  return 'none';
}

/**
 * Describes the change from `previous` to `current`; null when either is missing (a suppressed
 * or unavailable figure has no change to report).
 */
export function formatChange(
  current: number | null | undefined,
  previous: number | null | undefined,
  options: FormatChangeOptions = {},
): string | null {
  if (current === null || current === undefined || !Number.isFinite(current)) return null;
  if (previous === null || previous === undefined || !Number.isFinite(previous)) return null;
  const unit = options.unit ?? 'count';
  const decimals = options.decimals ?? (unit === 'count' || unit === 'gbp' ? 0 : 1);
  const direction = changeDirection(current, previous, decimals);
  if (direction === 'none') return 'no change';

  const diff = Math.abs(current - previous);
  // A change in a percentage is in percentage points, not per cent: 40% to 42% is "up 2.0 percentage points".
  const amount =
    unit === 'percent'
      ? `${formatNumber(diff, decimals)} percentage ${diff === 1 && decimals === 0 ? 'point' : 'points'}`
      : formatInUnit(diff, unit, { decimals: unit === 'count' || unit === 'gbp' ? undefined : decimals });

  const relativeAllowed = (unit === 'count' || unit === 'gbp') && previous !== 0;
  const relative =
    (options.relative ?? true) && relativeAllowed
      ? ` (${direction === 'up' ? '+' : '-'}${formatPercent((diff / Math.abs(previous)) * 100, 1)})`
      : '';
  return `${direction} ${amount}${relative}`;
}
