import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed } from './random.ts';

const draws = (seed: number, label: string, n = 5) => {
  const random = createRandom(seed, label);
  return Array.from({ length: n }, () => random.next());
};

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and label', () => {
    expect(draws(2012, 'families')).toEqual(draws(2012, 'families'));
  });

  it('gives different streams for different seeds or labels', () => {
    expect(draws(2012, 'families')).not.toEqual(draws(2013, 'families'));
    expect(draws(2012, 'families')).not.toEqual(draws(2012, 'claims'));
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(1, 'b'));
  });

  it('keeps values in range', () => {
    const random = createRandom(7);
    for (let i = 0; i < 2000; i++) {
      const x = random.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = random.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
      expect(random.binomial(10, 0.3)).toBeLessThanOrEqual(10);
      expect(random.binomial(500, 0.9)).toBeLessThanOrEqual(500);
    }
  });

  it('draws counts with about the right means, small and large', () => {
    const random = createRandom(11);
    const mean = (f: () => number, n = 20_000) => Array.from({ length: n }, f).reduce((s, x) => s + x, 0) / n;
    expect(mean(() => random.poisson(1.5))).toBeCloseTo(1.5, 1);
    expect(mean(() => random.poisson(400)) / 400).toBeCloseTo(1, 2);
    expect(mean(() => random.binomial(20, 0.25))).toBeCloseTo(5, 1);
    expect(mean(() => random.binomial(1000, 0.25)) / 250).toBeCloseTo(1, 2);
    expect(random.poisson(0)).toBe(0);
    expect(random.binomial(0, 0.5)).toBe(0);
  });

  it('picks by weight and never a zero-weight item', () => {
    const random = createRandom(3);
    const picks = Array.from({ length: 1000 }, () => random.weighted(['a', 'b', 'c'], [1, 0, 3]));
    expect(picks).not.toContain('b');
    expect(picks.filter((p) => p === 'c').length).toBeGreaterThan(650);
    expect(() => random.pick([])).toThrow('pick from an empty list');
  });
});
