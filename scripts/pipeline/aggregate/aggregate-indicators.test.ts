import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../../../src/lib/outputs/tables.ts';
import { byarInterval } from '../../../src/lib/stats/byar-interval.ts';
import { wilsonInterval } from '../../../src/lib/stats/wilson-interval.ts';
import { openDuckDB } from '../duckdb.ts';
import { aggregateIndicators } from './aggregate-indicators.ts';
import { AUTHORITY, ENGLAND, fixtureReference } from './fixture-reference.ts';
import { createFixtureTables } from './fixture-tables.ts';

let conn: DuckDBConnection;
let rows: IndicatorRow[];

beforeAll(async () => {
  conn = await openDuckDB();
  await createFixtureTables(conn);
  rows = await aggregateIndicators(conn, fixtureReference, { firstQuarter: '2013-14 Q1', lastQuarter: '2013-14 Q4' });
});

function row(indicator: string, area: string, period: string): IndicatorRow {
  const hits = rows.filter((r) => r.indicator_code === indicator && r.area_code === area && r.period === period);
  expect(hits, `${indicator} ${area} ${period}`).toHaveLength(1);
  return hits[0] as IndicatorRow;
}

describe('aggregateIndicators', () => {
  it('computes percentages with Wilson intervals and the target status', () => {
    const nth = row('attendance', 'NTH', '2013-14 Q1');
    const ci = wilsonInterval(450, 500);
    expect(nth).toEqual({
      indicator_code: 'attendance',
      area_code: 'NTH',
      area_type: 'locality',
      period: '2013-14 Q1',
      period_start: '2013-04-01',
      numerator: 450,
      denominator: 500,
      value: 90,
      ci_lower: ci.lower * 100,
      ci_upper: ci.upper * 100,
      target: 90,
      target_status: 'met', // equal to the target meets it
      flag: null,
    });
    expect(row('attendance', 'STH', '2013-14 Q1')).toMatchObject({ value: 85, target_status: 'not_met' });
  });

  it('flags a zero denominator [z] and a missing locality [x]', () => {
    expect(row('attendance', 'EST', '2013-14 Q1')).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
      ci_lower: null,
      flag: '[z]',
      target_status: 'no_judgement',
    });
    expect(row('attendance', 'STH', '2013-14 Q2')).toMatchObject({ numerator: null, value: null, flag: '[x]', target: 90 });
    // No data at all for Q3 and Q4, but the quarterly grid is complete.
    for (const q of ['2013-14 Q3', '2013-14 Q4']) {
      for (const area of ['EST', 'NTH', 'STH', AUTHORITY]) expect(row('attendance', area, q).flag).toBe('[x]');
    }
  });

  it('sums the localities for a missing authority row, only when all are present', () => {
    const q1 = row('attendance', AUTHORITY, '2013-14 Q1');
    expect(q1).toMatchObject({ area_type: 'authority', numerator: 620, denominator: 700, flag: null, target_status: 'not_met' });
    expect(q1.value).toBeCloseTo((620 / 700) * 100, 12);
    // The extract's own authority row wins.
    expect(row('attendance', AUTHORITY, '2013-14 Q2')).toMatchObject({ numerator: 1200, denominator: 1300 });
    // A "value" indicator cannot be summed.
    expect(row('ni_116', AUTHORITY, '2013-14')).toMatchObject({ value: null, flag: '[x]', target_status: 'no_target' });
  });

  it('uses Poisson intervals for rates and judges low-is-good targets', () => {
    const authority = row('ni_111', AUTHORITY, '2013-14');
    const ci = byarInterval(25);
    expect(authority).toMatchObject({ numerator: 25, denominator: 12000, target: 1000, target_status: 'met', period_start: '2013-04-01' });
    expect(authority.value).toBeCloseTo(208.3333, 4);
    expect(authority.ci_lower).toBeCloseTo((ci.lower / 12000) * 1e5, 9);
    expect(authority.ci_upper).toBeCloseTo((ci.upper / 12000) * 1e5, 9);
    // Five events: the exact interval, 1.6235 to 11.6683 per 5,000 people.
    const nth = row('ni_111', 'NTH', '2013-14');
    expect(nth.value).toBeCloseTo(100, 9);
    expect(nth.ci_lower).toBeCloseTo(32.4697, 3);
    expect(nth.ci_upper).toBeCloseTo(233.3666, 3);
    // Zero events is a real value with an interval from 0.
    expect(row('ni_111', 'EST', '2013-14')).toMatchObject({ value: 0, ci_lower: 0, flag: null });
  });

  it('publishes supplied values without an interval', () => {
    expect(row('ni_116', 'NTH', '2013-14')).toMatchObject({ value: 21.4, ci_lower: null, ci_upper: null, target: null, target_status: 'no_target' });
    expect(row('ni_116', 'STH', '2013-14').flag).toBe('[x]');
  });

  it('keeps comparators as supplied and skips indicators without data', () => {
    expect(row('attendance', ENGLAND, '2013-14 Q2')).toMatchObject({ area_type: 'comparator', value: 90 });
    expect(rows.filter((r) => r.area_code === ENGLAND)).toHaveLength(1);
    expect(rows.some((r) => r.indicator_code === 'unused')).toBe(false);
    expect(rows.some((r) => r.period === '2012-13 Q4')).toBe(false);
  });

  it('returns the complete grid in a stable order', () => {
    // attendance: 4 quarters x 4 areas + England; ni_111 and ni_116: 1 year x 4 areas.
    expect(rows).toHaveLength(16 + 1 + 4 + 4);
    const key = (r: IndicatorRow) => [r.indicator_code, r.area_type, r.area_code, r.period_start, r.period].join('\u0000');
    const keys = rows.map(key);
    expect(keys).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('rejects indicators and areas the reference does not know', async () => {
    await conn.run(`INSERT INTO area_indicators VALUES ('ni_999', 'NTH', '2013-14', 1, 2, NULL, 99)`);
    await expect(aggregateIndicators(conn, fixtureReference, { firstQuarter: '2013-14 Q1', lastQuarter: '2013-14 Q4' })).rejects.toThrow(
      'indicator "ni_999", which is not in the catalogue',
    );
    await conn.run(`UPDATE area_indicators SET indicator_code = 'ni_111', area_code = 'W06000001' WHERE __line = 99`);
    await expect(aggregateIndicators(conn, fixtureReference, { firstQuarter: '2013-14 Q1', lastQuarter: '2013-14 Q4' })).rejects.toThrow(
      'area "W06000001", which is not a locality, the authority or a comparator',
    );
  });
});
