import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Z_99_8 } from './interval.ts';
import { wilsonInterval } from './wilson-interval.ts';

describe('wilsonInterval', () => {
  it('matches published 95% limits', () => {
    // Newcombe (1998) and the Fingertips worked examples: 5/20 is 0.1119 to 0.4687.
    const a = wilsonInterval(5, 20);
    expect(a.lower).toBeCloseTo(0.1119, 4);
    expect(a.upper).toBeCloseTo(0.4687, 4);
    // 81/263 (Newcombe 1998, table I): 0.2553 to 0.3662.
    const b = wilsonInterval(81, 263);
    expect(b.lower).toBeCloseTo(0.2553, 4);
    expect(b.upper).toBeCloseTo(0.3662, 4);
  });

  it('handles none and all', () => {
    expect(wilsonInterval(0, 10)).toEqual({ lower: 0, upper: expect.closeTo(0.2775, 4) });
    const all = wilsonInterval(10, 10);
    expect(all.lower).toBeCloseTo(0.7225, 4);
    expect(all.upper).toBe(1);
  });

  it('widens at 99.8%', () => {
    const a = wilsonInterval(5, 20);
    const b = wilsonInterval(5, 20, Z_99_8);
    expect(b.lower).toBeLessThan(a.lower);
    expect(b.upper).toBeGreaterThan(a.upper);
  });

  it('rejects impossible inputs', () => {
    expect(() => wilsonInterval(1, 0)).toThrow('positive denominator');
    expect(() => wilsonInterval(11, 10)).toThrow('0 <= numerator <= denominator');
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
  });

  it('contains the proportion and stays within [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (d, share) => {
        const n = Math.round(share * d);
        const { lower, upper } = wilsonInterval(n, d);
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(upper).toBeLessThanOrEqual(1);
        expect(lower).toBeLessThanOrEqual(n / d);
        expect(upper).toBeGreaterThanOrEqual(n / d);
      }),
    );
  });
});
