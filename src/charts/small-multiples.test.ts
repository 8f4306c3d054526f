import { describe, expect, it } from 'vitest';
import { AREA_NAMES, moreLocalityRows, trendRows } from './__fixtures__/trend.ts';
import { renderToString } from './render.ts';
import { smallMultiples, type SmallMultiplesOptions } from './small-multiples.ts';
import type { IndicatorRow } from '../lib/outputs/tables.ts';
import { document, segments, texts } from './testing/fixtures.ts';
import { expectSvgSnapshot } from './testing/svg-snapshot.ts';

const rows = [...trendRows, ...moreLocalityRows];
const options: SmallMultiplesOptions<IndicatorRow> = {
  document,
  id: 'attendance-by-locality',
  title: 'Attendance rose in every locality',
  seriesLabels: AREA_NAMES,
  unit: 'percent',
  yLabel: 'School attendance (%)',
  reference: 'E10000015',
  zero: false,
};

describe('smallMultiples', () => {
  it('matches the snapshot: four localities, the authority as reference', () => {
    expectSvgSnapshot('small-multiples', renderToString(smallMultiples(rows, options)));
  });

  it('draws one titled panel per area, without a panel for the reference', () => {
    const svg = smallMultiples(rows, options);
    // Plot draws facets column by column, so compare without order.
    expect(Array.from(svg.querySelectorAll('.panel-title text')).map((t) => t.textContent).sort()).toEqual([
      'East locality',
      'North locality',
      'South locality',
      'West locality',
    ]);
  });

  it('repeats the reference line, named in words, in every panel', () => {
    const svg = smallMultiples(rows, options);
    expect(svg.querySelectorAll('.reference-line path').length).toBe(4);
    expect(texts(svg)).toContain('Dashed grey line in each panel: Hertfordshire');
  });

  it('shares one value scale across panels', () => {
    const svg = smallMultiples(rows, options);
    const ticks = texts(svg).filter((t) => t.endsWith('%'));
    // The same ticks in each row's left-hand panel: two rows of identical labels.
    expect(ticks.length % 2).toBe(0);
    expect(ticks.slice(0, ticks.length / 2)).toEqual(ticks.slice(ticks.length / 2));
  });

  it('leaves gaps for suppressed and missing quarters', () => {
    const svg = smallMultiples(rows, options);
    const paths = Array.from(svg.querySelectorAll('.series-line path')).map((p) => p.getAttribute('d') ?? '');
    // North ([c] in Q3), South (no Q4 row), East (two [c]), West (one [c]): every line breaks once.
    expect(paths.map(segments)).toEqual([2, 2, 2, 2]);
  });

  it('says when a panel has no published values', () => {
    const empty = [...trendRows, { ...trendRows[0]!, area_code: 'LOC_E', value: null, flag: '[c]' as const }];
    const svg = smallMultiples(empty, options);
    expect(texts(svg)).toContain('No published values');
  });

  it('describes every panel and the reference', () => {
    const svg = smallMultiples(rows, options);
    const desc = svg.querySelector('desc')?.textContent ?? '';
    expect(desc).toMatch(/^Small multiple line charts of School attendance \(%\) by quarter, 2013-14 Q1 to 2014-15 Q4\./);
    expect(desc).toContain('West locality: 85.5% in 2014-15 Q4, from 79.0% in 2013-14 Q1.');
    expect(desc).toMatch(/Each panel also shows Hertfordshire as a dashed grey line\.$/);
  });
});
