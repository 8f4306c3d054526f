// Astro configuration: a static site that loads nothing from another origin, so it can be
// published on a council's own web server, behind a firewall or from a file share.
import { defineConfig, passthroughImageService } from 'astro/config';

// Astro reads this when it would send a usage event, which is after the config has loaded, so
// setting it here keeps every build (CI, a council's laptop) from calling home. An explicit
// value in the environment wins.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

export default defineConfig({
  // SITE_URL gives canonical absolute URLs when known; pages link root-relatively either way.
  site: process.env.SITE_URL || undefined,
  // SITE_BASE publishes the site from a sub-folder ("/outcomes/"); links go through withBase().
  base: process.env.SITE_BASE || '/',
  output: 'static',
  build: {
    // /methodology/index.html, so links end in "/" and work on any static file server.
    format: 'directory',
  },
  // No integrations: each would be another thing that could fetch from the network at build.
  integrations: [],
  devToolbar: { enabled: false },
  prefetch: false,
  // No sharp, no remote images: the site has no raster images to optimise.
  image: { service: passthroughImageService(), domains: [], remotePatterns: [] },
  vite: {
    // DuckDB-WASM's engine is imported with `?url` and fetched by its worker: an asset, never inlined.
    assetsInclude: ['**/*.wasm'],
    build: {
      // Small icons may be inlined (Vite's 4 KiB default); data and WebAssembly always stay files
      // so the browser caches them and pages stay small. Returning undefined keeps the default.
      assetsInlineLimit: (file) => (/\.(wasm|parquet|csv|json)$/.test(file) ? false : undefined),
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
