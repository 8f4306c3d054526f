// The browser modules import DuckDB-WASM's worker and wasm files with Vite's `?url` suffix so the
// bundler copies them onto the site's own origin; this brings in the types for those imports.
/// <reference types="vite/client" />
