import { describe, expect, it } from 'vitest';
import { trendTestProportions } from './trend-test-proportions.ts';
import { trendTestRates } from './trend-test-rates.ts';
import { studentTTwoSidedP, trendTestValues } from './trend-test-values.ts';

describe('trendTestProportions (Cochran-Armitage)', () => {
  it("matches R's prop.trend.test example", () => {
    // ?prop.trend.test: smokers/patients, X-squared = 8.2249, p-value = 0.004132.
    const r = trendTestProportions([83, 90, 129, 70], [86, 93, 136, 82], [1, 2, 3, 4]);
    expect(r.z * r.z).toBeCloseTo(8.2249, 4);
    expect(r.z).toBeLessThan(0);
    expect(r.pValue).toBeCloseTo(0.004132, 6);
  });

  it('matches Agresti (2002) on maternal alcohol and malformation', () => {
    // Categorical Data Analysis, section 3.4: scores (0, 0.5, 1.5, 4, 7) give z = 2.56;
    // equally spaced scores give chi-squared about 1.83 (p = 0.18).
    const present = [48, 38, 5, 1, 1];
    const totals = [17114, 14502, 793, 127, 38];
    expect(trendTestProportions(present, totals, [0, 0.5, 1.5, 4, 7]).z).toBeCloseTo(2.563, 3);
    const even = trendTestProportions(present, totals, [1, 2, 3, 4, 5]);
    expect(even.z * even.z).toBeCloseTo(1.828, 3);
    expect(even.pValue).toBeCloseTo(0.176, 3);
  });

  it('finds nothing when every proportion is 0', () => {
    expect(trendTestProportions([0, 0, 0], [10, 20, 30], [1, 2, 3])).toEqual({ z: 0, pValue: 1 });
  });
});

describe('trendTestRates (Poisson score test)', () => {
  it('matches a hand calculation', () => {
    // Counts 10..50 over equal exposure: E = 30 each, U = sum t (O - E) = 100,
    // V = 30 * 55 - (30 * 15)^2 / 150 = 300, z = 100 / sqrt 300 = 5.7735.
    const r = trendTestRates([10, 20, 30, 40, 50], [1000, 1000, 1000, 1000, 1000], [1, 2, 3, 4, 5]);
    expect(r.z).toBeCloseTo(5.773503, 6);
    expect(r.pValue).toBeCloseTo(7.764e-9, 11);
  });

  it('weights by the denominators', () => {
    // Independent NumPy/SciPy evaluation of the same formula: z = 1.09925, p = 0.27166.
    const r = trendTestRates([12, 15, 11, 18, 20], [1000, 1100, 1050, 1200, 1150], [1, 2, 3, 4, 5]);
    expect(r.z).toBeCloseTo(1.099252, 6);
    expect(r.pValue).toBeCloseTo(0.271658, 6);
  });

  it('finds nothing in all-zero counts', () => {
    expect(trendTestRates([0, 0, 0], [5, 5, 5], [1, 2, 3])).toEqual({ z: 0, pValue: 1 });
  });
});

describe('trendTestValues (least squares)', () => {
  it('matches scipy.stats.linregress', () => {
    const up = trendTestValues([1, 2, 3, 4, 6], [1, 2, 3, 4, 5]);
    expect(up.z).toBeCloseTo(10.392305, 5);
    expect(up.pValue).toBeCloseTo(0.0019012747, 9);
    const down = trendTestValues([10.2, 9.1, 9.8, 8.7, 8.9], [1, 2, 3, 4, 5]);
    expect(down.z).toBeCloseTo(-1.947340, 5);
    expect(down.pValue).toBeCloseTo(0.1466546, 6);
  });

  it('handles flat and exact lines', () => {
    expect(trendTestValues([3, 3, 3, 3, 3], [1, 2, 3, 4, 5])).toEqual({ z: 0, pValue: 1 });
    expect(trendTestValues([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]).pValue).toBe(0);
  });

  it("uses Student's t closed forms", () => {
    // SciPy 2 * t.sf(2.5, df) for df 1, 2, 3.
    expect(studentTTwoSidedP(2.5, 1)).toBeCloseTo(0.2422378832, 9);
    expect(studentTTwoSidedP(-2.5, 2)).toBeCloseTo(0.1296117202, 9);
    expect(studentTTwoSidedP(2.5, 3)).toBeCloseTo(0.0877066470, 9);
    expect(() => studentTTwoSidedP(2.5, 4)).toThrow('1 to 3 degrees of freedom');
  });
});
