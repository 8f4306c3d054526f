import { describe, expect, it } from 'vitest';
import { periodDomain, periodTicks, trendModel } from './trend-data.ts';

describe('periodDomain', () => {
  it('fills missing quarters between the first and the last', () => {
    expect(periodDomain(['2013-14 Q4', '2013-14 Q2', '2014-15 Q1'], undefined, 't')).toEqual(['2013-14 Q2', '2013-14 Q3', '2013-14 Q4', '2014-15 Q1']);
  });

  it('fills missing financial years', () => {
    expect(periodDomain(['2015-16', '2013-14'], undefined, 't')).toEqual(['2013-14', '2014-15', '2015-16']);
  });

  it('sorts other labels as text', () => {
    expect(periodDomain(['b', 'a', 'b'], undefined, 't')).toEqual(['a', 'b']);
    expect(periodDomain([], undefined, 't')).toEqual([]);
  });

  it('uses the given periods, and refuses data outside them', () => {
    expect(periodDomain(['2013-14 Q2'], ['2013-14 Q1', '2013-14 Q2'], 't')).toEqual(['2013-14 Q1', '2013-14 Q2']);
    expect(() => periodDomain(['2013-14 Q3'], ['2013-14 Q1'], 'lineTrend')).toThrow('lineTrend: period "2013-14 Q3" is not in options.periods');
  });
});

describe('periodTicks', () => {
  const quarters = periodDomain(['2010-11 Q1', '2017-18 Q4'], undefined, 't');

  it('keeps every label when they fit', () => {
    expect(periodTicks(quarters.slice(0, 4), 600, 12)).toEqual(quarters.slice(0, 4));
  });

  it('thins in whole years, counting back from the latest quarter', () => {
    const ticks = periodTicks(quarters, 500, 12);
    expect(ticks[ticks.length - 1]).toBe('2017-18 Q4');
    expect(ticks.every((t) => t.endsWith('Q4'))).toBe(true);
    expect(ticks.length).toBeLessThanOrEqual(Math.floor(500 / (10 * 12 * 0.6 + 16)));
  });
});

describe('trendModel', () => {
  it('gives every series a point in every period, null where there is no row', () => {
    const model = trendModel(
      [
        { period: '2013-14 Q1', area_code: 'A', value: 1 },
        { period: '2013-14 Q3', area_code: 'A', value: 3n },
        { period: '2013-14 Q2', area_code: 'B', value: null, flag: '[c]' },
      ],
      { seriesLabels: { A: 'Area A' } },
      't',
    );
    expect(model.periods).toEqual(['2013-14 Q1', '2013-14 Q2', '2013-14 Q3']);
    expect(model.series.map((s) => [s.key, s.label, s.points.map((p) => p.value)])).toEqual([
      ['A', 'Area A', [1, null, 3]],
      ['B', 'B', [null, null, null]],
    ]);
    expect(model.series[1]?.points[1]?.flag).toBe('[c]');
  });

  it('orders series by seriesOrder first, then by appearance', () => {
    const rows = ['C', 'A', 'B'].map((area_code) => ({ period: '2013-14', area_code, value: 1 }));
    expect(trendModel(rows, { seriesOrder: ['B', 'Z'] }, 't').series.map((s) => s.key)).toEqual(['B', 'C', 'A']);
  });

  it('treats NaN as a gap', () => {
    expect(trendModel([{ period: '2013-14', value: Number.NaN }], { series: null }, 't').series[0]?.points[0]?.value).toBeNull();
  });

  it('needs both confidence limits or neither', () => {
    expect(() => trendModel([], { lower: 'value' as never }, 'lineTrend')).toThrow('lineTrend: give both lower and upper for a confidence interval, or neither');
  });
});
