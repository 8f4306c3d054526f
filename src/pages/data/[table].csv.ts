/**
 * /data/<table>.csv: each published Parquet table as CSV, written at build time from the same
 * files, so readers without Parquet tools get identical figures. A suppressed value is "[c]".
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { queryPublished } from '../../lib/data/published.ts';
import { toCsv } from '../../lib/format/csv.ts';
import { OUTPUT_TABLES, type OutputTable } from '../../lib/outputs/tables.ts';
import { columnsOf } from './_open-data.ts';

export const prerender = true;

export const getStaticPaths = (() =>
  (Object.keys(OUTPUT_TABLES) as OutputTable[]).map((table) => ({ params: { table } }))) satisfies GetStaticPaths;

const VALUE_COLUMNS = new Set(['value', 'numerator', 'ci_lower', 'ci_upper']);

export const GET: APIRoute = async ({ params }) => {
  const table = String(params.table) as OutputTable;
  const columns = columnsOf(table).map(([name]) => name);
  const order = columns.filter((c) => ['indicator_code', 'quarter_start', 'period_start', 'area_code', 'measure', 'breakdown', 'period'].includes(c));
  // Names come from the fixed column lists in tables.ts, never from the request.
  const rows = await queryPublished(
    { name: `open-data-${table}`, params: [], sql: `SELECT * FROM ${table} ORDER BY ${order.join(', ')}` },
    {},
  );
  const csv = toCsv(
    columns.map((name) => ({
      label: name,
      value: (row: Record<string, string | number | boolean | null>) => {
        const v = row[name] ?? null;
        if (v === null && VALUE_COLUMNS.has(name)) return typeof row.flag === 'string' ? row.flag : '[x]';
        return typeof v === 'boolean' ? String(v) : v;
      },
    })),
    rows,
  );
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
