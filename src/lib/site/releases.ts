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
