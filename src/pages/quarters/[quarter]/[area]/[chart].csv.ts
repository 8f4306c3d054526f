/** CSV of exactly the figures each chart of a quarter's locality dashboard draws. */
import type { GetStaticPaths } from 'astro';
import { chartCsvPaths, chartCsvResponse } from '../../../../components/dashboard/chart-csv-routes.ts';

export const prerender = true;
export const getStaticPaths = (() => chartCsvPaths(true)) satisfies GetStaticPaths;
export const GET = chartCsvResponse;
