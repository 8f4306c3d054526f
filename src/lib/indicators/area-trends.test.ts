import { describe, expect, it } from 'vitest';
import { areaTrend } from './area-trends.ts';
import type { IndicatorRow } from './indicator-row.ts';

function year(start: number, numerator: number | null, flag: IndicatorRow['flag'] = null): IndicatorRow {
  const label = `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
  return {
    indicator_code: 'x',
    area_code: 'LA',
    area_type: 'authority',
    period: label,
    period_start: `${start}-04-01`,
    numerator,
    denominator: numerator === null ? null : 1000,
    value: numerator === null ? null : numerator / 10,
    ci_lower: null,
    ci_upper: null,
    target: null,
    target_status: 'no_target',
    flag,
  };
}

const rising = [year(2015, 100), year(2016, 150), year(2017, 200), year(2018, 250), year(2019, 300)];

describe('areaTrend', () => {
  it('tests the latest five points and words them by polarity', () => {
    const result = areaTrend(rising, 'LA', { polarity: 'low_is_good', unit: 'percent' });
    expect(result.trend).toMatchObject({ trend: 'increasing', assessment: 'getting_worse', method: 'proportions' });
    expect(result.periods).toEqual(['2015-16', '2016-17', '2017-18', '2018-19', '2019-20']);
  });

  it('skips trailing periods not yet published', () => {
    const lagged = [...rising, year(2020, null, '[x]'), year(2021, null, '[x]')];
    expect(areaTrend(lagged, 'LA', { polarity: 'high_is_good', unit: 'percent' }).trend.trend).toBe('increasing');
  });

  it('has not enough data when a suppressed point is among the latest five', () => {
    const suppressed = [...rising.slice(0, 4), year(2019, null, '[c]')];
    expect(areaTrend(suppressed, 'LA', { polarity: 'high_is_good', unit: 'percent' }).trend.trend).toBe('not_enough_data');
  });
});
