import { describe, expect, it } from 'vitest';
import { addMonths, civilFromDays, dayOf, daysFromCivil, financialYearEnd, financialYearOf, financialYearStart, isoOf } from './days.ts';

const MS_PER_DAY = 86_400_000;

describe('days', () => {
  it('agrees with Date for every day from 1999 to 2031', () => {
    for (let day = daysFromCivil(1999, 1, 1); day <= daysFromCivil(2031, 12, 31); day++) {
      const iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
      expect(isoOf(day)).toBe(iso);
      expect(dayOf(iso)).toBe(day);
    }
    expect(civilFromDays(0)).toEqual([1970, 1, 1]);
    expect(isoOf(daysFromCivil(2200, 2, 3))).toBe('2200-02-03');
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(isoOf(addMonths(dayOf('2013-08-31'), 6))).toBe('2014-02-28');
    expect(isoOf(addMonths(dayOf('2015-08-31'), 6))).toBe('2016-02-29');
    expect(isoOf(addMonths(dayOf('2013-01-15'), -6))).toBe('2012-07-15');
    expect(isoOf(addMonths(dayOf('2013-03-31'), 12))).toBe('2014-03-31');
  });

  it('finds financial years, April to March', () => {
    expect(financialYearOf(dayOf('2013-03-31'))).toBe(2012);
    expect(financialYearOf(dayOf('2013-04-01'))).toBe(2013);
    expect(isoOf(financialYearStart(2013))).toBe('2013-04-01');
    expect(isoOf(financialYearEnd(2013))).toBe('2014-03-31');
  });

  it('rejects text that is not a real ISO date', () => {
    expect(() => dayOf('30/09/2026')).toThrow('not an ISO date');
    expect(() => dayOf('2026-02-29')).toThrow('not a real calendar date');
    expect(() => dayOf('2026-13-01')).toThrow('not a real calendar date');
  });
});
