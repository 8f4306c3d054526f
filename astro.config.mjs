// Astro configuration: a static site that loads nothing from another origin, so it can be
// published on a council's own web server, behind a firewall or from a file share.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, passthroughImageService } from 'astro/config';
import { readRelease } from './src/lib/site/release.ts';
import { SITE_FOLDERS, SiteBuildError, missingDataError, siteBuild } from './src/lib/site/site-build.ts';
import { siteCheck } from './scripts/site-check/integration.ts';

// The npm scripts set ASTRO_TELEMETRY_DISABLED=1 before Astro starts; this is the fallback for
// `npx astro ...` run by hand, so a council's laptop or CI never calls home either way.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

/** A settings mistake ends the run with its one-line message, not Astro's stack trace. */
function exitWith(error) {
  if (!(error instanceof SiteBuildError)) throw error;
  console.error(`error: ${error.message}`);
  process.exit(1);
}

let site;
try {
  site = siteBuild();
} catch (error) {
  exitWith(error);
}

/**
 * Keeps the public site and the board site apart. Before anything is built it checks that the
 * data folder holds a release and that it is for this site's audience (readRelease, the same
 * check every page makes, run first so a refused build writes nothing). After the build, a site
 * whose data lives outside public/ (the board site) gets the files its manifest lists as /data/,
 * in place of whatever Astro copied from public/data.
 */
function siteAudience() {
  return {
    name: 'tfo-site-audience',
    hooks: {
      'astro:config:setup': ({ command }) => {
        // `astro check` (sync) reads no data; dev, build and preview all serve it.
        if (command === 'sync') return;
        try {
          // The dev server serves /data/ straight from public/, so it would mix another data
          // folder's pages with public/data's files: preview a built site instead.
          if (command === 'dev' && resolve(site.dataDir) !== resolve(SITE_FOLDERS.public.dataDir)) {
            throw new SiteBuildError(
              `astro dev serves /data/ from ${SITE_FOLDERS.public.dataDir} only; build this site with \`npm run site:board\` ` +
                'and preview dist-board/ instead (`npm run start:board` does both on the sample).',
            );
          }
          // Every page of the site is built from a release; without one the build cannot succeed.
          if (!readRelease(site) && command === 'build') throw missingDataError(site);
        } catch (error) {
          exitWith(error);
        }
      },
      'astro:build:done': ({ dir }) => {
        const source = resolve(site.dataDir);
        const publicData = resolve(SITE_FOLDERS.public.dataDir);
        if (source === publicData) return;
        const target = join(fileURLToPath(dir), 'data');
        // What Astro copied from public/data is another release: remove it, keeping the CSVs
        // the build itself wrote from this site's data.
        if (existsSync(publicData)) for (const name of readdirSync(publicData)) rmSync(join(target, name), { recursive: true, force: true });
        const manifestFile = join(source, 'manifest.json');
        if (!existsSync(manifestFile)) return;
        mkdirSync(target, { recursive: true });
        const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
        for (const { file } of manifest.outputs) {
          // The pipeline writes plain file names; anything else is not one of its outputs.
          if (basename(file) !== file) throw new Error(`${manifestFile}: output "${file}" is not a file name in that folder.`);
          cpSync(join(source, file), join(target, file));
        }
        cpSync(manifestFile, join(target, 'manifest.json'));
      },
    },
  };
}

export default defineConfig({
  // SITE_URL gives canonical absolute URLs when known; pages link root-relatively either way.
  site: process.env.SITE_URL || undefined,
  // SITE_BASE publishes the site from a sub-folder ("/outcomes/"); links go through withBase().
  base: process.env.SITE_BASE || '/',
  output: 'static',
  // dist/ for the public site, dist-board/ for the board site; `--outDir` still wins.
  outDir: site.outDir,
  build: {
    // /methodology/index.html, so links end in "/" and work on any static file server.
    format: 'directory',
    // Every stylesheet is a file, never an inline <style>: the Content-Security-Policy in the
    // layout allows styles from the site's origin only (plus two hashed inline blocks).
    inlineStylesheets: 'never',
  },
  // No third-party integrations: each would be another thing that could fetch from the network
  // at build. Both here are local: the audience split (above), then the safety net, which reads
  // the finished site and fails the build on anything row-level, identifying or unsuppressed.
  integrations: [siteAudience(), siteCheck(site.audience)],
  devToolbar: { enabled: false },
  prefetch: false,
  // No sharp, no remote images: the site has no raster images to optimise.
  image: { service: passthroughImageService(), domains: [], remotePatterns: [] },
  vite: {
    // DuckDB-WASM's engine is imported with `?url` and fetched by its worker: an asset, never inlined.
    assetsInclude: ['**/*.wasm'],
    build: {
      // Small icons may be inlined (Vite's 4 KiB default); data and WebAssembly always stay files
      // so the browser caches them and pages stay small, and so do scripts, however small: the
      // Content-Security-Policy runs scripts from the site's origin only, never inline ones.
      // Returning undefined keeps the default.
      assetsInlineLimit: (file) => (/\.(wasm|parquet|csv|json|js|mjs|ts)$/.test(file) ? false : undefined),
    },
    worker: { format: 'es' },
    optimizeDeps: {
      // Pre-bundling would rewrite DuckDB-WASM's worker and wasm URLs in dev.
      exclude: ['@duckdb/duckdb-wasm'],
    },
    ssr: {
      // Native addon used at build time to read Parquet: load it from node_modules, never bundle it.
      external: ['@duckdb/node-api'],
    },
  },
});
