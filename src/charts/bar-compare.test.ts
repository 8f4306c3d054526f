import { describe, expect, it } from 'vitest';
import { barRows } from './__fixtures__/bars.ts';
import { AREA_NAMES } from './__fixtures__/trend.ts';
import { barCompare, type BarCompareOptions } from './bar-compare.ts';
import { renderToString } from './render.ts';
import { document, texts } from './testing/fixtures.ts';
import { expectSvgSnapshot } from './testing/svg-snapshot.ts';

type Row = (typeof barRows)[number];

const options: BarCompareOptions<Row> = {
  document,
  id: 'referrals-by-area',
  title: 'North has the highest rate of referrals',
  areaLabels: { ...AREA_NAMES, E10000015: 'Hertfordshire (authority)' },
  unit: 'rate_per_10000',
  valueLabel: 'Referrals per 10,000 children',
  lower: 'ci_lower',
  upper: 'ci_upper',
  comparison: 'comparison',
  benchmark: { value: 380, label: 'England' },
  period: '2014-15 Q4',
};

describe('barCompare', () => {
  it('matches the snapshot: sorted bars, whiskers, benchmark, comparisons, a suppressed area', () => {
    expectSvgSnapshot('bar-compare', renderToString(barCompare(barRows, options)));
  });

  it('matches the snapshot: plain bars with a target and the authority highlighted', () => {
    const svg = barCompare(barRows, {
      ...options,
      id: 'referrals-plain',
      lower: undefined,
      upper: undefined,
      comparison: undefined,
      benchmark: undefined,
      target: 350,
      highlight: 'E10000015',
      sort: 'ascending',
    });
    expectSvgSnapshot('bar-compare-target', renderToString(svg));
  });

  it('shows "[c]" instead of a bar for a suppressed value', () => {
    const svg = barCompare(barRows, options);
    expect(Array.from(svg.querySelectorAll('.missing-label text')).map((t) => t.textContent)).toEqual(['[c]']);
    expect(svg.querySelectorAll('.bar rect').length).toBe(4);
  });

  it('labels every bar with its value, largest first, suppressed last', () => {
    const svg = barCompare(barRows, options);
    expect(Array.from(svg.querySelectorAll('.value-label text')).map((t) => t.textContent)).toEqual(['455.0', '412.5', '388.4', '301.2']);
    const areas = texts(svg).filter((t) => /locality|authority/.test(t));
    expect(areas).toEqual(['North locality', 'Hertfordshire (authority)', 'West locality', 'South locality', 'East locality']);
  });

  it('shows comparisons as a symbol and a word, not colour alone', () => {
    const svg = barCompare(barRows, options);
    expect(Array.from(svg.querySelectorAll('.comparison-label text')).map((t) => t.textContent)).toEqual(['Worse', 'Worse', 'Similar', 'Better']);
    expect(svg.querySelectorAll('.comparison-symbol path, .comparison-symbol circle').length).toBe(4);
  });

  it('draws and labels the benchmark and the target', () => {
    const svg = barCompare(barRows, { ...options, target: 350 });
    expect(svg.querySelector('.benchmark')?.getAttribute('stroke-dasharray')).toBe('4 3');
    expect(svg.querySelector('.target')?.getAttribute('stroke-dasharray')).toBe('8 4');
    expect(texts(svg)).toEqual(expect.arrayContaining(['England: 380.0', 'Target: 350.0']));
  });

  it('describes every area in words', () => {
    const svg = barCompare(barRows, options);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')?.textContent).toBe('North has the highest rate of referrals');
    expect(svg.querySelector('desc')?.textContent).toBe(
      'Bar chart of Referrals per 10,000 children by area in 2014-15 Q4, highest first. ' +
        'North locality 455.0, worse; Hertfordshire (authority) 412.5, worse; West locality 388.4, similar; ' +
        'South locality 301.2, better; East locality [c] (suppressed). England: 380.0.',
    );
  });

  it('keeps value labels inside the chart', () => {
    const svg = barCompare(barRows, { ...options, comparison: undefined });
    const width = Number(svg.getAttribute('width'));
    for (const text of Array.from(svg.querySelectorAll('.value-label text'))) {
      const x = Number(/translate\(([\d.]+)/.exec(text.getAttribute('transform') ?? '')?.[1]);
      expect(x + 6 + (text.textContent ?? '').length * 14 * 0.6).toBeLessThanOrEqual(width);
    }
  });

  it('handles negative values', () => {
    const svg = barCompare(
      [
        { area_code: 'A', value: -12.5 },
        { area_code: 'B', value: 20 },
      ],
      { document, title: 'Change since last year', unit: 'percent' },
    );
    expect(Array.from(svg.querySelectorAll('.value-label text')).map((t) => t.textContent)).toEqual(['20.0%', '-12.5%']);
  });

  it('rejects an unknown comparison with the allowed words', () => {
    expect(() => barCompare([{ area_code: 'A', value: 1, comparison: 'good' }], { document, title: 'Bad', comparison: 'comparison' })).toThrow(
      'barCompare: field "comparison" must be one of better, similar, worse, higher, lower, not_compared or null, got "good"',
    );
    expect(() =>
      barCompare(
        [
          { area_code: 'A', value: 1 },
          { area_code: 'A', value: 2 },
        ],
        { document, title: 'Bad' },
      ),
    ).toThrow('barCompare: two rows for area "A"');
  });
});
