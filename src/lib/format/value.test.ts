import { describe, expect, it } from 'vitest';
import { formatInUnit, formatValue } from './value.ts';

describe('formatValue', () => {
  it('formats published values in their unit', () => {
    expect(formatValue(1234, null, 'count')).toBe('1,234');
    expect(formatValue(87, null, 'percent')).toBe('87.0%');
    expect(formatValue(23.456, null, 'rate_per_10000')).toBe('23.5');
    expect(formatValue(23.456, null, 'rate_per_10000', { decimals: 2 })).toBe('23.46');
    expect(formatValue(1_052_000, null, 'gbp')).toBe('£1.1m');
  });

  it('shows a true zero as 0', () => {
    expect(formatValue(0, null, 'count')).toBe('0');
    expect(formatValue(0, null, 'percent')).toBe('0.0%');
  });

  it('shows the symbol in place of a suppressed or missing value', () => {
    expect(formatValue(null, '[c]', 'count')).toBe('[c]');
    expect(formatValue(null, '[z]', 'percent')).toBe('[z]');
    expect(formatValue(null, '[low]', 'rate_per_1000')).toBe('[low]');
    // A value that slipped through beside a suppression flag must still not be shown.
    expect(formatValue(3, '[c]', 'count')).toBe('[c]');
  });

  it('never shows 0 for a missing value', () => {
    expect(formatValue(null, null, 'count')).toBe('[x]');
    expect(formatValue(undefined, undefined, 'count')).toBe('[x]');
    expect(formatValue(Number.NaN, null, 'percent')).toBe('[x]');
  });

  it('puts qualifying symbols after the value', () => {
    expect(formatValue(1234, '[p]', 'count')).toBe('1,234 [p]');
    expect(formatValue(12.34, '[r]', 'percent')).toBe('12.3% [r]');
    expect(formatValue(null, '[p]', 'count')).toBe('[p]');
  });
});

describe('formatInUnit', () => {
  it('lets a count carry decimals when asked', () => {
    expect(formatInUnit(12.25, 'count')).toBe('12');
    expect(formatInUnit(12.25, 'count', { decimals: 1 })).toBe('12.3');
  });
});
