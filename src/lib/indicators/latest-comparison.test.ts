import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from './indicator-row.ts';
import { compareAreasInPeriod, latestBenchmarkPeriod } from './latest-comparison.ts';
import { localitySpine, spineCounts } from './locality-profile.ts';

function row(area: string, period: string, value: number | null, lower: number | null, upper: number | null, flag: IndicatorRow['flag'] = null): IndicatorRow {
  const start = period === '2024-25' ? '2024-04-01' : '2025-04-01';
  return {
    indicator_code: 'x',
    area_code: area,
    area_type: area === 'LA' ? 'authority' : 'locality',
    period,
    period_start: start,
    numerator: null,
    denominator: null,
    value,
    ci_lower: lower,
    ci_upper: upper,
    target: null,
    target_status: 'no_target',
    flag,
  };
}

const rows = [
  row('LA', '2024-25', 20, 19, 21),
  row('A', '2024-25', 30, 25, 35),
  row('B', '2024-25', 19, 15, 23),
  row('C', '2024-25', 10, 8, 12),
  row('D', '2024-25', null, null, null, '[c]'),
  // The latest year is not yet published for the authority: comparisons stay in 2024-25.
  row('LA', '2025-26', null, null, null, '[x]'),
  row('A', '2025-26', 50, 45, 55),
];

describe('latestBenchmarkPeriod', () => {
  it('skips periods where the benchmark has no value', () => {
    expect(latestBenchmarkPeriod(rows, 'LA')).toBe('2024-25');
    expect(latestBenchmarkPeriod(rows, 'nobody')).toBeNull();
  });
});

describe('compareAreasInPeriod', () => {
  it('words comparisons by polarity and never judges a suppressed area', () => {
    const low = compareAreasInPeriod(rows, '2024-25', ['A', 'B', 'C', 'D', 'E'], 'LA', 'low_is_good');
    expect(low.map((c) => [c.row.area_code, c.comparison])).toEqual([
      ['A', 'worse'],
      ['B', 'similar'],
      ['C', 'better'],
      ['D', 'not_compared'],
    ]);
    const high = compareAreasInPeriod(rows, '2024-25', ['A', 'C'], 'LA', 'high_is_good');
    expect(high.map((c) => c.comparison)).toEqual(['better', 'worse']);
    const none = compareAreasInPeriod(rows, '2024-25', ['A', 'C'], 'LA', 'no_judgement');
    expect(none.map((c) => c.comparison)).toEqual(['higher', 'lower']);
  });
});

describe('localitySpine', () => {
  it('compares a locality in each indicator\'s latest authority period', () => {
    const indicator = { code: 'x', polarity: 'low_is_good' } as Parameters<typeof localitySpine>[0][number];
    const spine = localitySpine([indicator], new Map([['x', rows]]), 'C', 'LA', null);
    expect(spine[0]).toMatchObject({ period: '2024-25', comparison: 'better', comparator: null });
    expect(spine[0]!.spine.relative).toBeCloseTo(-0.5);
    expect(spine[0]!.spine.position).toBeCloseTo(-1);
    expect(spineCounts(spine)).toMatchObject({ better: 1, similar: 0, worse: 0 });
  });
});
