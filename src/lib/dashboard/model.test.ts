import { describe, expect, it } from 'vitest';
import type { PlainRow } from '../data/plain-row.ts';
import type { DashboardConfig } from './config.ts';
import { buildDashboard, maximumIncome, normaliseSelection, selectionParams } from './model.ts';
import { sumFlagged } from './flagged.ts';

const config: DashboardConfig = {
  authority: { code: 'E06000001', name: 'Wyvern' },
  localities: [
    { code: 'NTH', name: 'Northgate', need: 300 },
    { code: 'EST', name: 'Eastbrook', need: 100 },
  ],
  cohortTargets: { '2013-14': 100 },
  programmeTarget: 400,
  thresholds: { at_risk: 0.95, off_track: 0.85 },
  phases: [{ code: 'phase_1', title: 'Phase 1', start: '2012-04-01', end: '2015-03-31', attachmentFees: { '2013-14': 2400 }, maxResultsPayment: 2400 }],
  quarters: ['2013-14 Q1', '2013-14 Q2'],
  roundingBase: 10,
};

const row = (quarter: string, area: string, measure: string, value: number | null, flag: string | null = null): PlainRow => ({
  quarter,
  quarter_start: quarter.endsWith('Q1') ? '2013-04-01' : '2013-07-01',
  area_code: area,
  area_type: area === 'E06000001' ? 'authority' : 'locality',
  measure,
  value,
  flag,
});

const rows: PlainRow[] = [];
for (const [q, nth, est, openN, openE] of [
  ['2013-14 Q1', 20, 6, 18, 6],
  ['2013-14 Q2', 22, null, 30, 4],
] as const) {
  rows.push(row(q, 'NTH', 'families_attached', nth), row(q, 'EST', 'families_attached', est, est === null ? '[c]' : null));
  rows.push(row(q, 'E06000001', 'families_attached', nth + (est ?? 4)));
  rows.push(row(q, 'NTH', 'families_open', openN), row(q, 'EST', 'families_open', openE), row(q, 'E06000001', 'families_open', openN + openE));
  rows.push(row(q, 'E06000001', 'families_attached_cumulative', q.endsWith('Q1') ? 26 : 52));
  rows.push(row(q, 'E06000001', 'outcomes_sustained', q.endsWith('Q1') ? 7 : null, q.endsWith('Q1') ? null : '[c]'));
  rows.push(row(q, 'E06000001', 'claim_amount_gbp', q.endsWith('Q1') ? 8000 : 4000), row(q, 'E06000001', 'claims', q.endsWith('Q1') ? 4 : 2));
}

describe('buildDashboard', () => {
  const model = buildDashboard(rows, config, normaliseSelection(config, null, null));
  const card = (id: string) => model.cards.find((c) => c.id === id);

  it('defaults to the latest quarter and the whole authority', () => {
    expect(model.selection).toEqual({ quarter: { startYear: 2013, quarter: 2, label: '2013-14 Q2', start: '2013-07-01', end: '2013-09-30' }, locality: null });
    expect(selectionParams(model.selection)).toEqual({ quarter_start: '2013-07-01' });
    expect(model.heading).toBe('Wyvern: 2013-14 Q2');
  });

  it('sums the year to date and judges it against the pro-rata target', () => {
    // 26 + 26 = 52 attached against 50 expected after two quarters: on track.
    expect(card('attached_year')).toMatchObject({ value: '52', status: 'on_track' });
    expect(card('attached_year')?.change).toEqual({ direction: 'none', text: '26 attached this quarter, no change on last quarter' });
    expect(card('open_caseload')).toMatchObject({ value: '34', change: { direction: 'up', text: 'up 10 on last quarter' } });
  });

  it('shows [c] for a suppressed figure and for totals that include one, never 0', () => {
    expect(card('outcomes_sustained')?.value).toBe('[c]');
    expect(card('outcomes_sustained')?.subText).toBe('The total for 2013-14 so far is not available ([c]).');
    const est = model.table.rows.find((r) => r.area === 'Eastbrook');
    expect(est?.attached_quarter).toEqual({ value: null, flag: '[c]' });
    expect(est?.attached_year).toEqual({ value: null, flag: '[c]' });
    expect(est?.need_share).toBe(25);
  });

  it('states the maximum income from the payment rules', () => {
    expect(card('claims_income')?.value).toBe('£12,000');
    expect(card('claims_income')?.subText).toBe('From 6 claims. Maximum for families attached this year: £249,600 (4.8% claimed).');
    expect(maximumIncome(config, { startYear: 2013, quarter: 2 }, { value: null, flag: '[c]' })).toBeNull();
  });

  it('builds a locality view without a target status', () => {
    const nth = buildDashboard(rows, config, normaliseSelection(config, '2013-14 Q1', 'NTH'));
    expect(nth.cards.find((c) => c.id === 'attached_year')).toMatchObject({ value: '20', status: 'no_target' });
    expect(nth.attachedChart.target).toBeUndefined();
    expect(nth.attachedChart.rows).toEqual([{ period: '2013-14 Q1', area_code: 'NTH', value: 20, flag: null }]);
  });

  it('falls back to the latest quarter for an unknown quarter or locality', () => {
    const fallback = normaliseSelection(config, '1999-00 Q1', 'XXX');
    expect([fallback.quarter.label, fallback.locality]).toEqual(['2013-14 Q2', null]);
    expect(normaliseSelection(config, '2013-14 Q1', 'NTH').quarter.label).toBe('2013-14 Q1');
  });

  it('writes the chart data with the quarterly target', () => {
    expect(model.attachedChart.target).toEqual([
      { period: '2013-14 Q1', value: 25 },
      { period: '2013-14 Q2', value: 25 },
    ]);
    expect(model.openChart.rows).toHaveLength(4);
  });
});

/** The public release's shape: locality quarters withheld, their flows over longer periods published instead. */
describe('buildDashboard on a release that publishes localities by longer periods', () => {
  const period = (label: string, type: string, area: string, measure: string, value: number | null, flag: string | null = null): PlainRow => ({
    quarter: label,
    period_type: type,
    quarter_start: '2013-04-01',
    area_code: area,
    area_type: area === 'E06000001' ? 'authority' : 'locality',
    measure,
    value,
    flag,
  });
  const authorityOnly = rows.filter((r) => r.area_code === 'E06000001' && r.measure !== 'families_attached_cumulative');
  const cumulative = (q: string, value: number | null, flag: string | null) => row(q, 'E06000001', 'families_attached_cumulative', value, flag);
  const publicRows: PlainRow[] = [
    ...authorityOnly,
    cumulative('2013-14 Q1', 26, null),
    cumulative('2013-14 Q2', null, '[c]'),
    period('2013-14 to Q2', 'financial_year_to_date', 'NTH', 'families_attached', 40, '[rd]'),
    period('2013-14 to Q2', 'financial_year_to_date', 'EST', 'families_attached', null, '[c]'),
    period('to 2013-14 Q2', 'programme_to_date', 'NTH', 'families_attached', 40, '[rd]'),
    period('to 2013-14 Q2', 'programme_to_date', 'E06000001', 'families_attached', 50, '[rd]'),
  ];
  const nth = buildDashboard(publicRows, config, normaliseSelection(config, null, 'NTH'));
  const authority = buildDashboard(publicRows, config, normaliseSelection(config, null, null));
  const card = (m: typeof nth, id: string) => m.cards.find((c) => c.id === id);

  it('shows a locality’s year to date and programme to date from the longer periods', () => {
    expect(card(nth, 'attached_year')).toMatchObject({ value: '40 [rd]', status: 'no_target' });
    expect(card(nth, 'attached_cumulative')?.value).toBe('40 [rd]');
    expect(card(nth, 'attached_year')?.change.text).toBe('not published quarter by quarter for this area');
  });

  it('says why a figure published for the council only is missing for a locality', () => {
    for (const id of ['open_caseload', 'outcomes_sustained', 'claims_income']) {
      expect(card(nth, id)?.subText).toMatch(/^Published for the council as a whole only/);
    }
    expect(nth.whatChanged).toContain('not published quarter by quarter');
    expect(nth.whatChanged).toContain('Open cases are not published by locality.');
  });

  it('shows a locality’s outcomes for the year so far where only the year is published', () => {
    const withYear = [...publicRows, period('2013-14 to Q2', 'financial_year_to_date', 'NTH', 'outcomes_sustained', 12)];
    const m = buildDashboard(withYear, config, normaliseSelection(config, null, 'NTH'));
    expect(card(m, 'outcomes_sustained')).toMatchObject({ label: 'Outcomes sustained in 2013-14 so far', value: '12' });
    expect(card(m, 'outcomes_achieved')?.subText).toMatch(/^Published for the council as a whole only/);
  });

  it('draws a locality’s mostly unpublished quarters by financial year, and the council’s open cases alone', () => {
    expect(nth.attachedChart.granularity).toBe('financial_year');
    expect(nth.attachedChart.rows).toEqual([{ period: '2013-14 to Q2', area_code: 'NTH', value: 40, flag: '[rd]' }]);
    expect(nth.attachedChart.summary).not.toMatch(/between/);
    expect(nth.openChart.rows.every((r) => r.area_code === 'E06000001')).toBe(true);
    expect(nth.openChart.title).toBe('Open cases');
  });

  it('keeps the target on a suppressed headline and says it cannot be judged, falling back to the programme to date', () => {
    // The running total is [c] this quarter; the programme-to-date flow (rounded) stands in for it.
    expect(card(authority, 'attached_cumulative')).toMatchObject({ value: '50 [rd]', status: 'on_track' });
    const hidden = buildDashboard(
      publicRows.filter((r) => r.period_type !== 'programme_to_date'),
      config,
      normaliseSelection(config, null, null),
    );
    const c = card(hidden, 'attached_cumulative');
    expect(c).toMatchObject({ value: '[c]', status: 'not_judged' });
    expect(c?.subText).toMatch(/Against a programme target of 400; .*cannot be judged/);
  });

  it('never writes a range from an all-zero series', () => {
    const zeros = rows.map((r) => (r.measure === 'families_attached' ? { ...r, value: 0, flag: null } : r));
    const m = buildDashboard(zeros, config, normaliseSelection(config, null, null));
    expect(m.attachedChart.summary).toMatch(/attached no families/);
    expect(m.attachedChart.summary).not.toMatch(/between 0 and 0/);
  });
});

describe('claims and the maximum income never contradict each other', () => {
  const unpaid: DashboardConfig = { ...config, phases: [{ ...config.phases[0]!, attachmentFees: {}, maxResultsPayment: 0, title: 'Phase 3' }] };
  it('explains claims made in a phase that pays nothing for this year’s families', () => {
    const m = buildDashboard(rows, unpaid, normaliseSelection(unpaid, null, null));
    const claims = m.cards.find((c) => c.id === 'claims_income');
    expect(claims?.value).toBe('£12,000');
    expect(claims?.subText).toContain('this year’s claims are for families attached in an earlier phase');
  });
});

describe('sumFlagged', () => {
  it('prefers [c] to [x] and rounds money to pence', () => {
    expect(sumFlagged([{ value: 1, flag: null }, { value: null, flag: '[x]' }, { value: null, flag: '[c]' }])).toEqual({ value: null, flag: '[c]' });
    expect(sumFlagged([{ value: 0.1, flag: null }, { value: 0.2, flag: null }])).toEqual({ value: 0.3, flag: null });
    expect(sumFlagged([])).toEqual({ value: null, flag: '[x]' });
    expect(sumFlagged([{ value: 10, flag: '[rd]' }, { value: 2, flag: null }])).toEqual({ value: 12, flag: '[rd]' });
    // With the release's base, a sum with rounded parts is rounded too: 117 [rd] would read as exact.
    expect(sumFlagged([{ value: 110, flag: '[rd]' }, { value: 7, flag: null }], 10)).toEqual({ value: 120, flag: '[rd]' });
  });
});
