/**
 * Builds the shipped sample's data and the public site into one folder, for browser tests and
 * benchmarks: the pipeline writes public/data, then Astro builds into `outDir`, with the same
 * environment as `npm run site` (public audience, telemetry off before Astro starts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const SAMPLE_SITE_DIR = '.cache/test-site';
/** The sample's release archive (npm run sample-archive): the pipeline compares with it and the site serves it. */
export const SAMPLE_ARCHIVE_DIR = 'data/sample/releases';
/** The analyst's reason for this release's revisions (--revision-reason), so tests see it reach the log and the page. */
export const SAMPLE_REVISION_REASON = 'Late attachments and closures recorded since the 2026-27 Q1 release.';

/** The environment `npm run site` gives Astro; a shell's own TFO_SITE_* settings do not leak in. */
export const PUBLIC_SITE_ENV: Readonly<Record<string, string>> = { ASTRO_TELEMETRY_DISABLED: '1', TFO_SITE_AUDIENCE: 'public', TFO_SITE_DATA: '' };

export function buildSampleSite(outDir = SAMPLE_SITE_DIR): void {
  const env = { ...process.env, ...PUBLIC_SITE_ENV, TFO_SITE_RELEASES: SAMPLE_ARCHIVE_DIR };
  const run = (args: string[]) => execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  run(['--import', 'tsx', 'scripts/cli/data.ts', '--extracts', 'data/sample', '--audience', 'public', '--archive', SAMPLE_ARCHIVE_DIR, '--revision-reason', SAMPLE_REVISION_REASON, '--quiet']);
  run(['node_modules/astro/bin/astro.mjs', 'build', '--silent', '--outDir', outDir]);
}

/** Builds only when the folder has no site yet. */
export function ensureSampleSite(outDir = SAMPLE_SITE_DIR): string {
  if (!existsSync(join(outDir, 'index.html'))) buildSampleSite(outDir);
  return outDir;
}
