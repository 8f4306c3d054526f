import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byarInterval } from './byar-interval.ts';
import { Z_99_8 } from './interval.ts';

describe('byarInterval', () => {
  it.each<[count: number, z: number | undefined, lower: number, upper: number, digits: number]>([
    // Below 10 the exact Poisson interval: chi-squared quantiles / 2 (SciPy chi2.ppf).
    [0, undefined, 0, 3.68888, 5],
    [5, undefined, 1.62349, 11.66833, 5],
    [9, undefined, 4.11537, 17.0848, 4],
    // From 10 Byar's approximation: 20 * (1 - 1/180 - 1.96/(3 sqrt 20))^3 and 21 * (1 - 1/189 + 1.96/(3 sqrt 21))^3.
    [10, undefined, 4.78745, 18.39146, 5],
    [20, undefined, 12.2114, 30.8899, 4],
    // Another z. SciPy: gammaincinv(3, norm.sf(3.090232)) and gammaincinv(4, 1 - norm.sf(3.090232)).
    [3, Z_99_8, 0.190533, 13.0622, 4],
  ])('gives a count of %i (z %s) the interval %d to %d', (count, z, lower, upper, digits) => {
    const interval = byarInterval(count, z);
    expect(interval.lower).toBeCloseTo(lower, digits);
    expect(interval.upper).toBeCloseTo(upper, digits);
  });

  it('starts at exactly 0 for a count of 0', () => {
    expect(byarInterval(0).lower).toBe(0);
  });

  it('rejects a negative count', () => {
    expect(() => byarInterval(-1)).toThrow('count of 0 or more');
  });

  it('contains the count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (k) => {
        const { lower, upper } = byarInterval(k);
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(lower).toBeLessThanOrEqual(k);
        expect(upper).toBeGreaterThanOrEqual(k);
      }),
    );
  });
});
