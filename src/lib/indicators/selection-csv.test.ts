import { describe, expect, it } from 'vitest';
import { selectionCsv, type SelectionRow } from './selection-csv.ts';
import { indicatorCsv } from './indicator-csv.ts';
import { toIndicatorRows } from './indicator-row.ts';

const base: SelectionRow = {
  indicator_code: 'ni_111',
  area_code: 'NTH',
  area_type: 'locality',
  period: '2020-21 Q1',
  period_start: '2020-04-01',
  numerator: 12,
  denominator: 4000,
  value: 300,
  ci_lower: 155.1,
  ci_upper: 524.2,
  flag: null,
};

describe('selectionCsv', () => {
  it('writes numbers plain and a suppressed value as its symbol, never 0', () => {
    const csv = selectionCsv([base, { ...base, period: '2020-21 Q2', numerator: null, value: null, ci_lower: null, ci_upper: null, flag: '[c]' }]);
    expect(csv.split('\r\n')).toEqual([
      'indicator_code,area_code,area_type,period,period_start,numerator,denominator,value,ci_lower,ci_upper,flag',
      'ni_111,NTH,locality,2020-21 Q1,2020-04-01,12,4000,300,155.1,524.2,',
      'ni_111,NTH,locality,2020-21 Q2,2020-04-01,[c],4000,[c],[c],[c],[c]',
      '',
    ]);
  });

  it('writes a header only for an empty selection', () => {
    expect(selectionCsv([])).toBe('indicator_code,area_code,area_type,period,period_start,numerator,denominator,value,ci_lower,ci_upper,flag\r\n');
  });
});

describe('indicatorCsv', () => {
  it('names areas and keeps suppression', () => {
    const rows = toIndicatorRows([{ ...base, target: null, target_status: 'no_judgement', value: null, numerator: null, ci_lower: null, ci_upper: null, flag: '[c]' }]);
    const [, line] = indicatorCsv(rows, { NTH: 'Northgate' }).split('\r\n');
    expect(line).toBe('ni_111,NTH,Northgate,locality,2020-21 Q1,2020-04-01,[c],4000,[c],[c],[c],[z],no_judgement,[c]');
  });
});

describe('toIndicatorRows', () => {
  it('rejects an unknown flag or area type', () => {
    expect(() => toIndicatorRows([{ ...base, flag: '*' }])).toThrow('unknown flag "*"');
    expect(() => toIndicatorRows([{ ...base, area_type: 'ward' }])).toThrow('unknown area_type "ward"');
  });
});
