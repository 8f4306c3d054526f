/**
 * Build-time entry: the default view, the latest quarter for the whole council, from the site's
 * reference data (src/lib/site-data) and the published Parquet (native DuckDB). Never import this
 * from browser code; the browser builds the same model in src/browser/dashboard/update.ts.
 */
import { queryPublished, readManifest } from '../data/published.ts';
import { quarterLabel, quarterRange, readQuarter } from '../period/quarter.ts';
import { siteBuild } from '../site/site-build.ts';
import { siteReference } from '../site-data/site-data.ts';
import { dashboardSeries } from '../sql/dashboard-series.ts';
import { dashboardConfig, type DashboardConfig } from './config.ts';
import { buildDashboard, normaliseSelection, selectionParams, type DashboardModel } from './model.ts';

export interface BuiltDashboard {
  readonly config: DashboardConfig;
  readonly model: DashboardModel;
}

let cached: Promise<BuiltDashboard> | null = null;

/** The latest quarter's dashboard; computed once per build and shared by the page and CSVs. */
export function latestDashboard(): Promise<BuiltDashboard> {
  cached ??= build();
  return cached;
}

async function build(): Promise<BuiltDashboard> {
  const manifest = readManifest();
  if (!manifest) throw new Error(`No published data in ${siteBuild().dataDir}: run \`npm run data -- --extracts data/sample\` first.`);
  const first = readQuarter(manifest.extract_period.first_quarter);
  const last = readQuarter(manifest.extract_period.last_quarter);
  if (!first || !last) throw new Error(`manifest.json: extract_period ${JSON.stringify(manifest.extract_period)} is not a pair of quarter labels.`);
  const { reference } = await siteReference();
  const config = dashboardConfig(reference.programme, reference.localities, quarterRange(first, last).map(quarterLabel));
  const selection = normaliseSelection(config, null, null);
  const rows = await queryPublished(dashboardSeries, selectionParams(selection));
  return { config, model: buildDashboard(rows, config, selection) };
}
