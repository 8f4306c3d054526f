/**
 * The shared SQL (src/lib/sql) gives the same rows in DuckDB-WASM, which the site runs in the
 * browser, as in native DuckDB, which the pipeline runs. WASM runs here through its Node build.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { beforeAll, describe, expect, it } from 'vitest';
import { areaIndicators } from './sql/area-indicators.ts';
import { claimCounts } from './sql/claim-counts.ts';
import { criteriaCounts } from './sql/criteria-counts.ts';
import { outcomeCounts } from './sql/outcome-counts.ts';
import { programmeCounts } from './sql/programme-counts.ts';
import { bindParams, type SqlQuery } from '../../../src/lib/sql/query.ts';
import { openDuckDB } from '../duckdb.ts';
import { AUTHORITY } from './fixture-reference.ts';
import { CREATE_INPUT_TABLES, createFixtureTables, FIXTURE_INSERTS } from './fixture-tables.ts';
import { runQuery } from './run-query.ts';

const GRID = {
  first_quarter_start: '2013-04-01',
  last_quarter_start: '2014-01-01',
  locality_codes: 'EST,NTH,STH',
  authority_code: AUTHORITY,
};

const CASES: [SqlQuery, Record<string, string>][] = [
  [programmeCounts, GRID],
  [criteriaCounts, { ...GRID, criterion_codes: 'crime_asb,domestic_abuse,education,work' }],
  [outcomeCounts, { ...GRID, outcome_measures: 'school_attendance:6,asb_reduction:6,employment:0' }],
  [claimCounts, { ...GRID, claim_types: 'attachment_fee,continuous_employment,results_crime_education' }],
  [areaIndicators, GRID],
];

let wasm: duckdb.DuckDBConnection;

beforeAll(async () => {
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/blocking'));
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  wasm = db.connect();
  wasm.query(CREATE_INPUT_TABLES);
  for (const sql of FIXTURE_INSERTS) wasm.query(sql);
});

describe('shared SQL in DuckDB-WASM', () => {
  it.each(CASES.map(([q, p]) => [q.name, q, p] as const))('%s matches native DuckDB', async (_name, query, params) => {
    const native = await openDuckDB();
    await createFixtureTables(native);
    const expected = await runQuery(native, query, params);
    const statement = wasm.prepare(query.sql);
    const actual = statement
      .query(...bindParams(query, params))
      .toArray()
      .map((row) => ({ ...row.toJSON() }));
    statement.close();
    expect(expected.length).toBeGreaterThan(0);
    expect(actual).toEqual(expected);
  });
});
