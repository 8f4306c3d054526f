/**
 * A national-scale Parquet file for a browser benchmark: generated once into .cache, then served
 * from the built site's own origin (the pages read same-origin files only), as `/bench/<name>`.
 */
import { existsSync, linkSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export async function serveFromSite(siteDir: string, file: string, name: string, generate: (file: string) => Promise<number>): Promise<{ readonly path: string; readonly fileBytes: number; readonly remove: () => void }> {
  if (!existsSync(file)) {
    const started = performance.now();
    const rows = await generate(file);
    console.log(`Generated ${rows.toLocaleString('en-GB')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const benchDir = join(siteDir, 'bench');
  const served = join(benchDir, name);
  mkdirSync(benchDir, { recursive: true });
  rmSync(served, { force: true });
  linkSync(file, served);
  return { path: `/bench/${name}`, fileBytes: statSync(served).size, remove: () => rmSync(served, { force: true }) };
}
