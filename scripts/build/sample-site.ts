/**
 * Builds the shipped sample's data and the site into one folder, for browser tests and
 * benchmarks: the pipeline writes public/data, then Astro builds into `outDir`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const SAMPLE_SITE_DIR = '.cache/test-site';

export function buildSampleSite(outDir = SAMPLE_SITE_DIR): void {
  const run = (args: string[]) => execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  run(['--import', 'tsx', 'scripts/cli/data.ts', '--extracts', 'data/sample', '--audience', 'public', '--quiet']);
  run(['node_modules/astro/bin/astro.mjs', 'build', '--silent', '--outDir', outDir]);
}

/** Builds only when the folder has no site yet. */
export function ensureSampleSite(outDir = SAMPLE_SITE_DIR): string {
  if (!existsSync(join(outDir, 'index.html'))) buildSampleSite(outDir);
  return outDir;
}
