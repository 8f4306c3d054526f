/**
 * Everything the harness exercises once DuckDB-WASM is up: full and pruned loads, queries with
 * and without parameters, the table cache, the extension lockdown and the failure announcement.
 */
import type { AsyncDuckDBConnection } from '../../../src/lib/browser/duckdb.ts';
import { loadParquetTable, type LoadParquetResult, type RowGroupStats } from '../../../src/lib/browser/parquet.ts';
import { queryRows } from '../../../src/lib/browser/query.ts';
import { liveStatus, reasonOf } from '../../../src/lib/browser/status.ts';
import {
  DATA_PATH,
  FILTERED_QUERY,
  ID_RANGE,
  MISSING_PATH,
  PARAM_QUERY,
  PRUNED_QUERY,
  QUERIES,
  SHOWN_QUARTER,
  type HarnessReport,
  type QueryName,
} from './spec.ts';

const url = (path: string): string => new URL(path, document.baseURI).href;

/** Keep row groups whose id statistics overlap ID_RANGE; keep any group without statistics. */
function overlapsIdRange(group: RowGroupStats): boolean {
  const { min, max } = group.columns.id ?? {};
  if (min === undefined || max === undefined) return true;
  return Number(max) >= ID_RANGE.from && Number(min) < ID_RANGE.to;
}

async function failureOf(task: () => Promise<unknown>): Promise<string> {
  try {
    await task();
    return '';
  } catch (error) {
    return reasonOf(error);
  }
}

async function columnNames(conn: AsyncDuckDBConnection, table: string): Promise<string[]> {
  const rows = await queryRows<{ column_name: string }>(
    'SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position',
    [table],
    conn,
  );
  return rows.map((row) => row.column_name);
}

interface FirstLoad {
  readonly startMs: number;
  readonly loadMs: number;
  readonly firstQueryMs: number;
  readonly full: LoadParquetResult;
}

export async function runScenarios(conn: AsyncDuckDBConnection, first: FirstLoad): Promise<HarnessReport> {
  const started = performance.now();
  const results = {} as Record<QueryName, Awaited<ReturnType<typeof queryRows>>>;
  for (const name of Object.keys(QUERIES) as QueryName[]) results[name] = await queryRows(QUERIES[name], undefined, conn);
  const queryMs = performance.now() - started;
  const param = await queryRows(PARAM_QUERY.sql, PARAM_QUERY.params, conn);

  const prunedLoad = await loadParquetTable(conn, url(DATA_PATH), {
    name: 'pruned',
    columns: ['id', 'families'],
    rowGroupFilter: overlapsIdRange,
  });
  const filteredLoad = await loadParquetTable(conn, url(DATA_PATH), {
    name: 'filtered',
    columns: ['id', 'locality', 'referral_date'],
    filter: { id: { $gte: ID_RANGE.from, $lt: ID_RANGE.to } },
  });
  const emptyLoad = await loadParquetTable(conn, url(DATA_PATH), {
    name: 'nothing',
    filter: { id: { $lt: 0 } },
  });
  const cached = await loadParquetTable(conn, url(DATA_PATH), { name: 'everything' });
  // The first load also paid for importing and compiling the reader; a second, timed by step,
  // shows the steady cost: fetch + decode + Arrow, then DuckDB's import of the Arrow table.
  const { readParquetAsArrow } = await import('../../../src/lib/browser/parquet-read.ts');
  let warmStarted = performance.now();
  const again = await readParquetAsArrow(url(DATA_PATH));
  const warmReadMs = performance.now() - warmStarted;
  warmStarted = performance.now();
  await conn.insertArrowTable(again.table, { name: 'everything_again', create: true });
  const warmInsertMs = performance.now() - warmStarted;

  const missingError = await failureOf(() => loadParquetTable(conn, url(MISSING_PATH), { name: 'missing' }));
  const failureRegion = document.getElementById('failure-status');
  if (!failureRegion) throw new Error('harness page has no failure region');
  liveStatus(failureRegion, { quarter: SHOWN_QUARTER }).failed(new Error(missingError));

  return {
    ...first,
    warmReadMs,
    warmInsertMs,
    queryMs,
    results,
    param,
    pruned: { load: prunedLoad, rows: await queryRows(PRUNED_QUERY, undefined, conn), columns: await columnNames(conn, 'pruned') },
    filtered: {
      load: filteredLoad,
      rows: await queryRows(FILTERED_QUERY, undefined, conn),
      columns: await columnNames(conn, 'filtered'),
    },
    empty: { load: emptyLoad, rows: await queryRows('SELECT count(*) AS row_count FROM nothing', undefined, conn) },
    cached,
    blocked: {
      readParquet: await failureOf(() => queryRows(`SELECT count(*) FROM read_parquet('${url(DATA_PATH)}')`, undefined, conn)),
      reenableAutoload: await failureOf(() => queryRows('SET autoload_known_extensions = true', undefined, conn)),
    },
    loadedExtensions: (
      await queryRows<{ name: string }>('SELECT extension_name AS name FROM duckdb_extensions() WHERE loaded ORDER BY 1', undefined, conn)
    ).map((row) => row.name),
    missing: { error: missingError, announcement: failureRegion.textContent ?? '' },
  };
}
