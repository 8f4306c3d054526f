/**
 * /data/datapackage.json: a Frictionless Data Package (v2) for the open data, so the files can be
 * loaded with their types, missing-value symbols, keys and licence by any Frictionless tool.
 * Every schema is derived from the columns declared in src/lib/outputs/tables.ts.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute } from 'astro';
import { readManifest } from '../../lib/data/published.ts';
import { dataPackage } from '../../lib/outputs/datapackage.ts';
import { siteReference } from '../../lib/site-data/site-data.ts';
import { siteBuild } from '../../lib/site/site-build.ts';
import { COLUMN_DESCRIPTIONS, TABLE_DESCRIPTIONS, TABLE_TITLES } from './_open-data.ts';

export const prerender = true;

export const GET: APIRoute = async () => {
  const { dataDir } = siteBuild();
  const manifest = readManifest(dataDir);
  if (!manifest) throw new Error(`No manifest.json in ${dataDir}: run the data pipeline before building the site.`);
  const { council } = await siteReference();
  const pkg = dataPackage(
    manifest,
    {
      title: `${council.programme_name} programme outcomes: ${council.name}`,
      description:
        `Quarterly counts and indicators of ${council.name}'s ${council.programme_name} programme, ` +
        `${manifest.extract_period.first_quarter} to ${manifest.extract_period.last_quarter}. ` +
        `Disclosure control: ${manifest.suppression.rule}`,
      tableTitles: TABLE_TITLES,
      tableDescriptions: TABLE_DESCRIPTIONS,
      columnDescriptions: COLUMN_DESCRIPTIONS,
    },
    (file) => statSync(join(dataDir, file)).size,
  );
  return new Response(`${JSON.stringify(pkg, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
