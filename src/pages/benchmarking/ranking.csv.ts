/** The explorer's default view as CSV: the rows the page shows before any choice is made. */
import type { APIRoute } from 'astro';
import { explorerBuild } from '../../lib/benchmarking/explorer-build.ts';
import { rankingCsv } from '../../lib/benchmarking/explorer.ts';
import { withBase } from '../../lib/site/navigation.ts';
import { siteData, siteNationalFigures } from '../../lib/site-data/site-data.ts';

export const GET: APIRoute = async () => {
  const data = await siteData();
  const figures = await siteNationalFigures();
  const { config, rows } = await explorerBuild(data.indicators, figures, data.authorityCode, withBase('/benchmarking/national.parquet', import.meta.env.BASE_URL));
  return new Response(rankingCsv(rows, config), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
