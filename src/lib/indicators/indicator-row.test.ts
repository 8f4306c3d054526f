import { describe, expect, it } from 'vitest';
import { INDICATOR_COLUMNS } from '../outputs/tables.ts';
import { toIndicatorRows } from './indicator-row.ts';

const plain = {
  indicator_code: 'ni_111',
  area_code: 'NTH',
  area_type: 'locality',
  period: '2013-14 Q2',
  period_start: '2013-07-01 00:00:00',
  numerator: 3,
  denominator: 10,
  value: 30,
  ci_lower: Number.NaN,
  ci_upper: null,
  target: null,
  target_status: 'met',
  flag: null,
};

describe('toIndicatorRows', () => {
  it('types every published column in file order: dates as ISO days, non-finite numbers as null', () => {
    const [row] = toIndicatorRows([plain]);
    expect(Object.keys(row!)).toEqual(INDICATOR_COLUMNS.map(([name]) => name));
    expect(row).toEqual({ ...plain, period_start: '2013-07-01', ci_lower: null });
  });

  it('reads a missing status as no target and keeps a GSS flag', () => {
    const { target_status: _, ...noStatus } = plain;
    expect(toIndicatorRows([{ ...noStatus, flag: '[c]' }])[0]).toMatchObject({ target_status: 'no_target', flag: '[c]' });
  });

  it.each([
    [{ area_type: 'ward' }, 'unknown area_type "ward"'],
    [{ flag: '[q]' }, 'unknown flag "[q]"'],
    [{ area_code: 7 }, '"area_code" must be text'],
    [{ value: '30' }, '"value" must be a number'],
  ])('refuses %o', (change, message) => {
    expect(() => toIndicatorRows([{ ...plain, ...change }])).toThrow(message);
  });
});
