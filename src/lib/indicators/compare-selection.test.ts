import { describe, expect, it } from 'vitest';
import {
  compareSelectionQuery,
  parseCompareSelection,
  periodStartsMayMatch,
  selectionDateRange,
  selectionFilter,
  selectionParams,
  selectionRowFilter,
} from './compare-selection.ts';

const options = { indicatorCodes: ['ni_111', 'ni_116'], areaCodes: ['E06009901', 'NTH'], quarters: ['2019-20 Q4', '2020-21 Q1', '2025-26 Q4'] };

describe('parseCompareSelection', () => {
  it('reads the choice from the URL', () => {
    const params = new URLSearchParams('indicator=ni_111&indicator=ni_116&area=NTH&from=2020-21+Q1&to=2025-26+Q4');
    expect(parseCompareSelection(params, options)).toEqual({ indicators: ['ni_111', 'ni_116'], areas: ['NTH'], from: '2020-21 Q1', to: '2025-26 Q4' });
  });

  it('drops unknown codes and duplicates', () => {
    const params = new URLSearchParams('indicator=ni_111&indicator=ni_111&indicator=drop_table&area=NTH&area=XXX');
    expect(parseCompareSelection(params, options)).toMatchObject({ indicators: ['ni_111'], areas: ['NTH'] });
  });

  it('accepts unlisted codes only when a pattern allows them', () => {
    const params = new URLSearchParams('indicator=nat_007&area=A001L02&area=bad,code');
    expect(parseCompareSelection(params, options)).toBeNull();
    expect(parseCompareSelection(params, { ...options, codePattern: /^[A-Za-z0-9_]{1,24}$/ })).toMatchObject({ indicators: ['nat_007'], areas: ['A001L02'] });
  });

  it('is null without an indicator or an area', () => {
    expect(parseCompareSelection(new URLSearchParams('area=NTH'), options)).toBeNull();
    expect(parseCompareSelection(new URLSearchParams('indicator=ni_111'), options)).toBeNull();
    expect(parseCompareSelection(new URLSearchParams(''), options)).toBeNull();
  });

  it('defaults bad periods to the whole range and swaps a reversed range', () => {
    const bad = new URLSearchParams('indicator=ni_111&area=NTH&from=yesterday&to=2020-21+Q5');
    expect(parseCompareSelection(bad, options)).toMatchObject({ from: '2019-20 Q4', to: '2025-26 Q4' });
    const reversed = new URLSearchParams('indicator=ni_111&area=NTH&from=2025-26+Q4&to=2020-21+Q1');
    expect(parseCompareSelection(reversed, options)).toMatchObject({ from: '2020-21 Q1', to: '2025-26 Q4' });
  });
});

describe('compareSelectionQuery', () => {
  it('round-trips through the URL', () => {
    const selection = { indicators: ['ni_116', 'ni_111'], areas: ['E06009901', 'NTH'], from: '2020-21 Q1', to: '2025-26 Q4' };
    const query = compareSelectionQuery(selection);
    expect(query).toBe('indicator=ni_116&indicator=ni_111&area=E06009901&area=NTH&from=2020-21+Q1&to=2025-26+Q4');
    expect(parseCompareSelection(new URLSearchParams(query), options)).toEqual(selection);
  });
});

describe('selectionDateRange', () => {
  it('runs from the first day of the first quarter to the last day of the last', () => {
    expect(selectionDateRange({ from: '2020-21 Q1', to: '2025-26 Q4' })).toEqual({ fromStart: '2020-04-01', toEnd: '2026-03-31' });
    expect(selectionDateRange({ from: '2013-14 Q2', to: '2013-14 Q2' })).toEqual({ fromStart: '2013-07-01', toEnd: '2013-09-30' });
  });

  it('names a bad label', () => {
    expect(() => selectionDateRange({ from: 'Q1', to: '2025-26 Q4' })).toThrow('"Q1" is not a quarter such as "2013-14 Q2"');
  });
});

describe('selectionFilter', () => {
  const filter = selectionFilter({ indicators: ['ni_111', 'ni_116'], areas: ['NTH'], from: '2020-21 Q1', to: '2020-21 Q4' });

  it('gives the SQL parameters and the row filter the same codes and days', () => {
    expect(selectionParams(filter)).toEqual({ indicator_codes: 'ni_111,ni_116', area_codes: 'NTH', from_start: '2020-04-01', to_end: '2021-03-31' });
    expect(selectionRowFilter(filter)).toEqual({ indicator_code: { $in: ['ni_111', 'ni_116'] }, area_code: { $in: ['NTH'] } });
  });

  it('keeps a row group whose period starts overlap the range, or are unknown', () => {
    expect(periodStartsMayMatch(filter, '2019-04-01', '2020-04-01')).toBe(true);
    expect(periodStartsMayMatch(filter, '2021-03-31', '2022-01-01')).toBe(true);
    expect(periodStartsMayMatch(filter, '2019-04-01', '2020-03-31')).toBe(false);
    expect(periodStartsMayMatch(filter, '2021-04-01', '2022-01-01')).toBe(false);
    expect(periodStartsMayMatch(filter, null, '2019-01-01')).toBe(true);
  });
});
