/**
 * The browser data layer in real Chromium: a Vite-built page starts self-hosted DuckDB-WASM on
 * first click, loads a ZSTD Parquet file written by native DuckDB through hyparquet and Arrow,
 * and must give the same answers as native DuckDB without a request to any other origin.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { literal, openDuckDB } from '../../scripts/pipeline/duckdb.ts';
import { failureMessage } from '../../src/lib/browser/status.ts';
import { launchBrowser, recordRequests, type RequestLog } from './browser.ts';
import { buildHarnessPage, bundleSizes, type AssetSize, type BundleSizes } from './build-page.ts';
import { nativeRows, rowsMatch, type PlainRow } from './native.ts';
import {
  DATA_PATH,
  FILTERED_QUERY,
  FULL_TABLE,
  ID_RANGE,
  PARAM_QUERY,
  PRUNED_QUERY,
  QUERIES,
  SAMPLE_ROWS,
  SAMPLE_SELECT,
  SHOWN_QUARTER,
  type HarnessReport,
  type QueryName,
} from './page/spec.ts';
import { serveStatic, type ServedRequest, type StaticServer } from './static-server.ts';

let workDir: string;
let native: DuckDBConnection;
let server: StaticServer;
let browser: Browser;
let requests: RequestLog;
let beforeClick: ServedRequest[];
let report: HarnessReport;
let statusText: string;
let sizes: BundleSizes;
let groups: { total: number; overlapping: number; firstId: number; lastId: number };

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tfo-duckdb-wasm-'));
  const site = join(workDir, 'site');
  await buildHarnessPage(site);
  sizes = await bundleSizes(site);

  await mkdir(join(site, 'data'));
  const parquet = join(site, DATA_PATH);
  native = await openDuckDB();
  await native.run(`COPY (${SAMPLE_SELECT}) TO ${literal(parquet)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000)`);
  await native.run(`CREATE TABLE ${FULL_TABLE} AS FROM read_parquet(${literal(parquet)})`);
  // The id column's statistics say which row groups overlap ID_RANGE (ids ascend through the file).
  const [stats] = await nativeRows(
    native,
    `WITH g AS (
       SELECT row_group_id, stats_min_value::INTEGER AS lo, stats_max_value::INTEGER AS hi
       FROM parquet_metadata(${literal(parquet)}) WHERE path_in_schema = 'id')
     SELECT count(*) AS total, count(*) FILTER (WHERE hi >= ${ID_RANGE.from} AND lo < ${ID_RANGE.to}) AS overlapping,
       min(lo) FILTER (WHERE hi >= ${ID_RANGE.from} AND lo < ${ID_RANGE.to}) AS first_id,
       max(hi) FILTER (WHERE hi >= ${ID_RANGE.from} AND lo < ${ID_RANGE.to}) AS last_id
     FROM g`,
  );
  groups = {
    total: Number(stats?.total),
    overlapping: Number(stats?.overlapping),
    firstId: Number(stats?.first_id),
    lastId: Number(stats?.last_id),
  };
  await native.run(
    `CREATE TABLE pruned AS SELECT id, families FROM ${FULL_TABLE} WHERE id BETWEEN ${groups.firstId} AND ${groups.lastId}`,
  );
  await native.run(
    `CREATE TABLE filtered AS SELECT id, locality, referral_date FROM ${FULL_TABLE}
     WHERE id >= ${ID_RANGE.from} AND id < ${ID_RANGE.to}`,
  );

  server = await serveStatic(site);
  browser = await launchBrowser();
  const context = await browser.newContext();
  requests = await recordRequests(context, server.url);
  const page = await context.newPage();
  await page.goto(server.url, { waitUntil: 'networkidle' });
  beforeClick = [...server.requests];

  await page.click('#start');
  await page.waitForFunction(() => window.harnessReport !== undefined || window.harnessError !== undefined, undefined, {
    timeout: 120_000,
  });
  const failure = await page.evaluate(() => window.harnessError);
  if (failure) throw new Error(`harness page failed: ${failure}`);
  report = (await page.evaluate(() => window.harnessReport)) as HarnessReport;
  statusText = (await page.textContent('#status')) ?? '';
  printMeasurements();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  native?.closeSync();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

function printMeasurements(): void {
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
  const list = (assets: AssetSize[]): string =>
    assets.map((a) => `${a.file} ${kb(a.bytes)} (gzip ${kb(a.gzipBytes)})`).join('; ');
  const total = (assets: AssetSize[]): string =>
    `${kb(assets.reduce((s, a) => s + a.bytes, 0))} (gzip ${kb(assets.reduce((s, a) => s + a.gzipBytes, 0))})`;
  console.log(
    [
      `DuckDB-WASM start ${report.startMs.toFixed(0)} ms; full load of ${report.full.rows} rows ${report.loadMs.toFixed(0)} ms` +
        ` (again, warm: read ${report.warmReadMs.toFixed(0)} ms + insert ${report.warmInsertMs.toFixed(0)} ms);`,
      `first query ${report.firstQueryMs.toFixed(1)} ms; ${Object.keys(QUERIES).length} comparison queries ${report.queryMs.toFixed(0)} ms`,
      `bytes: file ${report.full.fileBytes}, full ${report.full.bytesFetched}, pruned ${report.pruned.load.bytesFetched}` +
        ` (${report.pruned.load.rowGroupsRead}/${report.pruned.load.rowGroupsTotal} groups), filtered ${report.filtered.load.bytesFetched}`,
      `eager JS ${total(sizes.eager)}: ${list(sizes.eager)}`,
      `lazy JS ${total(sizes.lazy)}: ${list(sizes.lazy)}`,
      `engine (worker + wasm, only the selected bundle is fetched): ${list(sizes.engine)}`,
      `extensions loaded: ${report.loadedExtensions.join(', ') || 'none'}`,
      `read_parquet in the browser fails with: ${report.blocked.readParquet}`,
      `re-enabling autoload fails with: ${report.blocked.reenableAutoload}`,
    ].join('\n'),
  );
}

async function expectSameRows(actual: PlainRow[], sql: string, params?: readonly (string | number)[]): Promise<void> {
  const expected = await nativeRows(native, sql, params);
  expect(expected.length).toBeGreaterThan(0);
  expect(rowsMatch(actual, expected), sql).toBeUndefined();
}

describe('DuckDB-WASM fed by hyparquet, in Chromium', () => {
  it('answers every comparison query exactly as native DuckDB does', async () => {
    expect(report.full).toMatchObject({ rows: SAMPLE_ROWS, rowGroupsRead: groups.total, rowGroupsTotal: groups.total });
    expect(report.full.bytesFetched).toBe(report.full.fileBytes);
    for (const name of Object.keys(QUERIES) as QueryName[]) await expectSameRows(report.results[name], QUERIES[name]);
    await expectSameRows(report.param, PARAM_QUERY.sql, PARAM_QUERY.params);
    expect(statusText).toBe(`Loaded ${SAMPLE_ROWS.toLocaleString('en-GB')} rows.`);
  });

  it('keeps column types, nulls, dates and non-ASCII text', () => {
    const sample = report.results.sample;
    expect(sample.find((row) => row.id === 0)).toMatchObject({ locality: null, rate: null, referral_date: null, recorded_at: null });
    expect(sample.find((row) => row.id === 1)).toMatchObject({ referral_date: '2013-04-02', recorded_at: '2013-04-01T09:31:01.000' });
    expect(new Set(report.results.byLocality.map((row) => row.locality))).toContain('Ynys Môn');
    expect(report.results.columns.map((row) => row.data_type)).toEqual([
      'INTEGER', 'VARCHAR', 'VARCHAR', 'BIGINT', 'DOUBLE', 'DATE', 'TINYINT', 'BOOLEAN', 'TIMESTAMP',
    ]);
    expect(typeof report.results.totals[0]?.families).toBe('number');
  });

  it('fetches only the selected columns of the row groups a rowGroupFilter keeps', async () => {
    const { load, rows, columns } = report.pruned;
    expect(columns).toEqual(['id', 'families']);
    expect(load.rowGroupsRead).toBe(groups.overlapping);
    expect(load.rowGroupsRead).toBeLessThan(load.rowGroupsTotal);
    expect(load.bytesFetched).toBeLessThan(load.fileBytes / 2);
    expect(load.bytesFetched).toBeLessThan(report.full.bytesFetched);
    await expectSameRows(rows, PRUNED_QUERY);
  });

  it('prunes by statistics and filters rows exactly with a filter', async () => {
    const { load, rows, columns } = report.filtered;
    expect(columns).toEqual(['id', 'locality', 'referral_date']);
    expect(load.rows).toBe(ID_RANGE.to - ID_RANGE.from);
    expect(load.rowGroupsRead).toBe(groups.overlapping);
    expect(load.bytesFetched).toBeLessThan(load.fileBytes / 2);
    await expectSameRows(rows, FILTERED_QUERY);
  });

  it('creates an empty table when no row matches', () => {
    expect(report.empty.load).toMatchObject({ rows: 0, rowGroupsRead: 0 });
    expect(report.empty.rows).toEqual([{ row_count: 0 }]);
  });

  it('reuses a table already loaded under the same name', () => {
    expect(report.cached).toMatchObject({ name: FULL_TABLE, rows: SAMPLE_ROWS, bytesFetched: 0, fromCache: true });
  });

  it('never requests anything from another origin, nor any extension', () => {
    const origin = new URL(server.url).origin;
    expect(requests.foreign).toEqual([]);
    expect(requests.urls.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(requests.urls.filter((url) => /extension/i.test(url))).toEqual([]);
    // The parquet extension is not loaded and, with autoloading off, not fetched either.
    expect(report.blocked.readParquet).toMatch(/not in the catalog/);
    expect(report.blocked.reenableAutoload).toMatch(/lock/i);
  });

  it('loads none of DuckDB-WASM, hyparquet or Arrow before the first interaction', () => {
    const eager = new Set(sizes.eager.map((asset) => `/${asset.file}`));
    const fetched = beforeClick.map((request) => request.path).filter((path) => path !== '/' && path !== '/favicon.ico');
    expect(fetched.length).toBeGreaterThan(0);
    for (const path of fetched) expect(eager, path).toContain(path);
    const after = server.requests.slice(beforeClick.length).map((request) => request.path);
    expect(after.some((path) => path.endsWith('.wasm'))).toBe(true);
  });

  it('announces a failed load in words, naming the quarter still shown', () => {
    expect(report.missing.error).toMatch(/404/);
    expect(report.missing.announcement).toBe(failureMessage(report.missing.error, SHOWN_QUARTER));
    expect(report.missing.announcement).toMatch(/^Couldn't load the interactive view: .+\. The figures shown are for 2013-14 Q2\.$/);
  });
});
