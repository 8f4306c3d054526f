import { describe, expect, it } from 'vitest';
import { recentTrend } from './recent-trend.ts';

const counts = (pairs: [number, number][]) => pairs.map(([n, d]) => ({ value: (n / d) * 100, numerator: n, denominator: d }));

describe('recentTrend', () => {
  it('needs five points', () => {
    const four = counts([[1, 10], [2, 10], [3, 10], [4, 10]]);
    expect(recentTrend(four, 'high_is_good', { unit: 'percent' })).toEqual({
      trend: 'not_enough_data',
      assessment: null,
      method: null,
      pValue: null,
    });
  });

  it('tests only the latest five, as proportions for percentages', () => {
    // An old outlier is ignored; the last five rise from 10% to 50% of 100.
    const points = counts([[99, 100], [10, 100], [20, 100], [30, 100], [40, 100], [50, 100]]);
    const r = recentTrend(points, 'high_is_good', { unit: 'percent' });
    expect(r).toMatchObject({ trend: 'increasing', assessment: 'getting_better', method: 'proportions' });
    expect(r.pValue).toBeLessThan(0.05);
    expect(recentTrend(points, 'low_is_good', { unit: 'percent' }).assessment).toBe('getting_worse');
    expect(recentTrend(points, 'no_judgement', { unit: 'percent' })).toMatchObject({ trend: 'increasing', assessment: null });
  });

  it('reports no significant change when p >= 0.05', () => {
    // Agresti's alcohol data with equal spacing: p = 0.18.
    const points = counts([[48, 17114], [38, 14502], [5, 793], [1, 127], [1, 38]]);
    const r = recentTrend(points, 'low_is_good', { unit: 'percent' });
    expect(r.trend).toBe('no_significant_change');
    expect(r.pValue).toBeCloseTo(0.176, 3);
  });

  it('tests rates with their denominators', () => {
    const points = [50, 40, 30, 20, 10].map((n) => ({ value: n, numerator: n, denominator: 1000 }));
    const r = recentTrend(points, 'low_is_good', { unit: 'rate_per_1000' });
    expect(r).toMatchObject({ trend: 'decreasing', assessment: 'getting_better', method: 'rates' });
    expect(r.pValue).toBeCloseTo(7.764e-9, 11);
  });

  it('tests counts with unit exposure and values by least squares', () => {
    const countPoints = [10, 20, 30, 40, 50].map((v) => ({ value: v }));
    expect(recentTrend(countPoints, 'high_is_good', { unit: 'count' })).toMatchObject({ trend: 'increasing', method: 'rates' });
    const values = [10.2, 9.1, 9.8, 8.7, 8.9].map((v) => ({ value: v }));
    expect(recentTrend(values, 'high_is_good', { unit: 'value' })).toMatchObject({
      trend: 'no_significant_change',
      method: 'values',
    });
  });

  it('falls back to values when counts are missing, and gives up when a latest value is missing', () => {
    const values = [1, 2, 3, 4, 6].map((v) => ({ value: v }));
    expect(recentTrend(values, 'high_is_good', { unit: 'percent' })).toMatchObject({ trend: 'increasing', method: 'values' });
    const gap = [1, 2, null, 4, 6].map((v) => ({ value: v }));
    expect(recentTrend(gap, 'high_is_good').trend).toBe('not_enough_data');
  });

  it('infers the method when no unit is given', () => {
    expect(recentTrend(counts([[1, 10], [2, 10], [3, 10], [4, 10], [5, 10]]), 'high_is_good').method).toBe('proportions');
    const above = [5, 10, 15, 20, 25].map((n) => ({ value: n, numerator: n, denominator: 2 }));
    expect(recentTrend(above, 'high_is_good').method).toBe('rates');
  });
});
