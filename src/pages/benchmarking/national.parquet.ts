/**
 * The national figures as Parquet, for the explorer to read with range requests (and for anyone
 * to download): written at build time from the checked national input.
 */
import type { APIRoute } from 'astro';
import { buildNationalParquet } from '../../lib/benchmarking/national-parquet.ts';
import { siteNationalFigures } from '../../lib/site-data/site-data.ts';

export const GET: APIRoute = async () => {
  const figures = await siteNationalFigures();
  const bytes = await buildNationalParquet(figures?.indicators ?? []);
  return new Response(bytes.slice().buffer as ArrayBuffer, { headers: { 'Content-Type': 'application/vnd.apache.parquet' } });
};
