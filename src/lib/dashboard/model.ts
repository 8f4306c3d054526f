/**
 * The dashboard for one quarter (and optionally one locality), built from the rows of the shared
 * query `dashboardSeries`. Pure: the page calls it at build time and the browser calls it after
 * running the same SQL on DuckDB-WASM, so both views always agree. Every figure is formatted
 * here, so the page and the browser script only place text.
 */
import type { CellValue, TableColumn, TableRow } from '../../components/DataTable/types.ts';
import type { PlainRow } from '../data/plain-row.ts';
import { changeDirection, formatChange, type ChangeDirection } from '../format/change.ts';
import { formatCount, formatMoney, formatPercent } from '../format/number.ts';
import type { Status } from '../format/status.ts';
import { formatValue, type FormatUnit } from '../format/value.ts';
import { isGssFlag } from '../format/symbols.ts';
import { addQuarters, financialYearLabel, parseQuarter, quarterLabel, quarterStart, type FinancialQuarter } from '../period/quarter.ts';
import type { DashboardMeasure } from '../sql/dashboard-series.ts';
import type { DashboardConfig } from './config.ts';
import { NOT_AVAILABLE, sumFlagged, type Flagged } from './flagged.ts';
import { expectedThisYear, expectedToDate, trajectoryStatus } from './targets.ts';
import { whatChanged } from './what-changed.ts';

export interface DashboardSelection {
  readonly quarter: string;
  /** A locality code, or null for the whole authority. */
  readonly locality: string | null;
}

export const CARD_IDS = ['attached_year', 'attached_cumulative', 'outcomes_achieved', 'outcomes_sustained', 'claims_income', 'open_caseload'] as const;
export type CardId = (typeof CARD_IDS)[number];

export interface DashboardCard {
  readonly id: CardId;
  readonly label: string;
  readonly value: string;
  readonly subText: string;
  readonly change: { readonly direction: ChangeDirection; readonly text: string };
  readonly status: Status;
}

export interface TrendRow {
  readonly period: string;
  readonly area_code: string;
  readonly value: number | null;
  readonly flag: string | null;
}

export interface DashboardChart {
  readonly rows: readonly TrendRow[];
  readonly periods: readonly string[];
  readonly seriesLabels: Readonly<Record<string, string>>;
  readonly target?: readonly { readonly period: string; readonly value: number | null }[];
  readonly title: string;
  readonly caption: string;
  readonly summary: string;
}

export interface DashboardModel {
  readonly selection: DashboardSelection;
  readonly areaName: string;
  readonly year: string;
  readonly heading: string;
  readonly cards: readonly DashboardCard[];
  readonly table: { readonly caption: string; readonly columns: readonly TableColumn[]; readonly rows: readonly TableRow[] };
  readonly attachedChart: DashboardChart;
  readonly openChart: DashboardChart;
  readonly whatChanged: string;
}

/** Quarters shown in the trend charts: three years is enough to see a trend without crowding. */
export const TREND_QUARTERS = 12;

type Lookup = (quarter: string, area: string, measure: DashboardMeasure) => Flagged;

export function indexRows(rows: readonly PlainRow[]): Lookup {
  const byKey = new Map<string, Flagged>();
  for (const row of rows) {
    const flag = typeof row.flag === 'string' && isGssFlag(row.flag) ? row.flag : null;
    const value = typeof row.value === 'number' ? row.value : null;
    byKey.set(`${String(row.quarter)}|${String(row.area_code)}|${String(row.measure)}`, { value, flag: value === null && flag === null ? '[x]' : flag });
  }
  return (quarter, area, measure) => byKey.get(`${quarter}|${area}|${measure}`) ?? NOT_AVAILABLE;
}

/** A selection that names a published quarter and a known locality; anything else falls back. */
export function normaliseSelection(config: DashboardConfig, quarter: string | null, locality: string | null): DashboardSelection {
  const latest = config.quarters[config.quarters.length - 1] ?? '';
  return {
    quarter: quarter && config.quarters.includes(quarter) ? quarter : latest,
    locality: locality && config.localities.some((l) => l.code === locality) ? locality : null,
  };
}

/** First day of the selected quarter: the query's parameter. */
export function selectionParams(selection: DashboardSelection): { quarter_start: string } {
  return { quarter_start: quarterStart(parseLabel(selection.quarter)) };
}

export function buildDashboard(rows: readonly PlainRow[], config: DashboardConfig, selection: DashboardSelection): DashboardModel {
  const get = indexRows(rows);
  const q = parseLabel(selection.quarter);
  const quarter = selection.quarter;
  const first = config.quarters[0] ?? quarter;
  const previous = config.quarters.includes(quarterLabel(addQuarters(q, -1))) ? quarterLabel(addQuarters(q, -1)) : null;
  const year = financialYearLabel(q.startYear);
  const ytd = yearToDate(q, first);
  const locality = config.localities.find((l) => l.code === selection.locality) ?? null;
  const area = locality?.code ?? config.authority.code;
  const areaName = locality?.name ?? config.authority.name;
  const isAuthority = locality === null;

  const at = (m: DashboardMeasure, quarterLabelText: string | null, a = area): Flagged => (quarterLabelText ? get(quarterLabelText, a, m) : NOT_AVAILABLE);
  const sumYtd = (m: DashboardMeasure, a = area): Flagged => sumFlagged(ytd.map((x) => get(x, a, m)));

  const attachedYear = sumYtd('families_attached');
  const expectedYear = isAuthority ? expectedThisYear(config, quarter) : null;
  const yearTarget = config.cohortTargets[year];
  const cumulative = at('families_attached_cumulative', quarter);
  const expectedCumulative = isAuthority ? expectedToDate(config, quarter) : null;
  const attachedStatus = trajectoryStatus(attachedYear.value, expectedYear, config.thresholds);
  const cumulativeStatus = trajectoryStatus(cumulative.value, expectedCumulative, config.thresholds);

  const incomeYear = sumYtd('claim_amount_gbp');
  const claimsYear = sumYtd('claims');
  const maximum = maximumIncome(config, q, attachedYear);

  const noTargetText = isAuthority ? '' : ' Targets are set for the council as a whole, not by locality.';
  const cards: DashboardCard[] = [
    {
      id: 'attached_year',
      label: `Families attached in ${year}`,
      value: show(attachedYear, 'count'),
      subText:
        (yearTarget !== undefined && isAuthority
          ? `Against a target of ${formatCount(yearTarget)} for the year; ${formatCount(expectedYear ?? 0)} expected by the end of ${quarter}.`
          : `Up to the end of ${quarter}.`) + noTargetText,
      change: changeOf(at('families_attached', quarter), at('families_attached', previous), 'count', 'attached this quarter'),
      status: attachedStatus,
    },
    {
      id: 'attached_cumulative',
      label: 'Families attached since the programme began',
      value: show(cumulative, 'count'),
      subText: isAuthority
        ? `Against a programme target of ${formatCount(config.programmeTarget)}; ${formatCount(expectedCumulative ?? 0)} expected by the end of ${quarter}.`
        : `Up to the end of ${quarter}.${noTargetText}`,
      change: changeOf(cumulative, at('families_attached_cumulative', previous), 'count', null),
      status: cumulativeStatus,
    },
    {
      id: 'outcomes_achieved',
      label: `Outcomes achieved in ${quarter}`,
      value: show(at('outcomes_achieved', quarter), 'count'),
      subText: `${show(sumYtd('outcomes_achieved'), 'count')} in ${year} so far.`,
      change: changeOf(at('outcomes_achieved', quarter), at('outcomes_achieved', previous), 'count', null),
      status: 'no_target',
    },
    {
      id: 'outcomes_sustained',
      label: `Outcomes sustained in ${quarter}`,
      value: show(at('outcomes_sustained', quarter), 'count'),
      subText: `${show(sumYtd('outcomes_sustained'), 'count')} in ${year} so far.`,
      change: changeOf(at('outcomes_sustained', quarter), at('outcomes_sustained', previous), 'count', null),
      status: 'no_target',
    },
    {
      id: 'claims_income',
      label: `Results income claimed in ${year}`,
      value: show(incomeYear, 'gbp'),
      subText:
        `From ${show(claimsYear, 'count')} claims. ` +
        (maximum === null
          ? 'The maximum cannot be worked out while families attached is suppressed.'
          : maximum === 0
            ? 'This phase pays no attachment fees or results payments.'
          : `Maximum for families attached this year: ${formatMoney(maximum)}` +
            (incomeYear.value !== null && maximum > 0 ? ` (${formatPercent((incomeYear.value / maximum) * 100)} claimed).` : '.')),
      change: changeOf(at('claim_amount_gbp', quarter), at('claim_amount_gbp', previous), 'gbp', 'claimed this quarter'),
      status: 'no_target',
    },
    {
      id: 'open_caseload',
      label: 'Open cases',
      value: show(at('families_open', quarter), 'count'),
      subText: `Families with an open case at the end of ${quarter}.`,
      change: changeOf(at('families_open', quarter), at('families_open', previous), 'count', null),
      status: 'no_target',
    },
  ];

  const periods = trendPeriods(q, first);
  const labels: Record<string, string> = { [config.authority.code]: config.authority.name };
  for (const l of config.localities) labels[l.code] = l.name;

  const attachedRows = periods.map((p) => ({ period: p, area_code: area, ...flat(get(p, area, 'families_attached')) }));
  const target = isAuthority
    ? periods.map((p) => {
        const t = config.cohortTargets[financialYearLabel(parseLabel(p).startYear)];
        return { period: p, value: t === undefined ? null : t / 4 };
      })
    : undefined;
  const range = `${periods[0]} to ${quarter}`;
  const attachedChart: DashboardChart = {
    rows: attachedRows,
    periods,
    seriesLabels: labels,
    ...(target ? { target } : {}),
    title: 'Families attached each quarter',
    caption: `Families attached to the programme each quarter, ${areaName}, ${range}${target ? ', with the quarterly share of each year’s cohort target' : ''}.`,
    summary: attachedSummary(attachedRows, target, areaName, quarter),
  };

  const openRows = config.localities.flatMap((l) => periods.map((p) => ({ period: p, area_code: l.code, ...flat(get(p, l.code, 'families_open')) })));
  const openChart: DashboardChart = {
    rows: openRows,
    periods,
    seriesLabels: labels,
    title: 'Open cases by locality',
    caption: `Families with an open case at the end of each quarter, by locality, ${config.authority.name}, ${range}.`,
    summary: openSummary(config, get, quarter, periods[0] ?? quarter),
  };

  const tableRows: TableRow[] = [...config.localities.map((l) => ({ code: l.code, name: l.name })), { code: config.authority.code, name: config.authority.name }].map(
    ({ code, name }) => localityRow(config, get, code, name, quarter, ytd),
  );

  return {
    selection,
    areaName,
    year,
    heading: `${areaName}: ${quarter}`,
    cards,
    table: {
      caption: `Families, outcomes and claims by locality, ${config.authority.name}, ${quarter} and ${year} to date`,
      columns: TABLE_COLUMNS,
      rows: tableRows,
    },
    attachedChart,
    openChart,
    whatChanged: whatChanged({
      quarter,
      previousQuarter: previous,
      areaName,
      attached: { current: at('families_attached', quarter), previous: at('families_attached', previous) },
      openByLocality: config.localities.map((l) => ({ name: l.name, current: get(quarter, l.code, 'families_open'), previous: at('families_open', previous, l.code) })),
      targets: isAuthority
        ? [
            { label: `families attached in ${year}`, status: attachedStatus, actual: attachedYear, expected: expectedYear },
            { label: 'families attached since the programme began', status: cumulativeStatus, actual: cumulative, expected: expectedCumulative },
          ]
        : [],
    }),
  };
}

export const TABLE_COLUMNS: readonly TableColumn[] = [
  { key: 'area', label: 'Area' },
  { key: 'attached_quarter', label: 'Attached this quarter', numeric: true },
  { key: 'attached_year', label: 'Attached this year', numeric: true },
  { key: 'open', label: 'Open cases', numeric: true },
  { key: 'sustained_year', label: 'Outcomes sustained this year', numeric: true },
  { key: 'claims_year', label: 'Claims this year', numeric: true },
  { key: 'need_share', label: 'Share of need (%)', numeric: true, unit: 'percent', decimals: 1 },
  { key: 'attached_share', label: 'Share of families attached this year (%)', numeric: true, unit: 'percent', decimals: 1 },
];

function localityRow(config: DashboardConfig, get: Lookup, code: string, name: string, quarter: string, ytd: readonly string[]): TableRow {
  const totalNeed = config.localities.reduce((s, l) => s + l.need, 0);
  const need = code === config.authority.code ? totalNeed : (config.localities.find((l) => l.code === code)?.need ?? 0);
  const attachedYear = sumFlagged(ytd.map((x) => get(x, code, 'families_attached')));
  const authorityYear = sumFlagged(ytd.map((x) => get(x, config.authority.code, 'families_attached')));
  const share: CellValue =
    attachedYear.value === null || authorityYear.value === null
      ? { value: null, flag: attachedYear.flag ?? authorityYear.flag }
      : authorityYear.value === 0
        ? { value: null, flag: '[z]' }
        : (attachedYear.value / authorityYear.value) * 100;
  return {
    area: name,
    attached_quarter: get(quarter, code, 'families_attached'),
    attached_year: attachedYear,
    open: get(quarter, code, 'families_open'),
    sustained_year: sumFlagged(ytd.map((x) => get(x, code, 'outcomes_sustained'))),
    claims_year: sumFlagged(ytd.map((x) => get(x, code, 'claims'))),
    need_share: totalNeed > 0 ? (need / totalNeed) * 100 : null,
    attached_share: share,
  };
}

/**
 * The most a council could receive for the families attached this year: each family's
 * attachment fee for the year (where the phase pays one) plus the phase's largest results
 * payment. Null when the families attached are suppressed.
 */
export function maximumIncome(config: DashboardConfig, q: FinancialQuarter, attached: Flagged): number | null {
  if (attached.value === null) return null;
  const day = quarterStart(q);
  const phase = config.phases.find((p) => p.start <= day && (p.end === null || p.end >= day));
  if (!phase) return null;
  const year = financialYearLabel(q.startYear);
  const fee = phase.attachmentFees[year] ?? phase.attachmentFees['*'] ?? 0;
  return attached.value * (fee + phase.maxResultsPayment);
}

function attachedSummary(rows: readonly TrendRow[], target: DashboardChart['target'], areaName: string, quarter: string): string {
  const published = rows.filter((r) => r.value !== null);
  const last = rows[rows.length - 1];
  if (published.length === 0 || !last) return `No published figures for ${areaName} in these quarters.`;
  const values = published.map((r) => r.value ?? 0);
  const lastText = last.value === null ? `suppressed (${last.flag ?? '[x]'})` : formatCount(last.value);
  const t = target?.[target.length - 1]?.value;
  const against = t === null || t === undefined ? '' : `, against a quarterly share of the year’s target of ${formatCount(t)}`;
  return `${areaName} attached between ${formatCount(Math.min(...values))} and ${formatCount(Math.max(...values))} families a quarter over these ${rows.length} quarters. In ${quarter} the figure was ${lastText}${against}.`;
}

function openSummary(config: DashboardConfig, get: Lookup, quarter: string, from: string): string {
  const now = config.localities.map((l) => ({ name: l.name, v: get(quarter, l.code, 'families_open').value }));
  const published = now.filter((x): x is { name: string; v: number } => x.v !== null).sort((a, b) => b.v - a.v || a.name.localeCompare(b.name));
  const top = published[0];
  const low = published[published.length - 1];
  if (!top || !low) return `Open caseloads by locality are suppressed in ${quarter}.`;
  const hidden = now.length - published.length;
  return (
    `At the end of ${quarter} ${top.name} had the most open cases (${formatCount(top.v)}) and ${low.name} the fewest (${formatCount(low.v)}); the panels show each locality from ${from}.` +
    (hidden > 0 ? ` ${hidden} ${hidden === 1 ? 'locality’s figure is' : 'localities’ figures are'} suppressed this quarter.` : '')
  );
}

function yearToDate(q: FinancialQuarter, first: string): string[] {
  const firstStart = quarterStart(parseLabel(first));
  const out: string[] = [];
  for (let n = 1; n <= q.quarter; n++) {
    const p: FinancialQuarter = { startYear: q.startYear, quarter: n as 1 | 2 | 3 | 4 };
    // A year that began before the first published quarter counts only its published quarters.
    if (quarterStart(p) >= firstStart) out.push(quarterLabel(p));
  }
  return out;
}

function trendPeriods(q: FinancialQuarter, first: string): string[] {
  const firstStart = quarterStart(parseLabel(first));
  const out: string[] = [];
  for (let n = TREND_QUARTERS - 1; n >= 0; n--) {
    const p = addQuarters(q, -n);
    if (quarterStart(p) >= firstStart) out.push(quarterLabel(p));
  }
  return out;
}

/** "down 5 on last quarter", led by the quarter's own figure when the card shows another one. */
function changeOf(current: Flagged, previous: Flagged, unit: FormatUnit, lead: string | null): DashboardCard['change'] {
  const prefix = lead === null ? '' : `${show(current, unit)} ${lead}, `;
  const text = formatChange(current.value, previous.value, { unit, relative: false });
  if (text === null) {
    return { direction: 'none', text: `${prefix}no comparison with last quarter: a figure is suppressed or not available` };
  }
  return { direction: changeDirection(current.value ?? 0, previous.value ?? 0), text: `${prefix}${text} on last quarter` };
}

function show(v: Flagged, unit: FormatUnit): string {
  return formatValue(v.value, v.flag, unit);
}

function flat(v: Flagged): { value: number | null; flag: string | null } {
  return { value: v.value, flag: v.flag };
}

function parseLabel(label: string): FinancialQuarter {
  const q = parseQuarter(label);
  if (!q) throw new Error(`buildDashboard: "${label}" is not a quarter label such as "2013-14 Q2"`);
  return q;
}
