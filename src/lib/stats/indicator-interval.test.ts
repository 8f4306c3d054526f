import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byarInterval } from './byar-interval.ts';
import { indicatorInterval } from './indicator-interval.ts';
import { indicatorValue } from './indicator-value.ts';
import { wilsonInterval } from './wilson-interval.ts';

describe('indicatorInterval', () => {
  it('scales Wilson to percent', () => {
    const ci = indicatorInterval('percent', 5, 20);
    expect(ci?.lower).toBeCloseTo(11.19, 2);
    expect(ci?.upper).toBeCloseTo(46.87, 2);
  });

  it("divides the count's Poisson interval by the denominator for rates", () => {
    // 20 events in 10,000 people per 1,000: 2.0 (1.22 to 3.09).
    const ci = indicatorInterval('rate_per_1000', 20, 10_000);
    expect(ci?.lower).toBeCloseTo(1.22114, 5);
    expect(ci?.upper).toBeCloseTo(3.08899, 5);
    const small = indicatorInterval('rate_per_100000', 5, 50_000);
    expect(small?.lower).toBeCloseTo(3.24697, 4);
    expect(small?.upper).toBeCloseTo(23.33666, 4);
  });

  it('uses the Poisson interval on counts', () => {
    expect(indicatorInterval('count', 20, null)).toEqual(byarInterval(20));
  });

  it('is null where no interval applies', () => {
    expect(indicatorInterval('value', 5, 20)).toBeNull();
    expect(indicatorInterval('percent', 5, 0)).toBeNull();
    expect(indicatorInterval('percent', 21, 20)).toBeNull();
    expect(indicatorInterval('rate_per_1000', null, 20)).toBeNull();
    expect(indicatorInterval('count', -1, null)).toBeNull();
  });

  it('brackets the value for every ratio unit', () => {
    const unit = fc.constantFrom('percent', 'rate_per_1000', 'rate_per_10000', 'rate_per_100000' as const);
    fc.assert(
      fc.property(unit, fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (u, d, share) => {
        const n = Math.round(share * d);
        const value = indicatorValue(u, n, d) as number;
        const ci = indicatorInterval(u, n, d);
        expect(ci).not.toBeNull();
        expect(ci!.lower).toBeLessThanOrEqual(value * (1 + 1e-12));
        expect(ci!.upper).toBeGreaterThanOrEqual(value * (1 - 1e-12));
        if (u === 'percent') {
          expect(ci!.lower).toBeGreaterThanOrEqual(0);
          expect(ci!.upper).toBeLessThanOrEqual(100);
          expect(ci!.lower).toBeCloseTo(wilsonInterval(n, d).lower * 100, 10);
        }
      }),
    );
  });
});
