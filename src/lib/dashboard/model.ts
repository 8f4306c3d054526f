/**
 * The dashboard for one quarter (and optionally one locality), built from the rows of the shared
 * query `dashboardSeries`. Pure: the page calls it at build time and the browser calls it after
 * running the same SQL on DuckDB-WASM, so both views always agree. Every figure is formatted
 * here, so the page and the browser script only place text. The parts are built by what they
 * are: cards.ts, locality-table.ts and trends.ts, over one context (context.ts).
 */
import type { PlainRow } from '../data/plain-row.ts';
import { readQuarter, type Quarter } from '../period/quarter.ts';
import { buildCards } from './cards.ts';
import type { DashboardConfig } from './config.ts';
import { attachedToDate, dashboardContext, yearToDate, type DashboardContext } from './context.ts';
import { expectedThisYear, expectedToDate } from './targets.ts';
import { localityTable } from './locality-table.ts';
import { attachedChart, openChart } from './trends.ts';
import { judged } from './cards.ts';
import type { DashboardModel, DashboardSelection } from './types.ts';
import { whatChanged } from './what-changed.ts';

export * from './types.ts';
export { maximumIncome } from './cards.ts';
export { TABLE_COLUMNS } from './locality-table.ts';
export { indexRows, TREND_QUARTERS } from './context.ts';

/**
 * The one place a wanted quarter (a URL's label, or none) becomes the quarter shown: a published
 * quarter as asked, else the latest. A locality that is not known falls back to the council.
 */
export function normaliseSelection(config: DashboardConfig, quarter: string | null, locality: string | null): DashboardSelection {
  const label = quarter && config.quarters.includes(quarter) ? quarter : config.quarters.at(-1);
  const chosen: Quarter | null = label ? readQuarter(label) : null;
  if (!chosen) throw new Error('normaliseSelection: the release has no published quarters');
  return {
    quarter: chosen,
    locality: locality && config.localities.some((l) => l.code === locality) ? locality : null,
  };
}

/** The query's parameter: the selected quarter's first day. */
export function selectionParams(selection: DashboardSelection): { quarter_start: string } {
  return { quarter_start: selection.quarter.start };
}

export function buildDashboard(rows: readonly PlainRow[], config: DashboardConfig, selection: DashboardSelection): DashboardModel {
  const ctx = dashboardContext(rows, config, selection);
  return {
    selection,
    areaName: ctx.areaName,
    year: ctx.year,
    heading: `${ctx.areaName}: ${ctx.quarter}`,
    cards: buildCards(ctx),
    table: localityTable(ctx),
    attachedChart: attachedChart(ctx),
    openChart: openChart(ctx),
    whatChanged: changes(ctx),
  };
}

function changes(ctx: DashboardContext): string {
  const { config, quarter, previous } = ctx;
  const at = (area: string, measure: 'families_attached' | 'families_open', period: string | null) => (period ? ctx.get(period, area, measure) : { value: null, flag: '[x]' as const });
  const attachedYear = yearToDate(ctx, 'families_attached');
  const cumulative = attachedToDate(ctx);
  const expectedYear = ctx.isAuthority ? expectedThisYear(config, quarter) : null;
  const expectedCumulative = ctx.isAuthority ? expectedToDate(config, quarter) : null;
  return whatChanged({
    quarter,
    previousQuarter: previous,
    areaName: ctx.areaName,
    attached: { current: at(ctx.area, 'families_attached', quarter), previous: at(ctx.area, 'families_attached', previous) },
    openByLocality: config.localities.map((l) => ({ name: l.name, current: at(l.code, 'families_open', quarter), previous: at(l.code, 'families_open', previous) })),
    targets: ctx.isAuthority
      ? [
          { label: `families attached in ${ctx.year}`, status: judged(ctx, attachedYear, expectedYear), actual: attachedYear, expected: expectedYear },
          { label: 'families attached since the programme began', status: judged(ctx, cumulative, expectedCumulative), actual: cumulative, expected: expectedCumulative },
        ]
      : [],
  });
}
