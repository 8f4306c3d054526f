import { describe, expect, it } from 'vitest';
import { indicatorValue } from './indicator-value.ts';

describe('indicatorValue', () => {
  it('forms the value by unit', () => {
    expect(indicatorValue('percent', 5, 20)).toBe(25);
    expect(indicatorValue('rate_per_1000', 3, 1500)).toBeCloseTo(2, 12);
    expect(indicatorValue('rate_per_10000', 3, 1500)).toBeCloseTo(20, 12);
    expect(indicatorValue('rate_per_100000', 3, 1500)).toBeCloseTo(200, 12);
    expect(indicatorValue('count', 7, null)).toBe(7);
  });

  it('is null when it cannot be formed', () => {
    expect(indicatorValue('value', 5, 20)).toBeNull();
    expect(indicatorValue('percent', null, 20)).toBeNull();
    expect(indicatorValue('percent', 5, null)).toBeNull();
    expect(indicatorValue('percent', 0, 0)).toBeNull();
    expect(indicatorValue('rate_per_1000', Number.NaN, 10)).toBeNull();
  });
});
