import { describe, expect, it } from 'vitest';
import type { Comparators } from '../reference/comparators.ts';
import type { Indicator } from '../reference/schema.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';
import { indicatorBenchmark } from './indicator-benchmark.ts';
import type { NationalIndicatorRow } from './national-input.ts';

const comparators: Comparators = {
  schema_version: 1,
  authority: 'E06000001',
  england: { code: 'E92000001', name: 'England' },
  regions: [
    { code: 'E12000001', name: 'North' },
    { code: 'E12000002', name: 'South' },
  ],
  authorities: [
    { code: 'E06000001', name: 'Us', region: 'E12000001' },
    { code: 'E06000002', name: 'Bee', region: 'E12000001' },
    { code: 'E06000003', name: 'Cee', region: 'E12000002' },
    { code: 'E06000004', name: 'Dee', region: 'E12000002' },
    { code: 'E06000005', name: 'Eee', region: 'E12000001' },
  ],
  groups: [{ code: 'near', title: 'Near neighbours', source: 'test', members: ['E06000002', 'E06000003', 'E06000005'] }],
};

const indicator = { code: 'ind', unit: 'percent', polarity: 'low_is_good', decimals: 1 } as Indicator;

// [authority, numerator, denominator] in the latest period; Eee is unpublished.
const latest: [string, number | null, number][] = [
  ['E06000001', 200, 1000],
  ['E06000002', 300, 1000],
  ['E06000003', 100, 500],
  ['E06000004', 90, 1000],
  ['E06000005', null, 800],
];
const rows: NationalIndicatorRow[] = [
  ...latest.map(([authority_code, numerator, denominator]) => ({
    indicator_code: 'ind',
    authority_code,
    period: '2020-21',
    numerator,
    denominator,
    value: numerator === null ? null : (100 * numerator) / denominator,
  })),
  { indicator_code: 'ind', authority_code: 'E06000001', period: '2019-20', numerator: 1, denominator: 10, value: 10 },
];

describe('indicatorBenchmark', () => {
  const result = indicatorBenchmark(indicator, rows, comparators);

  it('uses the latest period the council has a value for', () => {
    expect(result?.period).toBe('2020-21');
    expect(result?.value).toBe(20);
  });

  it('ranks among all authorities and the group, ties and gaps included', () => {
    // Values: Us 20, Bee 30, Cee 20, Dee 9, Eee missing. Low is good: Dee 1, Us and Cee 2, Bee 4.
    expect(result?.national).toEqual({ rank: 2, quartile: 2, of: 4 });
    // Group with the council: Us 20, Bee 30, Cee 20 (Eee missing): Us ties first.
    expect(result?.groups[0]?.rank).toEqual({ rank: 1, quartile: 1, of: 3 });
    expect(result?.points.map((p) => [p.name, p.rank, p.role])).toEqual([
      ['Dee', 1, 'other'],
      ['Cee', 2, 'neighbour'],
      ['Us', 2, 'council'],
      ['Bee', 4, 'neighbour'],
      ['Eee', null, 'neighbour'],
    ]);
  });

  it('compares with the neighbour average, the region and England by the confidence interval', () => {
    const [group, region, england] = result?.lines ?? [];
    expect(group?.value).toBeCloseTo((30 + 20) / 2, 10);
    expect(group?.n).toBe(2);
    // Region North pools Us and Bee (Eee has no numerator): 500 / 2000.
    expect(region).toMatchObject({ label: 'North', value: 25, n: 2 });
    // England pools everyone with a numerator: 690 / 3500.
    expect(england?.value).toBeCloseTo((100 * 690) / 3500, 10);
    const ci = wilsonInterval(200, 1000);
    const verdict = (benchmark: number) => (100 * ci.upper < benchmark ? 'better' : 100 * ci.lower > benchmark ? 'worse' : 'similar');
    expect(group?.comparison).toBe(verdict(25));
    expect(region?.comparison).toBe(verdict(25));
    expect(england?.comparison).toBe(verdict((100 * 690) / 3500));
  });

  it("takes England's published value when the site has one", () => {
    const withEngland = indicatorBenchmark(indicator, rows, comparators, () => 12.5);
    expect(withEngland?.lines.at(-1)).toMatchObject({ label: 'England', value: 12.5, n: null, comparison: 'worse' });
  });

  it('is null when the council has no value', () => {
    expect(indicatorBenchmark(indicator, rows.filter((r) => r.authority_code !== 'E06000001'), comparators)).toBeNull();
  });
});
