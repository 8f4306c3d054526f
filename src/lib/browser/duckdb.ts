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
import { boundedStart, ENGINE_START_LIMITS } from './bounded-start.ts';

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

/**
 * Starts the engine within ENGINE_START_LIMITS. Whatever stops it (a stricter security policy,
 * a browser without WebAssembly, a failed or stalled download) ends in a rejection with a reason
 * the page can show, never an endless wait.
 */
function startDuckDB(): Promise<AsyncDuckDBConnection> {
  let worker: Worker | undefined;
  return boundedStart(
    'the data engine',
    async ({ arriving, fail }) => {
      if (typeof WebAssembly !== 'object') throw new Error('this browser cannot run WebAssembly, which the interactive views need');
      const duckdb = await import('@duckdb/duckdb-wasm');
      const bundle = await duckdb.selectBundle(BUNDLES);
      if (!bundle.mainWorker) throw new Error('no DuckDB worker for this browser');
      try {
        worker = new Worker(bundle.mainWorker);
      } catch {
        // Thrown when a Content-Security-Policy forbids the worker.
        throw new Error("the browser or the site's security policy blocked the data engine's worker");
      }
      // DuckDB-WASM only logs a worker that fails to load (a 404, a policy block) and then waits
      // for ever: turn that into a failure here.
      worker.addEventListener('error', () => fail(new Error("the data engine's worker could not be loaded")));
      // The worker reports a failed engine download only by going quiet; ask the server about
      // the file alongside it (a HEAD request, nothing downloaded twice) to fail at once on a 404.
      void fetch(bundle.mainModule, { method: 'HEAD' }).then(
        (response) => response.ok || fail(new Error(`the data engine could not be downloaded (HTTP ${response.status})`)),
        () => fail(new Error('the data engine could not be downloaded')),
      );
      // VoidLogger: the default ConsoleLogger writes every query to the console.
      const db: AsyncDuckDB = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
      try {
        // Called as the engine's bytes arrive.
        await db.instantiate(bundle.mainModule, bundle.pthreadWorker, arriving);
        // A fast (cached) download may report no progress before it is done.
        arriving();
        await db.open(CONFIG);
        const conn = await db.connect();
        for (const sql of LOCKDOWN_SQL) await conn.query(sql);
        return conn;
      } catch (error) {
        await db.terminate();
        throw error;
      }
    },
    ENGINE_START_LIMITS,
    () => worker?.terminate(),
  );
}
