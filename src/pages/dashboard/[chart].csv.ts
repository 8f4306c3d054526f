/**
 * CSV of exactly the figures each dashboard chart draws for the latest quarter, written at build
 * time: /dashboard/attached-trend.csv and /dashboard/open-trend.csv.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CHART_IDS, chartCsv, type DashboardChartId } from '../../components/dashboard/dashboard-charts.ts';
import { latestDashboard } from '../../lib/dashboard/build-time.ts';

export const prerender = true;

export const getStaticPaths = (() => CHART_IDS.map((chart) => ({ params: { chart } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { model } = await latestDashboard();
  return new Response(chartCsv(params.chart as DashboardChartId, model), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
