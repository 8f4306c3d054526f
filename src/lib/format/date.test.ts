import { describe, expect, it } from 'vitest';
import { formatDate } from './date.ts';

describe('formatDate', () => {
  it('writes dates the GOV.UK way', () => {
    expect(formatDate('2013-08-14')).toBe('14 August 2013');
    expect(formatDate('2026-01-01')).toBe('1 January 2026');
  });

  it('uses the date part of a timestamp, in UTC', () => {
    expect(formatDate('2013-08-14T23:30:00Z')).toBe('14 August 2013');
    expect(formatDate('2013-08-14T00:30:00+01:00')).toBe('14 August 2013');
  });

  it('rejects text that is not an ISO date', () => {
    expect(() => formatDate('14/08/2013')).toThrow('formatDate: expected an ISO date such as "2013-08-14", got "14/08/2013"');
    expect(() => formatDate('')).toThrow(RangeError);
  });

  it('rejects dates that do not exist', () => {
    expect(() => formatDate('2013-06-31')).toThrow('formatDate: "2013-06-31" is not a real date');
    expect(() => formatDate('2013-02-29')).toThrow(RangeError);
    expect(formatDate('2012-02-29')).toBe('29 February 2012');
  });
});
