/** /indicators/<code>.csv: every published row of one indicator, written at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { indicatorCsv } from '../../lib/indicators/indicator-csv.ts';
import { siteData } from '../../lib/site-data/site-data.ts';

export const prerender = true;

export const getStaticPaths = (async () => {
  const data = await siteData();
  return data.indicators.map((i) => ({ params: { code: i.code } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  const rows = data.rowsByIndicator.get(String(params.code)) ?? [];
  return new Response(indicatorCsv(rows, data.areaNames), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
