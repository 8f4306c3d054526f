import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byarInterval } from './byar-interval.ts';
import { Z_99_8 } from './interval.ts';

describe('byarInterval', () => {
  it('uses the exact Poisson interval below 10', () => {
    // chi-squared quantiles / 2 (SciPy chi2.ppf): 0 -> 0 to 3.6889; 5 -> 1.6235 to 11.6683.
    expect(byarInterval(0)).toEqual({ lower: 0, upper: expect.closeTo(3.68888, 5) });
    const five = byarInterval(5);
    expect(five.lower).toBeCloseTo(1.62349, 5);
    expect(five.upper).toBeCloseTo(11.66833, 5);
    const nine = byarInterval(9);
    expect(nine.lower).toBeCloseTo(4.11537, 5);
    expect(nine.upper).toBeCloseTo(17.0848, 4);
  });

  it("uses Byar's approximation from 10", () => {
    // 20 * (1 - 1/180 - 1.96/(3 sqrt 20))^3 and 21 * (1 - 1/189 + 1.96/(3 sqrt 21))^3.
    const twenty = byarInterval(20);
    expect(twenty.lower).toBeCloseTo(12.2114, 4);
    expect(twenty.upper).toBeCloseTo(30.8899, 4);
    const ten = byarInterval(10);
    expect(ten.lower).toBeCloseTo(4.78745, 5);
    expect(ten.upper).toBeCloseTo(18.39146, 5);
  });

  it('takes another z', () => {
    // SciPy: gammaincinv(3, norm.sf(3.090232)) and gammaincinv(4, 1 - norm.sf(3.090232)).
    const three = byarInterval(3, Z_99_8);
    expect(three.lower).toBeCloseTo(0.190533, 5);
    expect(three.upper).toBeCloseTo(13.0622, 4);
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
