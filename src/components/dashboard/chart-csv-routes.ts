/**
 * The chart CSVs of every dashboard view, one file per chart beside its page
 * (/quarters/2025-26-q2/attached-trend.csv): the two endpoint routes (council and locality) share
 * their paths and responses from here.
 */
import type { APIRoute } from 'astro';
import { dashboardView, siteDashboardConfig } from '../../lib/dashboard/build-time.ts';
import { dashboardPages } from '../../lib/dashboard/pages.ts';
import { CHART_IDS, chartCsv, type DashboardChartId } from './dashboard-charts.ts';

interface ViewProps {
  readonly quarter: string;
  readonly locality: string | null;
}

/** Static paths for the council's views (`locality: false`) or the localities'. */
export async function chartCsvPaths(locality: boolean) {
  return dashboardPages(await siteDashboardConfig())
    .filter((p) => (p.locality !== null) === locality)
    .flatMap((p) => CHART_IDS.map((chart) => ({ params: { ...p.params, chart }, props: { quarter: p.quarter, locality: p.locality } satisfies ViewProps })));
}

export const chartCsvResponse: APIRoute = async ({ params, props }) => {
  const { quarter, locality } = props as ViewProps;
  const { model } = await dashboardView(quarter, locality);
  return new Response(chartCsv(params.chart as DashboardChartId, model), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
