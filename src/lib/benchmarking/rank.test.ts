import { describe, expect, it } from 'vitest';
import { meanOf, quartileOf, rankEntries } from './rank.ts';

/** A seeded LCG, so the test's values are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Independent reference: rank by counting strictly better values, quartile by fractions. */
function reference(values: readonly (number | null)[], lowIsGood: boolean) {
  const present = values.filter((v): v is number => v !== null);
  return values.map((v) => {
    if (v === null) return null;
    const rank = 1 + present.filter((w) => (lowIsGood ? w < v : w > v)).length;
    const position = (rank - 1) / present.length;
    const quartile = position < 0.25 ? 1 : position < 0.5 ? 2 : position < 0.75 ? 3 : 4;
    return { rank, quartile, of: present.length };
  });
}

describe('rankEntries', () => {
  it('ranks ties to the better rank and leaves missing values out', () => {
    const entries = [
      { code: 'a', value: 10 },
      { code: 'b', value: 12 },
      { code: 'c', value: null },
      { code: 'd', value: 12 },
      { code: 'e', value: 8 },
    ];
    const high = rankEntries(entries, 'high_is_good');
    expect([...high.entries()].map(([code, r]) => [code, r.rank, r.quartile, r.of]).sort()).toEqual([
      ['a', 3, 3, 4],
      ['b', 1, 1, 4],
      ['d', 1, 1, 4],
      ['e', 4, 4, 4],
    ]);
    expect(high.has('c')).toBe(false);
    const low = rankEntries(entries, 'low_is_good');
    expect(low.get('e')?.rank).toBe(1);
    expect(low.get('b')?.rank).toBe(3);
    expect(low.get('d')?.rank).toBe(3);
  });

  it('orders indicators without a direction highest first', () => {
    const r = rankEntries([{ code: 'x', value: 1 }, { code: 'y', value: 2 }], 'no_judgement');
    expect(r.get('y')?.rank).toBe(1);
  });

  it('agrees with an independent count on 150 authorities with ties and gaps', () => {
    for (const seed of [1, 2, 3]) {
      const next = seeded(seed);
      const values = Array.from({ length: 150 }, () => (next() < 0.05 ? null : Math.round(next() * 40) / 2));
      for (const polarity of ['high_is_good', 'low_is_good'] as const) {
        const ranks = rankEntries(values.map((value, i) => ({ code: String(i), value })), polarity);
        const expected = reference(values, polarity === 'low_is_good');
        values.forEach((_, i) => expect(ranks.get(String(i)) ?? null).toEqual(expected[i]));
      }
    }
  });

  it('puts exactly the first quarter of a list in the top quartile', () => {
    expect(quartileOf(1, 150)).toBe(1);
    expect(quartileOf(38, 150)).toBe(1);
    expect(quartileOf(39, 150)).toBe(2);
    expect(quartileOf(150, 150)).toBe(4);
    expect(quartileOf(1, 1)).toBe(1);
  });
});

describe('meanOf', () => {
  it('averages the values present and counts them', () => {
    expect(meanOf([1, null, 2, 6])).toEqual({ mean: 3, n: 3 });
    expect(meanOf([null])).toEqual({ mean: null, n: 0 });
  });
});
