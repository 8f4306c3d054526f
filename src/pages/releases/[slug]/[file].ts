/**
 * /releases/<slug>/<file>: each file of an archived release, byte for byte as it was published
 * (manifest.json, the Parquet files it lists with their SHA-256, revisions.json), so a reader can
 * check a past release against its manifest and a citation of it stays good.
 */
import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteReleases, type ReleaseFile } from '../../../lib/site/releases.ts';

export const prerender = true;

export const getStaticPaths = (() =>
  siteReleases().flatMap((release) => release.files.map((file) => ({ params: { slug: release.slug, file: file.name }, props: { file } })))) satisfies GetStaticPaths;

const TYPES: Readonly<Record<string, string>> = { json: 'application/json; charset=utf-8', parquet: 'application/vnd.apache.parquet' };

export const GET: APIRoute = ({ props }) => {
  const { file } = props as { file: ReleaseFile };
  const type = TYPES[file.name.split('.').at(-1) ?? ''] ?? 'application/octet-stream';
  return new Response(readFileSync(file.path), { headers: { 'Content-Type': type } });
};
