/**
 * DuckDB-WASM for interactive views, started lazily and served from the site's own origin.
 *
 * Importing this module costs a few hundred bytes: the engine itself (JS, worker and wasm) is only
 * fetched when getDuckDB() is first called, so pages that never become interactive never load it.
 * The wasm and worker files are imported with `?url`, which makes Vite/Astro copy them into the
 * build with hashed names; no request goes to a CDN.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection, DuckDBBundles, DuckDBConfig } from '@duckdb/duckdb-wasm';
import mvpModule from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehModule from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

export type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';

/**
 * Self-hosted bundles. The cross-origin-isolated (threads) bundle is left out on purpose: it needs
 * COOP/COEP headers that a static host may not send, and the datasets here are small enough for
 * one thread.
 */
const BUNDLES: DuckDBBundles = {
  mvp: { mainModule: mvpModule, mainWorker: mvpWorker },
  eh: { mainModule: ehModule, mainWorker: ehWorker },
};

const CONFIG: DuckDBConfig = {
  // Callers get plain numbers: BIGINT, HUGEINT sums and DECIMALs arrive as doubles, not BigInts.
  query: { castBigIntToDouble: true, castDecimalToDouble: true },
  allowUnsignedExtensions: false,
};

/**
 * Run before any other query. DuckDB-WASM would otherwise fetch extensions (parquet, json...)
 * from extensions.duckdb.org the first time a query needs one: that leaks a request to another
 * host and, in 1.32, fails with "function signature mismatch". Data arrives as Arrow tables
 * instead (see parquet.ts), so no extension is needed. The configuration is then locked so a
 * later query cannot switch autoloading back on.
 */
export const LOCKDOWN_SQL: readonly string[] = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  'SET lock_configuration = true',
];

let connection: Promise<AsyncDuckDBConnection> | undefined;

/** The page's one DuckDB connection, started on first call. A failed start is retried next call. */
export function getDuckDB(): Promise<AsyncDuckDBConnection> {
  connection ??= startDuckDB().catch((error: unknown) => {
    connection = undefined;
    throw error;
  });
  return connection;
}

async function startDuckDB(): Promise<AsyncDuckDBConnection> {
  const duckdb = await import('@duckdb/duckdb-wasm');
  const bundle = await duckdb.selectBundle(BUNDLES);
  if (!bundle.mainWorker) throw new Error('no DuckDB worker for this browser');
  const worker = new Worker(bundle.mainWorker);
  // VoidLogger: the default ConsoleLogger writes every query to the console.
  const db: AsyncDuckDB = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    await db.open(CONFIG);
    const conn = await db.connect();
    for (const sql of LOCKDOWN_SQL) await conn.query(sql);
    return conn;
  } catch (error) {
    await db.terminate();
    throw error;
  }
}
