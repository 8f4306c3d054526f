/**
 * A national-scale indicators Parquet for benchmarking the compare tool: 150 authorities x 10
 * localities x 60 quarters x 40 indicators (3.6 million IndicatorRow rows), generated entirely in
 * native DuckDB (range() and hash()), so it takes seconds and no JavaScript loops over rows.
 *
 * Deterministic: every value is a hash of the seed and the row's coordinates. Sorted by
 * indicator_code, area_code, period_start with small row groups, so one indicator for a few
 * localities lives in a handful of row groups that a browser can fetch on their own.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDuckDB, literal } from '../pipeline/duckdb.ts';

export interface NationalOptions {
  readonly authorities?: number;
  readonly localitiesPerAuthority?: number;
  readonly quarters?: number;
  readonly indicators?: number;
  /** Rows per row group; DuckDB rounds this to whole vectors of 2,048 rows. */
  readonly rowGroupSize?: number;
  readonly seed?: number;
}

export interface NationalResult {
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
}

export const NATIONAL_DEFAULTS: Required<NationalOptions> = {
  authorities: 150,
  localitiesPerAuthority: 10,
  quarters: 60,
  indicators: 40,
  rowGroupSize: 10_000,
  seed: 20_260_401,
};

/** Code of the n-th indicator ("nat_007") and of locality l of authority a ("A042L07"). */
export const nationalIndicatorCode = (n: number): string => `nat_${String(n).padStart(3, '0')}`;
export const nationalAreaCode = (authority: number, locality: number): string =>
  `A${String(authority).padStart(3, '0')}L${String(locality).padStart(2, '0')}`;

function int(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

export function nationalSql(file: string, options: NationalOptions = {}): string {
  const o = { ...NATIONAL_DEFAULTS, ...options };
  const [nA, nL, nQ, nI, rg] = [
    int('authorities', o.authorities),
    int('localitiesPerAuthority', o.localitiesPerAuthority),
    int('quarters', o.quarters),
    int('indicators', o.indicators),
    int('rowGroupSize', o.rowGroupSize),
  ];
  const seed = Math.trunc(o.seed);
  return `
COPY (
  WITH ind AS (
    SELECT i, 'nat_' || lpad(CAST(i AS VARCHAR), 3, '0') AS indicator_code,
           -- Each indicator has its own base rate, 2% to 40%.
           0.02 + (hash(${seed}, 'i', i) % 380) / 1000.0 AS base_rate
    FROM range(${nI}) AS t(i)
  ),
  areas AS (
    SELECT a, l, 'A' || lpad(CAST(a AS VARCHAR), 3, '0') || 'L' || lpad(CAST(l AS VARCHAR), 2, '0') AS area_code,
           -- Population at risk: 20 to 9,999, fixed for the area (small areas give suppressed cells).
           20 + hash(${seed}, 'd', a, l) % 9980 AS size,
           -- Areas differ from the indicator's base rate by up to +/-50%.
           0.5 + (hash(${seed}, 'm', a, l) % 1000) / 1000.0 AS area_factor
    FROM range(${nA}) AS ta(a), range(${nL}) AS tl(l)
  ),
  periods AS (
    SELECT q, CAST(DATE '2011-04-01' + to_months(CAST(3 * q AS INTEGER)) AS DATE) AS period_start,
           CAST(2011 + q // 4 AS VARCHAR) || '-' || lpad(CAST((2012 + q // 4) % 100 AS VARCHAR), 2, '0') || ' Q' || CAST(q % 4 + 1 AS VARCHAR) AS period
    FROM range(${nQ}) AS tq(q)
  ),
  counted AS (
    SELECT ind.indicator_code, areas.area_code, periods.period, periods.period_start, areas.size AS denominator,
           CAST(floor(areas.size * least(0.95, ind.base_rate * areas.area_factor
                 * (0.8 + (hash(${seed}, ind.i, areas.a, areas.l, periods.q) % 400) / 1000.0))) AS DOUBLE) AS n
    FROM ind, areas, periods
  )
  SELECT indicator_code, area_code, 'locality' AS area_type, period, period_start,
         CASE WHEN n < 5 THEN NULL ELSE n END AS numerator,
         CAST(denominator AS DOUBLE) AS denominator,
         CASE WHEN n < 5 THEN NULL ELSE 100 * n / denominator END AS value,
         -- Wilson score interval, as the pipeline computes for percentages.
         CASE WHEN n < 5 THEN NULL ELSE 100 * ((n / denominator + 1.92073 / denominator)
              - 1.959964 * sqrt((n / denominator) * (1 - n / denominator) / denominator + 0.960365 / (denominator * denominator)))
              / (1 + 3.841459 / denominator) END AS ci_lower,
         CASE WHEN n < 5 THEN NULL ELSE 100 * ((n / denominator + 1.92073 / denominator)
              + 1.959964 * sqrt((n / denominator) * (1 - n / denominator) / denominator + 0.960365 / (denominator * denominator)))
              / (1 + 3.841459 / denominator) END AS ci_upper,
         CAST(NULL AS DOUBLE) AS target,
         'no_target' AS target_status,
         CASE WHEN n < 5 THEN '[c]' ELSE NULL END AS flag
  FROM counted
  ORDER BY indicator_code, area_code, period_start
) TO ${literal(file)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${rg})`;
}

export async function generateNational(file: string, options: NationalOptions = {}): Promise<NationalResult> {
  mkdirSync(dirname(file), { recursive: true });
  const conn = await openDuckDB();
  try {
    // One thread keeps row groups exactly ROW_GROUP_SIZE and in sorted order.
    await conn.run('SET threads = 1');
    await conn.run('SET preserve_insertion_order = true');
    await conn.run(nationalSql(file, options));
    const reader = await conn.runAndReadAll(`SELECT count(*) AS n FROM read_parquet(${literal(file)})`);
    const rows = Number(reader.getRowObjectsJS()[0]?.n ?? 0);
    return { file, rows, bytes: statSync(file).size };
  } finally {
    conn.closeSync();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? '.cache/national/indicators.parquet';
  const started = performance.now();
  const result = await generateNational(file);
  console.log(`Wrote ${result.rows.toLocaleString('en-GB')} rows (${(result.bytes / 1024 / 1024).toFixed(1)} MB) to ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
