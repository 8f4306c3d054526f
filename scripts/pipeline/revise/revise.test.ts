import { describe, expect, it } from 'vitest';
import type { CountRow, GssFlag, IndicatorRow, PeriodRow } from '../../../src/lib/outputs/tables.ts';
import type { ProvisionalPolicy } from '../../../src/lib/reference/provisional.ts';
import { compareReleases, roundingHalfWidth, type PublishedFigures } from './compare.ts';
import type { ReleaseRows } from '../../../src/lib/outputs/figures.ts';
import { markProvisional } from './provisional.ts';

const count = (quarter: string, value: number | null, flag: GssFlag | null = null, over: Partial<CountRow> = {}): CountRow => ({
  quarter,
  quarter_start: '2026-04-01',
  area_code: 'NTH',
  area_type: 'locality',
  measure: 'families_attached',
  breakdown: 'all',
  value,
  flag,
  ...over,
});

const indicator = (period: string, value: number | null, flag: GssFlag | null = null, code = 'ni_111'): IndicatorRow => ({
  indicator_code: code,
  area_code: 'E06009901',
  area_type: 'authority',
  period,
  period_start: '2026-04-01',
  numerator: value,
  denominator: 1000,
  value,
  ci_lower: null,
  ci_upper: null,
  target: null,
  target_status: 'no_target',
  flag,
});

const period = (label: string, end: string, value: number | null, flag: GssFlag | null = null): PeriodRow => ({
  table: 'programme',
  measure: 'families_attached',
  breakdown: 'all',
  area_code: 'E06009901',
  area_type: 'authority',
  period_type: 'financial_year_to_date',
  period: label,
  period_start: '2026-04-01',
  period_end: end,
  value,
  flag,
});

function release(over: Partial<ReleaseRows> = {}): ReleaseRows {
  return { programme: [], criteria: [], outcomes: [], claims: [], indicators: [], periods: [], ...over };
}

const info = { previous: { released: '2026-07-30' }, current: { released: '2026-09-30' }, reason: 'Late records.', roundingBase: 10 };

describe('compareReleases: the previous public release against this one', () => {
  it('marks a changed figure [r] and logs what it was, what it is and when it changed', () => {
    const before = release({ programme: [count('2026-27 Q1', 40)] });
    const now = release({ programme: [count('2026-27 Q1', 46)] });
    const { rows, revisions } = compareReleases(before, now, info);
    expect(rows.programme[0]!.flag).toBe('[r]');
    expect(rows.programme[0]!.value).toBe(46);
    expect(revisions).toEqual([
      {
        table: 'programme',
        measure: 'families_attached',
        breakdown: 'all',
        area_code: 'NTH',
        period: '2026-27 Q1',
        was: 40,
        was_flag: null,
        now: 46,
        now_flag: '[r]',
        first_released: '2026-07-30',
        revised: '2026-09-30',
        reason: 'Late records.',
      },
    ]);
  });

  it('leaves an unchanged figure alone', () => {
    const { rows, revisions } = compareReleases(release({ programme: [count('2026-27 Q1', 40)] }), release({ programme: [count('2026-27 Q1', 40)] }), info);
    expect(revisions).toEqual([]);
    expect(rows.programme[0]!.flag).toBeNull();
  });

  it('never compares a figure withheld ([c]) in either release, so the log cannot tell what a [c] stood for', () => {
    const opened = compareReleases(release({ programme: [count('2026-27 Q1', null, '[c]')] }), release({ programme: [count('2026-27 Q1', 12)] }), info);
    expect(opened.revisions).toEqual([]);
    expect(opened.rows.programme[0]).toMatchObject({ value: 12, flag: null });
    // The pipeline warns of it: together the two releases may narrow the [c].
    expect(opened.formChanges).toEqual({ withheldShown: 1, roundedExact: 0 });
    // Even if a hostile archive kept the number behind a [c], nothing repeats it.
    const leaky = compareReleases(release({ programme: [count('2026-27 Q1', 3, '[c]')] }), release({ programme: [count('2026-27 Q1', 12)] }), info);
    expect(leaky.revisions).toEqual([]);
    const hidden = compareReleases(release({ programme: [count('2026-27 Q1', 12)] }), release({ programme: [count('2026-27 Q1', null, '[c]')] }), info);
    expect(hidden.revisions).toEqual([]);
    expect(hidden.rows.programme[0]).toMatchObject({ value: null, flag: '[c]' });
  });

  it('does not count a figure published in another form (exact then, rounded now) as revised', () => {
    const { rows, revisions } = compareReleases(release({ programme: [count('2012-13 Q1', 43)] }), release({ programme: [count('2012-13 Q1', 40, '[rd]')] }), info);
    expect(revisions).toEqual([]);
    expect(rows.programme[0]!.flag).toBe('[rd]');
    expect(compareReleases(release({ programme: [count('2012-13 Q1', 43)] }), release({ programme: [count('2012-13 Q1', 40, '[rd]')] }), info).formChanges).toEqual({ withheldShown: 0, roundedExact: 1 });
  });

  it('treats a figure the previous release did not have as new, not revised', () => {
    const { rows, revisions } = compareReleases(release({ programme: [count('2026-27 Q1', 40)] }), release({ programme: [count('2026-27 Q1', 40), count('2026-27 Q2', 31)] }), info);
    expect(revisions).toEqual([]);
    expect(rows.programme.map((r) => r.flag)).toEqual([null, null]);
  });

  it('keeps [rd] on a revised rounded figure (the log still lists it) and replaces [p] by [r]', () => {
    const before = release({ criteria: [count('2026-27 Q1', 20, '[rd]')], programme: [count('2026-27 Q1', 8)] });
    const now = release({ criteria: [count('2026-27 Q1', 70, '[rd]')], programme: [count('2026-27 Q1', 9, '[p]')] });
    const { rows, revisions } = compareReleases(before, now, info);
    expect(rows.criteria[0]!.flag).toBe('[rd]');
    expect(rows.programme[0]!.flag).toBe('[r]');
    expect(revisions.map((r) => [r.table, r.was, r.was_flag, r.now, r.now_flag])).toEqual([
      ['programme', 8, null, 9, '[r]'],
      ['criteria', 20, '[rd]', 70, '[rd]'],
    ]);
  });

  it('does not count a figure that only lost its [p] as revised', () => {
    const { revisions } = compareReleases(release({ programme: [count('2026-27 Q1', 8, '[p]')] }), release({ programme: [count('2026-27 Q1', 8)] }), info);
    expect(revisions).toEqual([]);
  });

  it('does not count a rounded figure that moved no more than its rounding can explain', () => {
    const pairs: [number, number][] = [[10, 20], [1890, 1900], [1880, 1900]];
    for (const [a, b] of pairs) {
      expect(compareReleases(release({ programme: [count('2025-26 Q3', a, '[rd]')] }), release({ programme: [count('2025-26 Q3', b, '[rd]')] }), info).revisions).toEqual([]);
    }
    expect(roundingHalfWidth(1900, 10)).toBe(50);
    expect(roundingHalfWidth(30, 10)).toBe(5);
    expect(roundingHalfWidth(40, 10)).toBe(10);
  });

  it('compares indicators and longer periods by their own keys', () => {
    const before = release({ indicators: [indicator('2026-27 Q1', 2.5)], periods: [period('2026-27 to Q1', '2026-06-30', 100)] });
    const now = release({ indicators: [indicator('2026-27 Q1', 2.75), indicator('2026-27 Q2', 3)], periods: [period('2026-27 to Q1', '2026-06-30', 104), period('2026-27 to Q2', '2026-09-30', 150)] });
    const { revisions } = compareReleases(before as PublishedFigures, now, info);
    expect(revisions.map((r) => [r.table, r.measure, r.period, r.was, r.now])).toEqual([
      ['indicators', 'ni_111', '2026-27 Q1', 2.5, 2.75],
      ['periods', 'programme.families_attached', '2026-27 to Q1', 100, 104],
    ]);
  });

  it('tells areas, breakdowns and measures apart', () => {
    const before = release({ outcomes: [count('2026-27 Q1', 10, null, { area_code: 'NTH' }), count('2026-27 Q1', 20, null, { area_code: 'STH' })] });
    const now = release({ outcomes: [count('2026-27 Q1', 20, null, { area_code: 'STH' }), count('2026-27 Q1', 10, null, { area_code: 'NTH' })] });
    expect(compareReleases(before, now, info).revisions).toEqual([]);
  });
});

describe('markProvisional: the latest N quarters of a provisional measure carry [p]', () => {
  const policy: ProvisionalPolicy = {
    schema_version: 1,
    measures: [
      { table: 'programme', measure: 'families_attached', provisional_quarters: 2, reason: 'Late records.' },
      { table: 'indicators', measure: 'ni_111', provisional_quarters: 1, reason: 'Late court outcomes.' },
    ],
  };

  it('marks the latest quarters of a listed measure, not earlier ones nor other measures', () => {
    const rows = release({
      programme: [count('2026-27 Q2', 5), count('2026-27 Q1', 6), count('2025-26 Q4', 7), count('2026-27 Q2', 9, null, { measure: 'families_closed' })],
    });
    const marked = markProvisional(rows, policy, '2026-27 Q2');
    expect(marked.programme.map((r) => r.flag)).toEqual(['[p]', '[p]', null, null]);
  });

  it('keeps [c] and [rd]: one symbol per figure, and those matter more', () => {
    const marked = markProvisional(release({ programme: [count('2026-27 Q2', null, '[c]'), count('2026-27 Q2', 20, '[rd]')] }), policy, '2026-27 Q2');
    expect(marked.programme.map((r) => r.flag)).toEqual(['[c]', '[rd]']);
  });

  it("follows an indicator's own latest period, which may lag the release", () => {
    const marked = markProvisional(release({ indicators: [indicator('2025-26 Q4', 2), indicator('2026-27 Q1', 3), indicator('2026-27 Q1', 4, null, 'ni_45')] }), policy, '2026-27 Q2');
    expect(marked.indicators.map((r) => r.flag)).toEqual([null, '[p]', null]);
  });

  it('marks a longer period that takes in a provisional quarter', () => {
    const marked = markProvisional(release({ periods: [period('2026-27 to Q2', '2026-09-30', 50), period('2025-26', '2026-03-31', 200)] }), policy, '2026-27 Q2');
    expect(marked.periods.map((r) => r.flag)).toEqual(['[p]', null]);
  });

  it('marks nothing without a policy', () => {
    const rows = release({ programme: [count('2026-27 Q2', 5)] });
    expect(markProvisional(rows, { schema_version: 1, measures: [] }, '2026-27 Q2')).toBe(rows);
  });
});
