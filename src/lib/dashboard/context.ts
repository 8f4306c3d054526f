/**
 * What every part of the dashboard reads for one selection: the published figures indexed by
 * period label, area and measure, and the selected quarter's place in the release. Longer periods
 * (the year to date, the programme to date) come from periods.parquet, where the public release
 * shows a flow that its quarters cannot.
 */
import type { PlainRow } from '../data/plain-row.ts';
import { rowFlagged } from '../data/flagged-value.ts';
import { addQuarters, financialYearLabel, parseQuarter, quarterLabel, quarterStart, type FinancialQuarter } from '../period/quarter.ts';
import { releasePeriods } from '../period/release-periods.ts';
import type { DashboardMeasure } from '../sql/dashboard-series.ts';
import type { DashboardConfig } from './config.ts';
import { isExact, NOT_AVAILABLE, sumFlagged, type Flagged } from './flagged.ts';
import type { DashboardSelection } from './types.ts';

/** Quarters shown in the trend charts: three years is enough to see a trend without crowding. */
export const TREND_QUARTERS = 12;

/** A published figure by period label ("2025-26 Q2", "2026-27 to Q2"), area and measure. */
export type Lookup = (period: string, area: string, measure: DashboardMeasure) => Flagged;

export interface DashboardContext {
  readonly config: DashboardConfig;
  readonly get: Lookup;
  /** Whether the release publishes the measure quarter by quarter for the area at all. */
  readonly byQuarter: (area: string, measure: DashboardMeasure) => boolean;
  /** Whether it publishes the measure for the area over some longer period up to this quarter. */
  readonly byLongerPeriod: (area: string, measure: DashboardMeasure) => boolean;
  readonly q: FinancialQuarter;
  readonly quarter: string;
  readonly previous: string | null;
  readonly first: FinancialQuarter;
  readonly year: string;
  /** The published quarters of the selected quarter's financial year, up to it. */
  readonly ytd: readonly string[];
  readonly area: string;
  readonly areaName: string;
  readonly isAuthority: boolean;
}

export function dashboardContext(rows: readonly PlainRow[], config: DashboardConfig, selection: DashboardSelection): DashboardContext {
  const q = selection.quarter;
  const first = parseLabel(config.quarters[0] ?? q.label);
  const previousLabel = quarterLabel(addQuarters(q, -1));
  const locality = config.localities.find((l) => l.code === selection.locality) ?? null;
  const { get, byQuarter, byLongerPeriod } = indexRows(rows);
  return {
    config,
    get,
    byQuarter,
    byLongerPeriod,
    q,
    quarter: q.label,
    previous: config.quarters.includes(previousLabel) ? previousLabel : null,
    first,
    year: financialYearLabel(q.startYear),
    ytd: yearQuarters(q, first),
    area: locality?.code ?? config.authority.code,
    areaName: locality?.name ?? config.authority.name,
    isAuthority: locality === null,
  };
}

export function indexRows(rows: readonly PlainRow[]): Pick<DashboardContext, 'get' | 'byQuarter' | 'byLongerPeriod'> {
  const byKey = new Map<string, Flagged>();
  const quarterly = new Set<string>();
  const longer = new Set<string>();
  for (const row of rows) {
    byKey.set(`${String(row.quarter)}|${String(row.area_code)}|${String(row.measure)}`, rowFlagged(row));
    // Rows written before periods.parquet existed have no period type: they are quarters.
    ((row.period_type ?? 'quarter') === 'quarter' ? quarterly : longer).add(`${String(row.area_code)}|${String(row.measure)}`);
  }
  return {
    get: (period, area, measure) => byKey.get(`${period}|${area}|${measure}`) ?? NOT_AVAILABLE,
    byQuarter: (area, measure) => quarterly.has(`${area}|${measure}`),
    byLongerPeriod: (area, measure) => longer.has(`${area}|${measure}`),
  };
}

/**
 * A flow over the financial year to the selected quarter: the quarters' sum when every one is
 * exact, else the release's own figure for the year to date, which it may show when the quarters
 * are suppressed or rounded.
 */
export function yearToDate(ctx: DashboardContext, measure: DashboardMeasure, area = ctx.area): Flagged {
  const sum = sumFlagged(ctx.ytd.map((x) => ctx.get(x, area, measure)), ctx.config.roundingBase);
  if (isExact(sum)) return sum;
  const whole = ctx.get(yearToDateLabel(ctx.first, ctx.q), area, measure);
  return preferPublished(whole, sum);
}

/** Families attached since the programme began: the running total, or the release's programme-to-date flow. */
export function attachedToDate(ctx: DashboardContext, area = ctx.area): Flagged {
  const running = ctx.get(ctx.quarter, area, 'families_attached_cumulative');
  if (running.value !== null) return running;
  const label = releasePeriods('programme_to_date', ctx.first, ctx.q)[0]?.label;
  const whole = label ? ctx.get(label, area, 'families_attached') : NOT_AVAILABLE;
  return preferPublished(whole, running);
}

/** The release's figure for the longer period where it shows one, or says why it does not ([c] before [x]). */
function preferPublished(whole: Flagged, parts: Flagged): Flagged {
  if (whole.value !== null) return whole;
  return parts.value === null && parts.flag === NOT_AVAILABLE.flag ? whole : parts;
}

/** The label periods.parquet gives the financial year up to and including `q`. */
export function yearToDateLabel(first: FinancialQuarter, q: FinancialQuarter): string {
  const type = q.quarter === 4 ? 'financial_year' : 'financial_year_to_date';
  return releasePeriods(type, first, q).at(-1)?.label ?? financialYearLabel(q.startYear);
}

function yearQuarters(q: FinancialQuarter, first: FinancialQuarter): string[] {
  const firstStart = quarterStart(first);
  const out: string[] = [];
  for (let n = 1; n <= q.quarter; n++) {
    const p: FinancialQuarter = { startYear: q.startYear, quarter: n as 1 | 2 | 3 | 4 };
    // A year that began before the first published quarter counts only its published quarters.
    if (quarterStart(p) >= firstStart) out.push(quarterLabel(p));
  }
  return out;
}

/** The trend charts' quarters: up to TREND_QUARTERS ending with the selected one. */
export function trendQuarters(ctx: DashboardContext): string[] {
  const firstStart = quarterStart(ctx.first);
  const out: string[] = [];
  for (let n = TREND_QUARTERS - 1; n >= 0; n--) {
    const p = addQuarters(ctx.q, -n);
    if (quarterStart(p) >= firstStart) out.push(quarterLabel(p));
  }
  return out;
}

export function parseLabel(label: string): FinancialQuarter {
  const q = parseQuarter(label);
  if (!q) throw new Error(`buildDashboard: "${label}" is not a quarter label such as "2013-14 Q2"`);
  return q;
}
