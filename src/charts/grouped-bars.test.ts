import { describe, expect, it } from 'vitest';
import { groupedBars, type GroupedBar, type GroupedBarsOptions } from './grouped-bars.ts';
import { renderToString } from './render.ts';
import { document } from './testing/fixtures.ts';
import { expectSvgSnapshot } from './testing/svg-snapshot.ts';

const rows: GroupedBar[] = [
  { group: '2012-13', series: 'up_front', value: 329600, flag: null },
  { group: '2012-13', series: 'results', value: 82400, flag: null },
  { group: '2012-13', series: 'claimed', value: 301000, flag: null },
  { group: '2013-14', series: 'up_front', value: 240000, flag: null },
  { group: '2013-14', series: 'results', value: 160000, flag: null },
  { group: '2013-14', series: 'claimed', value: null, flag: '[c]' },
];

const options: GroupedBarsOptions = {
  document,
  id: 'grant-by-year',
  title: 'Most of the grant came up front',
  unit: 'money',
  seriesLabels: { up_front: 'Up-front grant', results: 'Results at 100% success', claimed: 'Claimed' },
  groupLabel: 'of grant income by programme year',
};

describe('groupedBars', () => {
  it('matches the snapshot: two years, a suppressed value', () => {
    expectSvgSnapshot('grouped-bars', renderToString(groupedBars(rows, options)));
  });

  it('names every bar in text and shows the symbol for a hidden value', () => {
    const svg = groupedBars(rows, options);
    expect(Array.from(svg.querySelectorAll('.value-label text')).map((t) => t.textContent)).toEqual(['£329,600', '£82,400', '£301,000', '£240,000', '£160,000']);
    expect(Array.from(svg.querySelectorAll('.missing-label text')).map((t) => t.textContent)).toEqual(['[c]']);
    expect(svg.querySelectorAll('.bar rect').length).toBe(5);
    const ticks = Array.from(svg.querySelectorAll('[aria-label="y-axis tick label"] text, g text')).map((t) => t.textContent);
    expect(ticks).toContain('Results at 100% success');
    expect(ticks).not.toContain('results');
    expect(svg.querySelector('desc')?.textContent).toContain('2013-14: Up-front grant £240,000, Results at 100% success £160,000, Claimed [c].');
  });

  it('refuses a measure without a label', () => {
    expect(() => groupedBars([{ group: '2012-13', series: 'other', value: 1, flag: null }], options)).toThrow(/other/);
  });
});
