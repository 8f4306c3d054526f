import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney, formatNumber, formatPercent } from './number.ts';

describe('formatCount', () => {
  it('uses en-GB thousands separators', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(-42)).toBe('-42');
  });

  it('rounds fractions to whole numbers', () => {
    expect(formatCount(12.6)).toBe('13');
  });

  it('refuses NaN and infinities rather than printing them', () => {
    expect(() => formatCount(Number.NaN)).toThrow('formatCount: value must be a finite number, got NaN');
    expect(() => formatCount(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('formatNumber', () => {
  it('keeps the requested decimal places', () => {
    expect(formatNumber(12, 1)).toBe('12.0');
    expect(formatNumber(1234.56, 1)).toBe('1,234.6');
  });

  it('never shows a negative zero', () => {
    expect(formatNumber(-0.04, 1)).toBe('0.0');
    expect(formatNumber(-0.4, 0)).toBe('0');
  });
});

describe('formatPercent', () => {
  it('shows one decimal place by default', () => {
    expect(formatPercent(87)).toBe('87.0%');
    expect(formatPercent(4.0956)).toBe('4.1%');
    expect(formatPercent(33.333, 0)).toBe('33%');
  });
});

describe('formatMoney', () => {
  it('shows whole pounds below a million', () => {
    expect(formatMoney(1234)).toBe('£1,234');
    expect(formatMoney(4000)).toBe('£4,000');
    expect(formatMoney(0)).toBe('£0');
    expect(formatMoney(999_999.4)).toBe('£999,999');
  });

  it('shows millions to one decimal place', () => {
    expect(formatMoney(1_234_567)).toBe('£1.2m');
    expect(formatMoney(1_052_000)).toBe('£1.1m');
    expect(formatMoney(999_999.6)).toBe('£1.0m');
  });

  it('puts the sign before the pound sign', () => {
    expect(formatMoney(-1234)).toBe('-£1,234');
    expect(formatMoney(-2_500_000)).toBe('-£2.5m');
    expect(formatMoney(-0.2)).toBe('£0');
  });
});
