/**
 * The harness page's eager script, shaped like a site page: it imports the browser data layer
 * statically, yet DuckDB-WASM, hyparquet and Arrow must not load until the first click. Settings
 * come from data attributes so this script imports nothing from the test's spec.
 */
import { getDuckDB } from '../../../src/lib/browser/duckdb.ts';
import { loadParquetTable } from '../../../src/lib/browser/parquet.ts';
import { queryRows } from '../../../src/lib/browser/query.ts';
import { liveStatus, reasonOf } from '../../../src/lib/browser/status.ts';

const view = document.getElementById('view');
const region = document.getElementById('status');
const button = document.getElementById('start');
const out = document.getElementById('out');
if (!view || !region || !button || !out) throw new Error('harness page is missing its elements');
const { parquet = '', table = '', quarter = '' } = view.dataset;
const status = liveStatus(region, { quarter, busy: out });

button.addEventListener(
  'click',
  async () => {
    status.loading();
    try {
      let started = performance.now();
      const conn = await getDuckDB();
      const startMs = performance.now() - started;

      started = performance.now();
      const full = await loadParquetTable(conn, new URL(parquet, document.baseURI).href, { name: table });
      const loadMs = performance.now() - started;

      started = performance.now();
      const [summary] = await queryRows<{ row_count: number }>(`SELECT count(*) AS row_count FROM ${table}`, undefined, conn);
      const firstQueryMs = performance.now() - started;

      const { runScenarios } = await import('./scenarios.ts');
      const report = await runScenarios(conn, { startMs, loadMs, firstQueryMs, full });
      out.textContent = JSON.stringify(report, null, 2);
      window.harnessReport = report;
      status.ready(`Loaded ${(summary?.row_count ?? 0).toLocaleString('en-GB')} rows.`);
    } catch (error) {
      status.failed(error);
      window.harnessError = reasonOf(error);
    }
  },
  { once: true },
);
