import { describe, expect, it } from 'vitest';
import { AREA_NAMES, trendRows } from './__fixtures__/trend.ts';
import { NO_DATA_MESSAGE } from './empty-chart.ts';
import { lineTrend, type LineTrendOptions } from './line-trend.ts';
import { renderToString } from './render.ts';
import type { IndicatorRow } from '../lib/outputs/tables.ts';
import { document, segments, seriesPaths, texts } from './testing/fixtures.ts';
import { expectSvgSnapshot } from './testing/svg-snapshot.ts';

const options: LineTrendOptions<IndicatorRow> = {
  document,
  id: 'attendance-trend',
  title: 'Attendance rose in every locality',
  seriesLabels: AREA_NAMES,
  seriesOrder: ['E10000015', 'LOC_N', 'LOC_S'],
  unit: 'percent',
  yLabel: 'School attendance (%)',
  lower: 'ci_lower',
  upper: 'ci_upper',
  target: 90,
  zero: false,
};

describe('lineTrend', () => {
  it('matches the snapshot: three series, confidence bands, target, gaps', () => {
    expectSvgSnapshot('line-trend', renderToString(lineTrend(trendRows, options)));
  });

  it('matches the snapshot: one highlighted series, others grey, values in labels', () => {
    const svg = lineTrend(trendRows, { ...options, id: 'attendance-north', highlight: 'LOC_N', lower: undefined, upper: undefined, labelValues: true });
    expectSvgSnapshot('line-trend-highlight', renderToString(svg));
  });

  it('matches the snapshot: a count from zero, one series, many quarters', () => {
    const rows = Array.from({ length: 24 }, (_, i) => ({
      quarter: `${2012 + Math.floor(i / 4)}-${String((13 + Math.floor(i / 4)) % 100).padStart(2, '0')} Q${(i % 4) + 1}`,
      value: i === 10 ? null : 40 + ((i * 37) % 23),
    }));
    const svg = lineTrend(rows, { document, id: 'attached', title: 'Families attached each quarter', x: 'quarter', series: null, unit: 'count', yLabel: 'Families attached' });
    expectSvgSnapshot('line-trend-count', renderToString(svg));
  });

  it('leaves a gap for a suppressed value and for a quarter with no row', () => {
    const svg = lineTrend(trendRows, options);
    // North: 2013-14 Q3 is [c]; South: no row for 2013-14 Q4. Each line restarts after the gap.
    for (const series of ['North locality', 'South locality']) {
      const [d = ''] = seriesPaths(svg, 'series-line', series);
      expect(segments(d), series).toBe(2);
    }
    const [authority = ''] = seriesPaths(svg, 'series-line', 'Hertfordshire');
    expect(segments(authority)).toBe(1);
    // Bands break too.
    const [band = ''] = seriesPaths(svg, 'series-interval', 'North locality 95% confidence interval');
    expect(segments(band)).toBe(2);
  });

  it('marks a point left alone between two gaps, so it is not invisible', () => {
    const rows = [
      { period: '2013-14 Q1', value: 5 },
      { period: '2013-14 Q2', value: null },
      { period: '2013-14 Q3', value: 7 },
      { period: '2013-14 Q4', value: null },
      { period: '2014-15 Q1', value: 6 },
    ];
    const svg = lineTrend(rows, { document, title: 'Isolated', series: null, markers: false });
    // The isolated 2013-14 Q3 point and the last point get markers; 2013-14 Q1 is isolated too.
    expect(svg.querySelectorAll('.series-points path, .series-points circle').length).toBe(3);
  });

  it('draws the target as a dashed line labelled "Target"', () => {
    const svg = lineTrend(trendRows, options);
    const target = svg.querySelector('.target');
    expect(target?.getAttribute('stroke-dasharray')).toBe('6 4');
    expect(texts(svg)).toContain('Target');
    expect(lineTrend(trendRows, { ...options, targetLabel: 'Target 2014-15' }).outerHTML).toContain('Target 2014-15');
  });

  it('draws a target that changes by period as a dashed line', () => {
    const svg = lineTrend(trendRows, { ...options, target: [{ period: '2013-14 Q1', value: 85 }, { period: '2014-15 Q1', value: 90 }] });
    expect(svg.querySelector('.target path')?.getAttribute('d')).toMatch(/^M/);
    expect(texts(svg)).toContain('Target');
  });

  it('labels every series in text, not by colour alone', () => {
    const svg = lineTrend(trendRows, options);
    const labels = Array.from(svg.querySelectorAll('.direct-label text')).map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['Hertfordshire', 'North locality', 'South locality']));
    // Series also differ by dash.
    const dashes = ['Hertfordshire', 'North locality', 'South locality'].map((s) =>
      Array.from(svg.querySelectorAll('.series-line')).find((g) => g.getAttribute('data-series') === s)?.getAttribute('stroke-dasharray') ?? 'solid',
    );
    expect(new Set(dashes).size).toBe(3);
  });

  it('is an image with a title and a description', () => {
    const svg = lineTrend(trendRows, options);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-labelledby')).toBe('attendance-trend-title');
    expect(svg.getAttribute('aria-describedby')).toBe('attendance-trend-desc');
    expect(svg.firstElementChild?.tagName.toLowerCase()).toBe('title');
    expect(svg.querySelector('#attendance-trend-title')?.textContent).toBe('Attendance rose in every locality');
    expect(svg.querySelector('#attendance-trend-desc')?.textContent).toBe(
      'Line chart of School attendance (%) by quarter, 2013-14 Q1 to 2014-15 Q4. ' +
        'Hertfordshire: 89.1% in 2014-15 Q4, from 84.1% in 2013-14 Q1. ' +
        'North locality: 87.0% in 2014-15 Q4, from 80.2% in 2013-14 Q1. ' +
        'South locality: 91.0% in 2014-15 Q4, from 88.0% in 2013-14 Q1. ' +
        'Target: 90.0%. Gaps in a line mark periods with no published value (suppressed or not available).',
    );
    expect(lineTrend(trendRows, { ...options, description: 'Given.' }).querySelector('desc')?.textContent).toBe('Given.');
  });

  it('inherits the page font, at 12px or more, without animation', () => {
    const svg = lineTrend(trendRows, options);
    expect(svg.getAttribute('font-family')).toBe('inherit');
    const sizes = Array.from(svg.querySelectorAll('[font-size]')).map((e) => Number(e.getAttribute('font-size')));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    expect(svg.outerHTML).not.toMatch(/<animate|transition|@keyframes/);
  });

  it('thins period labels but always labels the latest period', () => {
    const rows = Array.from({ length: 24 }, (_, i) => ({
      period: `${2012 + Math.floor(i / 4)}-${String((13 + Math.floor(i / 4)) % 100).padStart(2, '0')} Q${(i % 4) + 1}`,
      value: i,
    }));
    const svg = lineTrend(rows, { document, title: 'Many quarters', series: null, width: 480 });
    const ticks = texts(svg).filter((t) => / Q\d$/.test(t));
    expect(ticks.length).toBeLessThan(24);
    expect(ticks[ticks.length - 1]).toBe('2017-18 Q4');
    expect(new Set(ticks.map((t) => t.slice(-2)))).toEqual(new Set(['Q4']));
  });

  it('says so in words when there is nothing to draw', () => {
    const svg = lineTrend([{ period: '2013-14 Q1', value: null, area_code: 'X' }], { document, title: 'Nothing' });
    expect(texts(svg)).toEqual([NO_DATA_MESSAGE]);
    expect(svg.getAttribute('role')).toBe('img');
    expect(lineTrend([], { document, title: 'Nothing' }).querySelector('desc')?.textContent).toBe(NO_DATA_MESSAGE);
  });

  it('rejects bad rows with a message naming the field', () => {
    expect(() => lineTrend([{ period: '2013-14 Q1', value: '12' }], { document, title: 'Bad', series: null })).toThrow(
      'lineTrend: field "value" must be a number or null, got "12"',
    );
    expect(() => lineTrend([{ value: 1 }], { document, title: 'Bad', series: null })).toThrow('lineTrend: row has no field "period"');
    expect(() =>
      lineTrend(
        [
          { period: '2013-14 Q1', value: 1 },
          { period: '2013-14 Q1', value: 2 },
        ],
        { document, title: 'Bad', series: null },
      ),
    ).toThrow('lineTrend: two rows for series "" in period "2013-14 Q1"');
  });

  it('uses the global document when none is passed, as in the browser', () => {
    const global = globalThis as { document?: Document };
    expect(global.document).toBeUndefined();
    expect(() => lineTrend(trendRows, { ...options, document: undefined })).toThrow(
      'lineTrend: no document; pass options.document (serverDocument() from src/charts/render.ts at build time)',
    );
    global.document = document;
    try {
      expect(lineTrend(trendRows, { ...options, document: undefined }).getAttribute('role')).toBe('img');
    } finally {
      delete global.document;
    }
  });

  it('renders the same string every time', () => {
    const first = renderToString(lineTrend(trendRows, options));
    lineTrend(trendRows, { ...options, id: 'other' });
    expect(renderToString(lineTrend(trendRows, options))).toBe(first);
  });
});
