import { describe, expect, it } from 'vitest';
import { generateAreaIndicators, indicatorPeriods, type AreaIndicatorRow } from './area-indicators.ts';
import { dayOf } from './days.ts';
import { loadReference } from '../../src/lib/reference/load.ts';

const ref = await loadReference('data/reference');
const asAt = dayOf('2026-09-30');
const rows = generateAreaIndicators(ref, asAt, 2012);
const AUTHORITY = ref.programme.authority.code;
const ENGLAND = 'E92000001';
const localities = ref.localities.map((l) => l.locality_code);
const key = (r: AreaIndicatorRow) => `${r.indicator_code}|${r.area_code}|${r.period}`;

describe('indicatorPeriods', () => {
  it('runs quarters from 2012-13 Q1 to the last complete quarter', () => {
    const quarters = indicatorPeriods('quarterly', asAt).map((p) => p.label);
    expect(quarters[0]).toBe('2012-13 Q1');
    expect(quarters.at(-1)).toBe('2026-27 Q2');
    expect(indicatorPeriods('quarterly', dayOf('2026-09-29')).at(-1)?.label).toBe('2026-27 Q1');
    expect(indicatorPeriods('quarterly', asAt, 2).at(-1)?.label).toBe('2025-26 Q4');
  });

  it('runs years only to the last complete financial year', () => {
    expect(indicatorPeriods('annual', asAt).map((p) => p.label).at(-1)).toBe('2025-26');
    expect(indicatorPeriods('annual', dayOf('2026-03-31')).at(-1)?.label).toBe('2025-26');
    expect(indicatorPeriods('annual', dayOf('2013-03-30'))).toEqual([]);
  });
});

describe('generateAreaIndicators', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(generateAreaIndicators(ref, asAt, 2012)).toEqual(rows);
    expect(generateAreaIndicators(ref, asAt, 7)).not.toEqual(rows);
  });

  it('covers every indicator for every locality, the authority and England', () => {
    for (const indicator of ref.catalogue.indicators) {
      const areas = new Set(rows.filter((r) => r.indicator_code === indicator.code).map((r) => r.area_code));
      expect([...areas].sort(), indicator.code).toEqual([...localities, AUTHORITY, ENGLAND].sort());
    }
  });

  it('has unique keys and periods matching each indicator frequency', () => {
    expect(new Set(rows.map(key)).size).toBe(rows.length);
    for (const indicator of ref.catalogue.indicators) {
      const pattern = indicator.frequency === 'quarterly' ? /^\d{4}-\d{2} Q[1-4]$/ : /^\d{4}-\d{2}$/;
      for (const r of rows.filter((x) => x.indicator_code === indicator.code)) expect(r.period).toMatch(pattern);
    }
  });

  it('keeps numerators within denominators for percentages and all counts whole', () => {
    const units = new Map(ref.catalogue.indicators.map((i) => [i.code, i.unit]));
    for (const r of rows.filter((x) => x.numerator !== '')) {
      expect(r.numerator).toMatch(/^\d+$/);
      expect(r.denominator).toMatch(/^[1-9]\d*$/);
      if (units.get(r.indicator_code) === 'percent') expect(Number(r.numerator)).toBeLessThanOrEqual(Number(r.denominator));
    }
  });

  it('produces small locality counts, so disclosure control has something to suppress', () => {
    const small = rows.filter((r) => localities.includes(r.area_code) && r.numerator !== '' && Number(r.numerator) >= 1 && Number(r.numerator) <= 4);
    expect(small.length).toBeGreaterThan(100);
    expect(rows.some((r) => localities.includes(r.area_code) && r.numerator === '0')).toBe(true);
  });

  it('makes the authority exactly the sum of the locality rows present', () => {
    const byKey = new Map(rows.map((r) => [key(r), r]));
    const authorityRows = rows.filter((r) => r.area_code === AUTHORITY);
    expect(authorityRows.length).toBeGreaterThan(500);
    for (const a of authorityRows) {
      const parts = localities.map((l) => byKey.get(`${a.indicator_code}|${l}|${a.period}`)).filter((r) => r !== undefined);
      expect(Number(a.numerator), key(a)).toBe(parts.reduce((s, r) => s + Number(r.numerator), 0));
      expect(Number(a.denominator), key(a)).toBe(parts.reduce((s, r) => s + Number(r.denominator), 0));
    }
  });

  it('gives England large counts, or a value only where only a value is published', () => {
    const england = rows.filter((r) => r.area_code === ENGLAND);
    const valueOnly = new Set(england.filter((r) => r.value !== '').map((r) => r.indicator_code));
    expect([...valueOnly].sort()).toEqual(['ni_115', 'ni_118', 'school_attendance']);
    for (const r of england.filter((x) => x.value === '')) expect(Number(r.denominator)).toBeGreaterThan(1000);
    for (const r of rows.filter((x) => x.area_code !== ENGLAND)) expect(r.value).toBe('');
  });

  it('never writes a count of ten or more digits, which the privacy guard would take for an NHS number', () => {
    for (const r of rows) {
      expect(r.numerator.length, key(r)).toBeLessThan(10);
      expect(r.denominator.length, key(r)).toBeLessThan(10);
    }
  });

  it('leaves some cells missing: survey gaps, a missed return and the pandemic year', () => {
    const has = (code: string, area: string, period: string) => rows.some((r) => key(r) === `${code}|${area}|${period}`);
    expect(has('ni_115', AUTHORITY, '2016-17')).toBe(false);
    expect(has('ni_115', ENGLAND, '2016-17')).toBe(true);
    expect(has('ni_32', 'NTH', '2017-18 Q3')).toBe(false);
    expect(has('school_attendance', ENGLAND, '2019-20')).toBe(false);
    // Indicators published a year late stop a year earlier.
    expect(has('ni_116', AUTHORITY, '2024-25')).toBe(true);
    expect(has('ni_116', AUTHORITY, '2025-26')).toBe(false);
  });

  it('moves localities with deprivation: the most deprived has more child poverty than the least', () => {
    const latest = (area: string) => {
      const r = rows.filter((x) => x.indicator_code === 'ni_116' && x.area_code === area).at(-1);
      return Number(r?.numerator) / Number(r?.denominator);
    };
    expect(latest('CTR')).toBeGreaterThan(2 * latest('HLS'));
  });
});
