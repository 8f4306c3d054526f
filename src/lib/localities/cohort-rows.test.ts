import { describe, expect, it } from 'vitest';
import { localityCohort } from './cohort-rows.ts';

const stock = (measure: string, value: number | null, flag: string | null = null) => ({ area_code: 'NTH', measure, quarter: '2026-27 Q2', value, flag });
const period = (measure: string, period_type: string, period: string, value: number | null, flag: string | null = null) => ({
  area_code: 'NTH',
  measure,
  period_type,
  period,
  value,
  flag,
});

describe('localityCohort', () => {
  it('shows the running total and stocks where the release publishes them (board)', () => {
    const c = localityCohort([stock('families_attached_cumulative', 349), stock('families_open', 12), stock('outcomes_sustained', 40)], [
      period('families_attached', 'programme_to_date', 'to 2026-27 Q2', 349),
    ]);
    expect(c.unpublished).toEqual([]);
    expect(c.rows.map((r) => r.measure)).toEqual([
      'Families attached since the programme began, to the end of 2026-27 Q2',
      'Families open at the end of 2026-27 Q2',
      'Outcomes sustained since the programme began',
    ]);
  });

  it('falls back to the longer periods and names what is published for the council only (public)', () => {
    const c = localityCohort(
      [],
      [period('families_attached', 'financial_year_to_date', '2026-27 to Q2', 10, '[rd]'), period('families_attached', 'programme_to_date', 'to 2026-27 Q2', null, '[c]')],
    );
    expect(c.rows).toEqual([
      { measure: 'Families attached in 2026-27 to Q2', value: { value: 10, flag: '[rd]' } },
      { measure: 'Families attached since the programme began (to 2026-27 Q2)', value: { value: null, flag: '[c]' } },
    ]);
    expect(c.unpublished).toEqual(['open cases', 'outcomes']);
  });

  it('names the running total when neither it nor the programme to date is published', () => {
    expect(localityCohort([], []).unpublished).toEqual(['the running total of families attached', 'open cases', 'outcomes']);
  });
});
