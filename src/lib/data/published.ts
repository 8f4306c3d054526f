/**
 * Build-time access to the published Parquet (the build's data folder: public/data, or
 * .board/data for the board site; see src/lib/site/site-build.ts): native DuckDB with one view per
 * output table, named as in OUTPUT_TABLES, so the shared SQL in src/lib/sql runs unchanged here
 * and in the browser (where src/lib/browser/published.ts registers tables of the same names).
 * Pages render their default view from these rows; nothing row-level is ever read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { MANIFEST_FILE, OUTPUT_TABLES, type Manifest, type OutputTable } from '../outputs/tables.ts';
import { readRelease } from '../site/release.ts';
import { siteBuild } from '../site/site-build.ts';
import { bindParams, type SqlQuery } from '../sql/query.ts';
import { plainRow, type PlainRow } from './plain-row.ts';

let shared: Promise<DuckDBConnection> | null = null;

/** One connection for the whole build: every page's queries share the views. */
export function publishedData(dir = siteBuild().dataDir): Promise<DuckDBConnection> {
  shared ??= openPublished(dir);
  return shared;
}

async function openPublished(dir: string): Promise<DuckDBConnection> {
  if (!existsSync(join(dir, MANIFEST_FILE))) {
    throw new Error(`No published data in ${dir}. Run \`npm run data -- --extracts data/sample\` first (npm run build does).`);
  }
  // Endpoints (CSV downloads) read the data without rendering the layout: check the audience here too.
  readRelease({ audience: siteBuild().audience, dataDir: dir });
  const instance = await DuckDBInstance.create(':memory:', {
    autoload_known_extensions: 'false',
    autoinstall_known_extensions: 'false',
  });
  const conn = await instance.connect();
  for (const [name, { file }] of Object.entries(OUTPUT_TABLES) as [OutputTable, { file: string }][]) {
    const path = join(dir, file).replaceAll("'", "''");
    await conn.run(`CREATE VIEW ${name} AS SELECT * FROM read_parquet('${path}')`);
  }
  return conn;
}

/** Runs a shared query and returns plain rows (numbers, ISO date strings, null). */
export async function queryPublished<P extends string>(
  query: SqlQuery<P>,
  values: Readonly<Record<P, string>>,
  dir = siteBuild().dataDir,
): Promise<PlainRow[]> {
  const conn = await publishedData(dir);
  const reader = await conn.runAndReadAll(query.sql, bindParams(query, values));
  return reader.getRowObjectsJS().map(plainRow);
}

/** The manifest of the published data, or null before the pipeline has run. */
export function readManifest(dir = siteBuild().dataDir): Manifest | null {
  // readRelease checks the fields the site relies on and that the audience suits this build.
  if (!readRelease({ audience: siteBuild().audience, dataDir: dir })) return null;
  return JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
}
