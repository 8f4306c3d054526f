import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AreaType, IndicatorRow } from '../../../src/lib/outputs/tables.ts';
import { discloseIndicators } from './indicators.ts';

function row(area: string, areaType: AreaType, numerator: number | null, denominator: number | null, extra: Partial<IndicatorRow> = {}): IndicatorRow {
  const value = numerator === null || denominator === null ? null : (numerator / denominator) * 100;
  return {
    indicator_code: 'NI_111',
    area_code: area,
    area_type: areaType,
    period: '2015-16',
    period_start: '2015-04-01',
    numerator,
    denominator,
    value,
    ci_lower: value === null ? null : value * 0.8,
    ci_upper: value === null ? null : value * 1.2,
    target: 5,
    target_status: value === null ? 'no_target' : value <= 5 ? 'met' : 'not_met',
    flag: null,
    ...extra,
  };
}

const AUTH = 'E06000014';
const ENGLAND = 'E92000001';

describe('discloseIndicators', () => {
  it('returns an empty table for an empty table', () => {
    expect(discloseIndicators([], { threshold: 5 })).toEqual([]);
  });

  it('suppresses a numerator of 2 and leaves England untouched', () => {
    const rows = [row('L1', 'locality', 2, 900), row('L2', 'locality', 40, 1100), row(ENGLAND, 'comparator', 2, 1_000_000)];
    const out = discloseIndicators(rows, { threshold: 5 });
    expect(out[0]).toEqual({
      ...rows[0],
      numerator: null,
      value: null,
      ci_lower: null,
      ci_upper: null,
      target_status: 'no_judgement', // "met" would bound the hidden rate
      flag: '[c]',
      denominator: 900, // populations are public
    });
    expect(out[1]).toEqual(rows[1]);
    expect(out[2]).toEqual(rows[2]);
  });

  it('suppresses a second locality when the authority numerator is their sum', () => {
    const rows = [row('L1', 'locality', 2, 900), row('L2', 'locality', 40, 1100), row('L3', 'locality', 12, 1000), row(AUTH, 'authority', 54, 3000)];
    const out = discloseIndicators(rows, { threshold: 5 });
    // The smallest other locality numerator (12) goes with it; the authority stays.
    expect(out.map((r) => r.numerator)).toEqual([null, 40, null, 54]);
    expect(out[2]?.flag).toBe('[c]');
  });

  it('adds no secondary suppression when the authority figure is not the sum (a modelled rate)', () => {
    const rows = [row('L1', 'locality', 2, 900), row('L2', 'locality', 40, 1100), row(AUTH, 'authority', 47, 2000)];
    expect(discloseIndicators(rows, { threshold: 5 }).map((r) => r.numerator)).toEqual([null, 40, 47]);
  });

  it('withholds the whole row, denominator too, when the denominator is itself small', () => {
    const out = discloseIndicators([row('L1', 'locality', 0, 3)], { threshold: 5 });
    expect(out[0]).toMatchObject({ numerator: null, denominator: null, value: null, ci_lower: null, flag: '[c]' });
  });

  it('publishes a true zero numerator', () => {
    const rows = [row('L1', 'locality', 0, 900)];
    expect(discloseIndicators(rows, { threshold: 5 })).toEqual(rows);
  });

  it('leaves rows flagged [x] as they are', () => {
    const rows = [row('L1', 'locality', 3, 900, { flag: '[x]' }), row('L2', 'locality', null, null, { flag: '[x]' })];
    expect(discloseIndicators(rows, { threshold: 5 })).toEqual(rows);
  });

  it('does not mutate its input', () => {
    const rows = [row('L1', 'locality', 2, 900), row(AUTH, 'authority', 2, 900)];
    const copy = structuredClone(rows);
    discloseIndicators(rows, { threshold: 5 });
    expect(rows).toEqual(copy);
  });

  it('never leaves a lone suppressed locality numerator under an additive authority total', () => {
    const numerators = fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 50 })), { minLength: 2, maxLength: 8 });
    fc.assert(
      fc.property(numerators, fc.constantFrom(3, 5, 10), (nums, threshold) => {
        const rows = [...nums.map((n, i) => row(`L${i + 1}`, 'locality', n, 1000)), row(AUTH, 'authority', nums.reduce((s, n) => s + n, 0), 1000 * nums.length)];
        const out = discloseIndicators(rows, { threshold });
        const hidden = out.filter((r) => r.numerator === null);
        // One relation: with one unknown it is given away; with two or more it is not.
        expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
        out.forEach((r, i) => {
          if (r.numerator !== null) {
            expect(r).toEqual(rows[i]);
            expect(r.numerator === 0 || r.numerator >= threshold).toBe(true);
          }
        });
      }),
      { numRuns: 200, seed: 9 },
    );
  });
});
