/**
 * Build-time entry: each dashboard view (a quarter, the council or a locality), from the site's
 * reference data (src/lib/site-data) and the published Parquet (native DuckDB). Every view is a
 * static page (pages.ts), so no browser code builds the model.
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

let configOnce: Promise<DashboardConfig> | null = null;
const views = new Map<string, Promise<BuiltDashboard>>();

/** The latest quarter's dashboard for the council: the site's front page. */
export function latestDashboard(): Promise<BuiltDashboard> {
  return dashboardView(null, null);
}

/**
 * One view (a quarter label and a locality code; null for the latest quarter and the council),
 * built once per build and shared by its page and its CSVs.
 */
export function dashboardView(quarter: string | null, locality: string | null): Promise<BuiltDashboard> {
  const key = `${quarter ?? ''}|${locality ?? ''}`;
  let view = views.get(key);
  if (!view) {
    view = buildView(quarter, locality);
    views.set(key, view);
  }
  return view;
}

/** The dashboard's settings: targets, payment rules and the release's quarters. */
export function siteDashboardConfig(): Promise<DashboardConfig> {
  configOnce ??= loadConfig();
  return configOnce;
}

async function buildView(quarter: string | null, locality: string | null): Promise<BuiltDashboard> {
  const config = await siteDashboardConfig();
  const selection = normaliseSelection(config, quarter, locality);
  const rows = await queryPublished(dashboardSeries, selectionParams(selection));
  return { config, model: buildDashboard(rows, config, selection) };
}

async function loadConfig(): Promise<DashboardConfig> {
  const manifest = readManifest();
  if (!manifest) throw new Error(`No published data in ${siteBuild().dataDir}: run \`npm run data -- --extracts data/sample\` first.`);
  const first = readQuarter(manifest.extract_period.first_quarter);
  const last = readQuarter(manifest.extract_period.last_quarter);
  if (!first || !last) throw new Error(`manifest.json: extract_period ${JSON.stringify(manifest.extract_period)} is not a pair of quarter labels.`);
  const { reference } = await siteReference();
  return dashboardConfig(reference.programme, reference.localities, quarterRange(first, last).map(quarterLabel), manifest.suppression.rounding_base ?? reference.disclosure.rounding_base);
}
