import { describe, expect, it } from 'vitest';
import { normalUpperTail, twoSidedP } from './normal-distribution.ts';

describe('normalUpperTail', () => {
  // SciPy 1.17 scipy.stats.norm.sf.
  it.each([
    [1.959964, 0.024999999096442398],
    [3.090232, 0.0010000010308950944],
    [0.5, 0.3085375387259869],
    [-1, 0.8413447460685429],
    [6, 9.865876450376946e-10],
  ])('P(Z > %d)', (z, expected) => {
    expect(normalUpperTail(z) / expected).toBeCloseTo(1, 10);
  });

  it('is one half at zero and two-sided p is symmetric', () => {
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 15);
    expect(twoSidedP(-1.959964)).toBeCloseTo(0.05, 7);
    expect(twoSidedP(0)).toBe(1);
  });
});
