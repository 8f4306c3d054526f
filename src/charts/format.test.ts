import { describe, expect, it } from 'vitest';
import { formatTick, formatValue, unitPhrase } from './format.ts';

describe('formatValue', () => {
  it('formats each unit with the publication defaults', () => {
    expect(formatValue(45.23, 'percent')).toBe('45.2%');
    expect(formatValue(45, 'percent')).toBe('45.0%');
    expect(formatValue(1234.56, 'rate_per_10000')).toBe('1,234.6');
    expect(formatValue(12345, 'count')).toBe('12,345');
    expect(formatValue(3200, 'money')).toBe('£3,200');
    expect(formatValue(-1600, 'money')).toBe('-£1,600');
    expect(formatValue(2.5, 'value')).toBe('2.5');
  });

  it('honours decimals and never writes "-0"', () => {
    expect(formatValue(45.236, 'percent', 2)).toBe('45.24%');
    expect(formatValue(-0.01, 'count')).toBe('0');
    expect(formatValue(-0, 'percent')).toBe('0.0%');
  });
});

describe('formatTick', () => {
  it('drops trailing zeros', () => {
    expect(formatTick(20, 'percent')).toBe('20%');
    expect(formatTick(22.5, 'percent')).toBe('22.5%');
    expect(formatTick(150000, 'money')).toBe('£150,000');
  });
});

describe('unitPhrase', () => {
  it('names rates by their base', () => {
    expect(unitPhrase('rate_per_10000')).toBe('per 10,000');
    expect(unitPhrase('percent')).toBe('per cent');
  });
});
