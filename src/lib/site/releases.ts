/**
 * The releases the site serves at /releases/<slug>/: every public release in the release archive
 * (TFO_SITE_RELEASES, by default `releases/` when it exists; `npm run release` fills it), and the
 * public release the site is built from, under its own slug, until it is archived. Each is served
 * exactly as published: its manifest.json, the Parquet files the manifest lists (checked against
 * their SHA-256 at build time, so a damaged archive fails the build rather than being published)
 * and its revisions.json; and each table as CSV, written from its Parquet file. Only public manifests are accepted (readReleaseManifest refuses board).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { queryPublished } from '../data/published.ts';
import type { PlainRow } from '../data/plain-row.ts';
import { isGssFlag } from '../format/symbols.ts';
import { FIGURE_KEYS, figureOf, shownValue, type Figure, type RevisedTable } from '../outputs/figures.ts';
import { listArchive, readReleaseManifest, releaseSlug, type ArchivedManifest, type ArchivedRelease } from '../outputs/releases.ts';
import { REVISIONS_FILE, revisionsLogSchema } from '../outputs/revisions.ts';
import { MANIFEST_FILE, OUTPUT_TABLES, type OutputTable } from '../outputs/tables.ts';
import { SiteBuildError, siteBuild, type SiteBuild } from './site-build.ts';

export const SITE_RELEASES_ENV = 'TFO_SITE_RELEASES';
/** Where the analyst keeps the release archive unless TFO_SITE_RELEASES says otherwise. */
export const DEFAULT_RELEASES_DIR = 'releases';

export interface ReleaseFile {
  name: string;
  path: string;
  bytes: number;
  sha256: string;
  /** Rows of a table, as its manifest says; null for the JSON files. */
  rows: number | null;
  /** The published table a Parquet file holds, which is also served as CSV (<table>.csv); null for the JSON files. */
  table: OutputTable | null;
}

export interface SiteRelease {
  slug: string;
  manifest: ArchivedManifest;
  /** True for the release the site's figures come from. */
  current: boolean;
  files: ReleaseFile[];
  /** Figures this release revised (from its revisions log). */
  revised: number;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function describe(release: Pick<ArchivedRelease, 'folder' | 'manifest' | 'slug'>, current: boolean): SiteRelease {
  const { folder, manifest } = release;
  const files: ReleaseFile[] = [MANIFEST_FILE, ...manifest.outputs.map((o) => o.file)].map((name) => {
    const path = join(folder, name);
    if (!existsSync(path)) throw new SiteBuildError(`${path}: missing, though ${join(folder, MANIFEST_FILE)} lists it; restore the release as it was published.`);
    const hash = sha256(path);
    const listed = manifest.outputs.find((o) => o.file === name);
    if (listed && listed.sha256 !== hash) throw new SiteBuildError(`${path}: its SHA-256 differs from ${join(folder, MANIFEST_FILE)}; restore the release as it was published.`);
    const table = (Object.keys(OUTPUT_TABLES) as OutputTable[]).find((t) => OUTPUT_TABLES[t].file === name) ?? null;
    return { name, path, bytes: statSync(path).size, sha256: hash, rows: listed?.rows ?? null, table };
  });
  let revised = 0;
  const log = join(folder, REVISIONS_FILE);
  if (existsSync(log)) {
    const parsed = revisionsLogSchema.safeParse(JSON.parse(readFileSync(log, 'utf8')));
    if (!parsed.success) throw new SiteBuildError(`${log}: not a revisions log the pipeline wrote; restore the release as it was published.`);
    revised = parsed.data.revisions.filter((r) => r.revised === manifest.released).length;
    files.push({ name: REVISIONS_FILE, path: log, bytes: statSync(log).size, sha256: sha256(log), rows: null, table: null });
  }
  return { slug: release.slug, manifest, current, files, revised };
}

let memo: { key: string; releases: SiteRelease[] } | null = null;

/** Every release the build serves, newest first; the archive's own copy wins over the build's data. */
export function siteReleases(build: Pick<SiteBuild, 'audience' | 'dataDir'> = siteBuild(), env: NodeJS.ProcessEnv = process.env): SiteRelease[] {
  const archiveDir = env[SITE_RELEASES_ENV] || DEFAULT_RELEASES_DIR;
  const key = `${build.audience}\u0000${build.dataDir}\u0000${archiveDir}`;
  if (memo?.key === key) return memo.releases;
  let archived: ArchivedRelease[];
  try {
    archived = listArchive(archiveDir);
  } catch (error) {
    throw new SiteBuildError(`${SITE_RELEASES_ENV}=${archiveDir}: ${(error as Error).message}`);
  }
  const releases = archived.map((r) => describe(r, false));
  // The board site's own data is unsuppressed: only the public site serves the release it shows.
  if (build.audience === 'public' && existsSync(join(build.dataDir, MANIFEST_FILE))) {
    const manifest = readReleaseManifest(build.dataDir);
    const slug = releaseSlug(manifest.extract_period.last_quarter);
    const same = releases.find((r) => r.slug === slug);
    if (same) {
      if (same.manifest.released === manifest.released) same.current = true;
    } else {
      releases.push(describe({ slug, folder: build.dataDir, manifest }, true));
    }
  }
  releases.sort((a, b) => (a.slug < b.slug ? 1 : a.slug > b.slug ? -1 : 0));
  memo = { key, releases };
  return releases;
}

/** Runs SQL over Parquet files: the build's DuckDB by default. */
export type ReadRows = (sql: string) => Promise<PlainRow[]>;

const buildRows: ReadRows = (sql) => queryPublished({ name: 'revision-check', params: [], sql }, {});

/** Reads the figures of one table of a served release. */
async function releaseFigures(release: SiteRelease, table: RevisedTable, read: ReadRows): Promise<Map<string, Figure>> {
  const file = release.files.find((f) => f.table === table);
  const figures = new Map<string, Figure>();
  if (!file) return figures;
  const columns = [...FIGURE_KEYS[table], 'value', 'flag'].map((c) => `"${c}"`).join(', ');
  // The path comes from the archive listing, never from a request.
  const sql = `SELECT ${columns} FROM read_parquet('${file.path.replaceAll("'", "''")}')`;
  for (const row of await read(sql)) {
    const value = typeof row.value === 'number' ? row.value : null;
    const flag = typeof row.flag === 'string' && isGssFlag(row.flag) ? row.flag : null;
    const f = figureOf(table, { ...row, value, flag });
    figures.set(identity(f), f);
  }
  return figures;
}

const identity = (f: Pick<Figure, 'measure' | 'breakdown' | 'area_code' | 'period'>) => [f.measure, f.breakdown, f.area_code, f.period].join('\u0000');
const same = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

/**
 * Checks every revisions log the site serves against the releases it serves, so an edited log
 * cannot publish a number no release published: each revision a release made must name a figure
 * of that release with the value and symbol it has there, and, when the earlier release is
 * served too, the value that release showed ("was"; a withheld figure is never a number).
 */
export async function checkRevisionLogs(releases: readonly SiteRelease[], read: ReadRows = buildRows): Promise<void> {
  for (const release of releases) {
    const file = release.files.find((f) => f.name === REVISIONS_FILE);
    if (!file) continue;
    const log = revisionsLogSchema.parse(JSON.parse(readFileSync(file.path, 'utf8')));
    const cache = new Map<string, Map<string, Figure>>();
    const figuresOf = async (r: SiteRelease, table: RevisedTable) => {
      const key = `${r.slug}/${table}`;
      if (!cache.has(key)) cache.set(key, await releaseFigures(r, table, read));
      return cache.get(key)!;
    };
    for (const [i, entry] of log.revisions.entries()) {
      if (entry.revised !== release.manifest.released) continue;
      const where = `${file.path}: revisions.${i} (${entry.table} ${entry.measure} ${entry.breakdown} ${entry.area_code} ${entry.period})`;
      const fix = 'restore the revisions log the pipeline wrote.';
      if (!Object.hasOwn(FIGURE_KEYS, entry.table)) throw new SiteBuildError(`${where}: "${entry.table}" is not a table revisions are made in; ${fix}`);
      const table = entry.table as RevisedTable;
      const now = (await figuresOf(release, table)).get(identity(entry));
      if (!now || !same(shownValue(now), entry.now) || now.flag !== entry.now_flag) {
        throw new SiteBuildError(`${where}: "now" does not match the figure in the release's ${table} table; ${fix}`);
      }
      const earlier = releases.find((r) => r.manifest.released === entry.first_released);
      if (!earlier) continue;
      const was = (await figuresOf(earlier, table)).get(identity(entry));
      if (!was || !same(shownValue(was), entry.was)) {
        throw new SiteBuildError(`${where}: "was" is not the figure the ${earlier.manifest.extract_period.last_quarter} release published; ${fix}`);
      }
    }
  }
}
