/**
 * The dashboard's two trend charts as chart options and table data, shared by the build (which
 * renders them to SVG strings) and the browser (which redraws them after a change), so the
 * picture, its table and its CSV always come from one model.
 */
import { chartTable } from '../../charts/chart-table.ts';
import { lineTrend, type LineTrendOptions } from '../../charts/line-trend.ts';
import { smallMultiples, type SmallMultiplesOptions } from '../../charts/small-multiples.ts';
import { toCsv, type CsvColumn } from '../../lib/format/csv.ts';
import type { DashboardChart, DashboardModel, TrendGranularity, TrendRow } from '../../lib/dashboard/model.ts';
import type { TableColumn, TableRow } from '../DataTable/types.ts';

const AXIS: Readonly<Record<TrendGranularity, { readonly x: string; readonly target: string }>> = {
  quarter: { x: 'Quarter', target: 'Quarterly target' },
  financial_year: { x: 'Financial year', target: 'Target for the year' },
};

export const CHART_IDS = ['attached-trend', 'open-trend'] as const;
export type DashboardChartId = (typeof CHART_IDS)[number];

/** What both trend charts share: a series per area over the chart's periods, in counts. */
function trendOptions(chart: DashboardChart, document: Document | undefined) {
  return {
    width: 880,
    title: chart.title,
    description: chart.summary,
    x: 'period',
    series: 'area_code',
    seriesLabels: chart.seriesLabels,
    periods: chart.periods,
    unit: 'count',
    xLabel: AXIS[chart.granularity].x,
    ...(document ? { document } : {}),
  } as const;
}

function attachedOptions(model: DashboardModel, document?: Document): LineTrendOptions<TrendRow> {
  const c = model.attachedChart;
  return {
    ...trendOptions(c, document),
    id: 'attached-trend',
    height: 360,
    yLabel: 'Families attached',
    targetLabel: AXIS[c.granularity].target,
    ...(c.target ? { target: c.target } : {}),
  };
}

function openOptions(model: DashboardModel, document?: Document): SmallMultiplesOptions<TrendRow> {
  return { ...trendOptions(model.openChart, document), id: 'open-trend', yLabel: 'Open cases' };
}

/** Draws one chart; pass `document` at build time (serverDocument()), omit it in the browser. */
export function drawChart(id: DashboardChartId, model: DashboardModel, document?: Document): SVGSVGElement {
  return id === 'attached-trend'
    ? lineTrend(model.attachedChart.rows, attachedOptions(model, document))
    : smallMultiples(model.openChart.rows, openOptions(model, document));
}

export interface ChartData {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

/** Exactly the figures the chart draws, for "Show as table" and the CSV. */
export function chartData(id: DashboardChartId, model: DashboardModel): ChartData {
  const table =
    id === 'attached-trend'
      ? chartTable(model.attachedChart.rows, { chart: 'lineTrend', ...attachedOptions(model) })
      : chartTable(model.openChart.rows, { chart: 'smallMultiples', ...openOptions(model) });
  return {
    columns: table.columns.map((c) => ({ key: c.key, label: c.label, numeric: c.numeric, unit: 'count' as const })),
    rows: table.rows,
  };
}

export function chartCsv(id: DashboardChartId, model: DashboardModel): string {
  const { columns, rows } = chartData(id, model);
  const csvColumns: CsvColumn<TableRow>[] = columns.map((c) => ({
    label: c.label,
    value: (row) => {
      const v = row[c.key];
      // A qualified number keeps its symbol in the CSV too: "10 [rd]".
      if (v !== null && typeof v === 'object') return v.value === null ? v.flag : `${v.value} ${v.flag ?? ''}`.trim();
      return typeof v === 'number' || typeof v === 'string' ? v : null;
    },
  }));
  return toCsv(csvColumns, rows);
}
