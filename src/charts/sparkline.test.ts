import { describe, expect, it } from 'vitest';
import { trendRows } from './__fixtures__/trend.ts';
import { renderToString } from './render.ts';
import { sparkline } from './sparkline.ts';
import { document, segments, texts } from './testing/fixtures.ts';
import { expectSvgSnapshot } from './testing/svg-snapshot.ts';

const north = trendRows.filter((r) => r.area_code === 'LOC_N');
const options = { document, id: 'north-spark', title: 'School attendance in North locality, last 8 quarters', unit: 'percent' as const, yLabel: 'Attendance' };

describe('sparkline', () => {
  it('matches the snapshot', () => {
    expectSvgSnapshot('sparkline', renderToString(sparkline(north, options)));
  });

  it('has no axes or text, and marks the latest point', () => {
    const svg = sparkline(north, options);
    expect(texts(svg)).toEqual([]);
    const marks = svg.querySelectorAll('.series-points circle, .series-points path');
    expect(marks.length).toBe(1);
    expect(Number(svg.getAttribute('width'))).toBe(120);
  });

  it('is named by its title and leaves a gap for the suppressed quarter', () => {
    const svg = sparkline(north, options);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')?.textContent).toBe(options.title);
    expect(svg.querySelector('desc')?.textContent).toBe(
      'Sparkline of Attendance by quarter, 2013-14 Q1 to 2014-15 Q4. Attendance: 87.0% in 2014-15 Q4, from 80.2% in 2013-14 Q1. ' +
        'Gaps in a line mark periods with no published value (suppressed or not available).',
    );
    expect(segments(svg.querySelector('.series-line path')?.getAttribute('d') ?? '')).toBe(2);
  });

  it('rejects rows from more than one series', () => {
    expect(() => sparkline(trendRows, options)).toThrow('sparkline: two rows for series "" in period "2013-14 Q1"');
  });
});
