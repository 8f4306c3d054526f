/**
 * /releases/<slug>/<file>: each file of an archived release, byte for byte as it was published
 * (manifest.json, the Parquet files it lists with their SHA-256, revisions.json), so a reader can
 * check a past release against its manifest and a citation of it stays good; and each of its
 * tables as CSV (<table>.csv), written from that Parquet file by the open data's CSV writer.
 */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { queryPublished } from '../../../lib/data/published.ts';
import { tableCsv, tableCsvSql } from '../../../lib/outputs/table-csv.ts';
import { siteReleases, type ReleaseFile } from '../../../lib/site/releases.ts';

export const prerender = true;

export const getStaticPaths = (() =>
  siteReleases().flatMap((release) =>
    release.files.flatMap((file) => [
      { params: { slug: release.slug, file: file.name }, props: { file, csv: false } },
      ...(file.table ? [{ params: { slug: release.slug, file: `${file.table}.csv` }, props: { file, csv: true } }] : []),
    ]),
  )) satisfies GetStaticPaths;

const TYPES: Readonly<Record<string, string>> = { json: 'application/json; charset=utf-8', parquet: 'application/vnd.apache.parquet' };

export const GET: APIRoute = async ({ props }) => {
  const { file, csv } = props as { file: ReleaseFile; csv: boolean };
  if (csv && file.table) {
    // The path comes from the archive listing, never from a request.
    const source = `read_parquet('${file.path.replaceAll("'", "''")}')`;
    const rows = await queryPublished({ name: `release-${file.table}`, params: [], sql: tableCsvSql(file.table, source) }, {});
    return new Response(tableCsv(file.table, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  }
  const type = TYPES[file.name.split('.').at(-1) ?? ''] ?? 'application/octet-stream';
  return new Response(readFileSync(file.path), { headers: { 'Content-Type': type } });
};
