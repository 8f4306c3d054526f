/**
 * What the harness page does and what it reports, shared by the page (which runs it on
 * DuckDB-WASM) and the test (which runs the same SQL on native DuckDB and compares).
 */
import type { LoadParquetResult } from '../../../src/lib/browser/parquet.ts';
import type { QueryRow } from '../../../src/lib/browser/query.ts';

/** Relative to the page, so the file is fetched from the page's own origin (see index.html). */
export const DATA_PATH = 'data/sample.parquet';
/** The table main.ts loads the whole file into (index.html's data-table). */
export const FULL_TABLE = 'everything';
export const MISSING_PATH = 'data/missing.parquet';
export const SAMPLE_ROWS = 40_000;
/** Quarter the (imaginary) static figures describe, used in the failure announcement. */
export const SHOWN_QUARTER = '2013-14 Q2';

/** Rows with id in [from, to): spans three of the file's row groups, out of about twenty. */
export const ID_RANGE = { from: 10_000, to: 14_000 } as const;

/**
 * The sample: strings (with non-ASCII and an apostrophe), integers of three widths, doubles,
 * booleans, dates and timestamps, with nulls in every nullable kind. Deterministic (hash of the
 * row number) but not compressible to nothing, so row-group pruning has bytes to save.
 */
export const SAMPLE_SELECT = `
  SELECT
    i::INTEGER AS id,
    CASE WHEN i % 17 = 0 THEN NULL
      ELSE (['Ashby', 'Bolsover', 'Ynys Môn', 'St Helen''s', 'Ōtautahi'])[1 + (hash(i) % 5)::INTEGER] END AS locality,
    (['2013-14 Q1', '2013-14 Q2', '2014-15 Q1'])[1 + (i % 3)::INTEGER] AS quarter,
    (hash(i * 7) % 1000)::BIGINT AS families,
    CASE WHEN i % 11 = 0 THEN NULL ELSE ((hash(i * 13) % 1000000) / 997.0)::DOUBLE END AS rate,
    CASE WHEN i % 13 = 0 THEN NULL ELSE DATE '2013-04-01' + (i % 1200)::INTEGER END AS referral_date,
    (i % 3)::TINYINT AS priority,
    i % 2 = 0 AS closed,
    CASE WHEN i % 19 = 0 THEN NULL ELSE TIMESTAMP '2013-04-01 09:30:00' + to_seconds(i * 61) END AS recorded_at
  FROM range(${SAMPLE_ROWS}) t(i)`;

/** SQL run on the fully loaded table `everything`, in both engines. */
export const QUERIES = {
  columns: `SELECT column_name, data_type FROM information_schema.columns
    WHERE table_name = 'everything' ORDER BY ordinal_position`,
  totals: `SELECT count(*) AS row_count, count(locality) AS with_locality, sum(families) AS families,
    sum(rate) AS rate_sum, min(referral_date) AS first_referral, max(referral_date) AS last_referral,
    count(*) FILTER (WHERE closed) AS closed, sum(priority) AS priority_sum,
    max(recorded_at) AS last_recorded
    FROM everything`,
  byLocality: `SELECT locality, quarter, count(*) AS row_count, sum(families) AS families,
    avg(rate) AS mean_rate, min(referral_date) AS first_referral
    FROM everything GROUP BY ALL ORDER BY locality NULLS FIRST, quarter`,
  sample: `SELECT * FROM everything WHERE id IN (0, 1, 11, 13, 17, 19, 2047, 2048, ${SAMPLE_ROWS - 1}) ORDER BY id`,
} as const;

/** A prepared statement with bound parameters. */
export const PARAM_QUERY = {
  sql: 'SELECT count(*) AS row_count, sum(families) AS families FROM everything WHERE quarter = ? AND families > ?',
  params: ['2014-15 Q1', 500],
} as const;

export const PRUNED_QUERY =
  'SELECT count(*) AS row_count, min(id) AS first_id, max(id) AS last_id, sum(families) AS families FROM pruned';
export const FILTERED_QUERY = `SELECT count(*) AS row_count, min(id) AS first_id, max(id) AS last_id,
  count(locality) AS with_locality, max(referral_date) AS last_referral FROM filtered`;

export type QueryName = keyof typeof QUERIES;

export interface HarnessReport {
  readonly startMs: number;
  readonly loadMs: number;
  /** The same file read again once the reader is imported and warm: fetch, decode, Arrow. */
  readonly warmReadMs: number;
  /** ...and inserted into DuckDB-WASM as another table. */
  readonly warmInsertMs: number;
  /** The page's first query (a count), straight after loading. */
  readonly firstQueryMs: number;
  /** All of QUERIES, run one after another. */
  readonly queryMs: number;
  readonly full: LoadParquetResult;
  readonly results: Record<QueryName, QueryRow[]>;
  readonly param: QueryRow[];
  readonly pruned: { readonly load: LoadParquetResult; readonly rows: QueryRow[]; readonly columns: string[] };
  readonly filtered: { readonly load: LoadParquetResult; readonly rows: QueryRow[]; readonly columns: string[] };
  readonly empty: { readonly load: LoadParquetResult; readonly rows: QueryRow[] };
  readonly cached: LoadParquetResult;
  /** Error messages from queries that must fail without reaching the network. */
  readonly blocked: { readonly readParquet: string; readonly reenableAutoload: string };
  readonly loadedExtensions: string[];
  readonly missing: { readonly error: string; readonly announcement: string };
}

declare global {
  interface Window {
    harnessReport?: HarnessReport;
    harnessError?: string;
  }
}
