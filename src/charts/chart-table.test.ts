import { describe, expect, it } from 'vitest';
import { barRows } from './__fixtures__/bars.ts';
import { AREA_NAMES, moreLocalityRows, trendRows } from './__fixtures__/trend.ts';
import { barCompare } from './bar-compare.ts';
import { chartTable } from './chart-table.ts';
import { document } from './testing/fixtures.ts';

describe('chartTable for trends', () => {
  const options = {
    document,
    title: 'Attendance',
    seriesLabels: AREA_NAMES,
    unit: 'percent',
    yLabel: 'Attendance (%)',
    xLabel: 'Quarter',
    target: 90,
  } as const;

  it('has one row per period and one column per series, in drawing order', () => {
    const table = chartTable(trendRows, { chart: 'lineTrend', ...options });
    expect(table.columns.map((c) => c.label)).toEqual(['Quarter', 'Hertfordshire', 'North locality', 'South locality', 'Target']);
    expect(table.columns.map((c) => c.numeric)).toEqual([false, true, true, true, true]);
    expect(table.columns[1]).toMatchObject({ unit: 'percent' });
    expect(table.rows.map((r) => r.period)).toEqual(['2013-14 Q1', '2013-14 Q2', '2013-14 Q3', '2013-14 Q4', '2014-15 Q1', '2014-15 Q2', '2014-15 Q3', '2014-15 Q4']);
  });

  it('shows a gap as its flag, or [x] when the period has no row', () => {
    const table = chartTable(trendRows, { chart: 'lineTrend', ...options });
    expect(table.rows[2]).toEqual({ period: '2013-14 Q3', s0: 86.0, s1: '[c]', s2: 86.5, target: 90 });
    expect(table.rows[3]).toEqual({ period: '2013-14 Q4', s0: 86.4, s1: 83.0, s2: '[x]', target: 90 });
  });

  it('adds confidence limits when the chart draws them, and [z] for years without a target', () => {
    const table = chartTable(trendRows, {
      chart: 'lineTrend',
      ...options,
      lower: 'ci_lower',
      upper: 'ci_upper',
      target: [{ period: '2014-15 Q1', value: 88 }],
    });
    expect(table.columns.map((c) => c.key)).toEqual(['period', 's0', 's0_lower', 's0_upper', 's1', 's1_lower', 's1_upper', 's2', 's2_lower', 's2_upper', 'target']);
    expect(table.columns[2]?.label).toBe('Hertfordshire: lower 95% limit');
    expect(table.rows[2]).toMatchObject({ s1: '[c]', s1_lower: '[c]', s1_upper: '[c]', target: '[z]' });
    expect(table.rows[4]).toMatchObject({ s0: 87.2, s0_lower: 86.4, s0_upper: 88.0, target: 88 });
  });

  it('puts the small multiples reference after the panels', () => {
    const table = chartTable([...trendRows, ...moreLocalityRows], { chart: 'smallMultiples', ...options, target: undefined, reference: 'E10000015' });
    expect(table.columns.map((c) => c.label)).toEqual(['Quarter', 'North locality', 'South locality', 'East locality', 'West locality', 'Hertfordshire']);
  });

  it('gives a sparkline one value column named by the y label', () => {
    const table = chartTable(
      trendRows.filter((r) => r.area_code === 'LOC_N'),
      { chart: 'sparkline', document, title: 'North', yLabel: 'Attendance (%)', unit: 'percent' },
    );
    expect(table.columns.map((c) => c.label)).toEqual(['Period', 'Attendance (%)']);
    expect(table.rows.map((r) => r.s0)).toEqual([80.2, 81.5, '[c]', 83.0, 84.4, 85.0, 86.2, 87.0]);
  });
});

describe('chartTable for bars', () => {
  const options = {
    document,
    title: 'Referrals',
    areaLabels: AREA_NAMES,
    unit: 'rate_per_10000',
    valueLabel: 'Rate per 10,000',
    lower: 'ci_lower',
    upper: 'ci_upper',
    comparison: 'comparison',
    benchmark: { value: 380, label: 'England' },
    target: 350,
  } as const;

  it('lists areas in the order the bars are drawn, then the reference lines', () => {
    const table = chartTable(barRows, { chart: 'barCompare', ...options });
    expect(table.columns.map((c) => c.label)).toEqual(['Area', 'Rate per 10,000', 'Lower 95% limit', 'Upper 95% limit', 'Compared with England']);
    expect(table.rows).toEqual([
      { area: 'North locality', value: 455.0, lower: 421.7, upper: 490.1, comparison: 'Worse' },
      { area: 'Hertfordshire', value: 412.5, lower: 398.1, upper: 427.3, comparison: 'Worse' },
      { area: 'West locality', value: 388.4, lower: 360.2, upper: 418.0, comparison: 'Similar' },
      { area: 'South locality', value: 301.2, lower: 276.0, upper: 328.1, comparison: 'Better' },
      { area: 'East locality', value: '[c]', lower: '[c]', upper: '[c]', comparison: '[z]' },
      { area: 'England', value: 380, lower: '[z]', upper: '[z]', comparison: '[z]' },
      { area: 'Target', value: 350, lower: '[z]', upper: '[z]', comparison: '[z]' },
    ]);
  });

  it('matches what the chart draws', () => {
    const svg = barCompare(barRows, options);
    const drawn = Array.from(svg.querySelectorAll('.value-label text, .missing-label text')).map((t) => t.textContent);
    const table = chartTable(barRows, { chart: 'barCompare', ...options });
    expect(drawn).toEqual(['455.0', '412.5', '388.4', '301.2', '[c]']);
    expect(table.rows.slice(0, 5).map((r) => (typeof r.value === 'number' ? r.value.toFixed(1) : r.value))).toEqual(drawn);
  });
});
