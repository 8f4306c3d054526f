/**
 * /data/<table>.csv: each published Parquet table as CSV, written at build time from the same
 * files, so readers without Parquet tools get identical figures. A suppressed value is "[c]".
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { queryPublished } from '../../lib/data/published.ts';
import { tableCsv, tableCsvSql } from '../../lib/outputs/table-csv.ts';
import { OUTPUT_TABLES, type OutputTable } from '../../lib/outputs/tables.ts';

export const prerender = true;

export const getStaticPaths = (() =>
  (Object.keys(OUTPUT_TABLES) as OutputTable[]).map((table) => ({ params: { table } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const table = String(params.table) as OutputTable;
  const rows = await queryPublished({ name: `open-data-${table}`, params: [], sql: tableCsvSql(table, table) }, {});
  return new Response(tableCsv(table, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
