/**
 * The CSV behind the example figure on /components/: shows how a page writes a figure's data
 * at build time and passes its URL to Figure's `csvHref`.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { ATTACHED_CSV_COLUMNS, ATTACHED_ROWS } from '../../components/examples.ts';
import { toCsv } from '../../lib/format/csv.ts';
import { developerPaths } from '../../lib/site/developer-pages.ts';

export const prerender = true;

// Developer-only, like the page it belongs to: /components/example.csv or nothing.
export const getStaticPaths = (() => developerPaths({ example: 'example' })) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(toCsv(ATTACHED_CSV_COLUMNS, ATTACHED_ROWS), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
