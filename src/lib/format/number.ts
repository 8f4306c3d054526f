/**
 * en-GB number formatting for counts, percentages and money. These take finite numbers only:
 * a missing value is a GSS symbol, not a number, and goes through `formatValue`.
 */

const LOCALE = 'en-GB';

// Intl.NumberFormat is costly to construct and pages format thousands of cells, so reuse them.
const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${minDecimals}:${maxDecimals}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
    });
    cache.set(key, format);
  }
  return format;
}

function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) {
    throw new RangeError(`${what} must be a finite number, got ${String(value)}: format missing values with formatValue`);
  }
}

// Rounding -0.04 to one decimal place gives "-0.0", which reads as a fall that did not happen.
function withoutNegativeZero(text: string): string {
  return /^-[0.,]+$/.test(text) ? text.slice(1) : text;
}

/** A number with a fixed count of decimal places and thousands separators: 1,234.5. */
export function formatNumber(value: number, decimals = 0): string {
  return formatNumberUpTo(value, decimals, decimals);
}

/** A number with between `minDecimals` and `maxDecimals` places, e.g. axis ticks without trailing zeros. */
export function formatNumberUpTo(value: number, minDecimals: number, maxDecimals: number): string {
  assertFinite(value, 'formatNumber: value');
  return withoutNegativeZero(numberFormat(minDecimals, maxDecimals).format(value));
}

/** A whole count with thousands separators: 1,234. Fractions are rounded. */
export function formatCount(value: number): string {
  assertFinite(value, 'formatCount: value');
  return formatNumber(value, 0);
}

/**
 * A percentage already on the 0-100 scale (as the pipeline writes it), to one decimal place by
 * default: 87.0%.
 */
export function formatPercent(value: number, decimals = 1): string {
  assertFinite(value, 'formatPercent: value');
  return `${formatNumber(value, decimals)}%`;
}

/**
 * Pounds: whole pounds below £1 million (£1,234), then millions to one decimal place (£1.2m),
 * the way council finance reports abbreviate them.
 */
export function formatMoney(value: number): string {
  assertFinite(value, 'formatMoney: value');
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  // Anything that would round to £1,000,000 reads better as £1.0m.
  if (Math.round(abs) >= 1_000_000) {
    return `${sign}£${numberFormat(1, 1).format(abs / 1_000_000)}m`;
  }
  const pounds = numberFormat(0, 0).format(abs);
  return pounds === '0' ? '£0' : `${sign}£${pounds}`;
}
