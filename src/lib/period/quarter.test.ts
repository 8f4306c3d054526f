import { describe, expect, it } from 'vitest';
import {
  addQuarters,
  financialYearLabel,
  latestCompleteQuarter,
  parseFinancialYear,
  parseQuarter,
  quarterEnd,
  quarterLabel,
  quarterMonths,
  quarterOfDate,
  quarterRange,
  quarterStart,
} from './quarter.ts';

describe('financial quarters (Q1 = April to June)', () => {
  it('puts each month in its financial quarter', () => {
    expect(quarterLabel(quarterOfDate('2013-04-01'))).toBe('2013-14 Q1');
    expect(quarterLabel(quarterOfDate('2013-06-30'))).toBe('2013-14 Q1');
    expect(quarterLabel(quarterOfDate('2013-07-01'))).toBe('2013-14 Q2');
    expect(quarterLabel(quarterOfDate('2013-12-31'))).toBe('2013-14 Q3');
    expect(quarterLabel(quarterOfDate('2014-01-01'))).toBe('2013-14 Q4');
    expect(quarterLabel(quarterOfDate('2014-03-31'))).toBe('2013-14 Q4');
  });

  it('gives the first and last day of a quarter, across the year end', () => {
    expect(quarterStart({ startYear: 2013, quarter: 4 })).toBe('2014-01-01');
    expect(quarterEnd({ startYear: 2013, quarter: 4 })).toBe('2014-03-31');
    expect(quarterEnd({ startYear: 2015, quarter: 3 })).toBe('2015-12-31');
    expect(quarterMonths({ startYear: 2013, quarter: 2 })).toBe('July to September 2013');
  });

  it('parses only well-formed labels', () => {
    expect(parseQuarter('2013-14 Q2')).toEqual({ startYear: 2013, quarter: 2 });
    expect(parseQuarter('2013-15 Q2')).toBeNull();
    expect(parseQuarter('2013-14 Q5')).toBeNull();
    expect(parseFinancialYear('1999-00')).toBe(1999);
    expect(parseFinancialYear('2013-2014')).toBeNull();
    expect(financialYearLabel(2009)).toBe('2009-10');
  });

  it('counts and ranges quarters', () => {
    expect(quarterLabel(addQuarters({ startYear: 2013, quarter: 4 }, 1))).toBe('2014-15 Q1');
    expect(quarterLabel(addQuarters({ startYear: 2013, quarter: 1 }, -1))).toBe('2012-13 Q4');
    expect(quarterRange({ startYear: 2012, quarter: 3 }, { startYear: 2013, quarter: 2 }).map(quarterLabel)).toEqual([
      '2012-13 Q3',
      '2012-13 Q4',
      '2013-14 Q1',
      '2013-14 Q2',
    ]);
    expect(quarterLabel(latestCompleteQuarter('2026-11-23'))).toBe('2026-27 Q2');
  });
});
