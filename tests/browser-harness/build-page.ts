/**
 * Builds the harness page with Vite, the bundler Astro uses, so `?url` imports of the DuckDB-WASM
 * worker and wasm behave as they will on the site: copied into the output with hashed names and
 * served from the same origin.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export const PAGE_ROOT = fileURLToPath(new URL('./page/', import.meta.url));

export async function buildHarnessPage(outDir: string): Promise<void> {
  await build({
    root: PAGE_ROOT,
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: { outDir, emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
  });
}

export interface AssetSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface BundleSizes {
  /** JavaScript the HTML loads up front (entry scripts and their module preloads). */
  readonly eager: AssetSize[];
  /** JavaScript chunks loaded by dynamic import, i.e. on first interaction. */
  readonly lazy: AssetSize[];
  /** Worker scripts and wasm binaries: fetched only when DuckDB starts. */
  readonly engine: AssetSize[];
}

/** Sizes of the built assets, split by when the page fetches them. */
export async function bundleSizes(outDir: string): Promise<BundleSizes> {
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const eagerFiles = new Set(
    [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/?([^"]+\.js)"/g)].map((match) => match[1] ?? ''),
  );
  const sizes: BundleSizes = { eager: [], lazy: [], engine: [] };
  for (const path of await listFiles(outDir)) {
    const file = relative(outDir, path);
    if (!/\.(m?js|wasm)$/.test(file)) continue;
    const content = await readFile(path);
    const size = { file, bytes: (await stat(path)).size, gzipBytes: gzipSync(content).length };
    if (eagerFiles.has(file)) sizes.eager.push(size);
    else if (file.endsWith('.wasm') || file.includes('.worker')) sizes.engine.push(size);
    else sizes.lazy.push(size);
  }
  return sizes;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)]))),
  );
  return nested.flat();
}
