import { describe, expect, it } from 'vitest';
import { rankDots, type RankDot } from './rank-dots.ts';
import { renderToString } from './render.ts';
import { document } from './testing/fixtures.ts';
import { expectSvgSnapshot } from './testing/svg-snapshot.ts';

/** 30 authorities: values fall with rank, two ties, one without a value. */
const dots: RankDot[] = Array.from({ length: 30 }, (_, i) => ({
  name: `Authority ${String(i + 1).padStart(2, '0')}`,
  value: i === 29 ? null : 40 - Math.floor(i * 1.1),
  rank: i === 29 ? null : 1 + i,
  role: i === 12 ? 'council' : [3, 8, 20, 29].includes(i) ? 'neighbour' : 'other',
}));
const options = { document, id: 'rank', title: 'Re-referrals: every authority, 2020-21', unit: 'percent' as const, decimals: 1, valueLabel: 'Re-referrals (%)', benchmark: { value: 25, label: 'England' } };

describe('rankDots', () => {
  it('matches the snapshot', () => {
    expectSvgSnapshot('rank-dots', renderToString(rankDots(dots, options)));
  });

  it('marks the council and its neighbours by shape and labels the council', () => {
    const svg = rankDots(dots, options);
    expect(svg.querySelectorAll('.rank-council path').length).toBe(1);
    // The neighbour without a value has no rank and no dot.
    expect(svg.querySelectorAll('.rank-neighbour path').length).toBe(3);
    expect(svg.querySelectorAll('.rank-other path, .rank-other circle').length).toBe(25);
    expect(svg.querySelector('.council-label')?.textContent).toBe('Authority 13: 27.0%, rank 13');
    expect(svg.querySelector('.benchmark-label')?.textContent).toBe('England 25.0%');
  });

  it('describes the ranks in words', () => {
    expect(rankDots(dots, options).querySelector('desc')?.textContent).toBe(
      'Dot plot of Re-referrals (%) for 29 authorities in rank order. Authority 13 ranks 13 of 29 with 27.0%. ' +
        'Its 3 statistical neighbours with a value rank from 4 to 21. England: 25.0%. 1 authority has no published value and no rank.',
    );
  });

  it('draws an empty chart when no authority has a value', () => {
    const svg = rankDots([{ name: 'A', value: null, rank: null, role: 'council' }], options);
    expect(svg.getAttribute('role')).toBe('img');
  });
});
