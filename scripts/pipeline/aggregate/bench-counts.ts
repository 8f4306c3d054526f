/**
 * Times aggregateCounts on synthetic typed tables: 250,000 families, 1,000,000 outcome rows and
 * 250,000 claims over 2012-13 to 2019-20. Prints timings; asserts nothing.
 * Run: npx tsx scripts/pipeline/aggregate/bench-counts.ts
 */
import { performance } from 'node:perf_hooks';
import { openDuckDB } from '../duckdb.ts';
import { aggregateCounts } from './aggregate-counts.ts';
import { fixtureReference } from './fixture-reference.ts';
import { createInputTables } from './fixture-tables.ts';

const FAMILIES = 250_000;

const conn = await openDuckDB();
await createInputTables(conn);
let t = performance.now();
await conn.run(`
INSERT INTO families (family_ref, locality_code, date_identified, date_attached, date_closed, criteria)
SELECT 'F' || i,
       ['NTH', 'STH', 'EST'][1 + i % 3],
       DATE '2012-04-01' + CAST(hash(i) % 2900 AS INTEGER),
       CASE WHEN i % 10 < 8 THEN DATE '2012-04-01' + CAST(hash(i) % 2900 AS INTEGER) + CAST(hash(i, 1) % 60 AS INTEGER) END,
       CASE WHEN i % 10 < 5 THEN DATE '2012-04-01' + CAST(hash(i) % 2900 AS INTEGER) + 60 + CAST(hash(i, 2) % 400 AS INTEGER) END,
       list_slice(['crime_asb', 'education', 'work', 'domestic_abuse'], 1 + CAST(i % 2 AS INTEGER), 2 + CAST(i % 3 AS INTEGER))
FROM generate_series(1, ${FAMILIES}) AS g(i);
INSERT INTO outcomes (family_ref, outcome_measure, date_achieved, date_sustained_to)
SELECT f.family_ref, m.code,
       CASE WHEN hash(f.family_ref, m.code) % 3 > 0 THEN f.date_attached + 90 END,
       CASE WHEN hash(f.family_ref, m.code) % 3 > 0 THEN f.date_attached + 90 + CAST(hash(f.family_ref, m.code, 1) % 300 AS INTEGER) END
FROM families AS f
CROSS JOIN (VALUES ('school_attendance'), ('asb_reduction'), ('employment'), ('other_measure')) AS m(code);
INSERT INTO claims (claim_ref, family_ref, claim_window, claim_type, amount_gbp)
SELECT 'C' || family_ref, family_ref,
       CAST(year(date_attached) - CASE WHEN month(date_attached) < 4 THEN 1 ELSE 0 END AS VARCHAR) || '-'
         || lpad(CAST((year(date_attached) - CASE WHEN month(date_attached) < 4 THEN 1 ELSE 0 END + 1) % 100 AS VARCHAR), 2, '0')
         || ' Q' || CAST(((month(date_attached) + 8) % 12) // 3 + 1 AS VARCHAR),
       ['attachment_fee', 'results_crime_education', 'continuous_employment'][1 + CAST(hash(family_ref) % 3 AS INTEGER)],
       round(800 + (hash(family_ref) % 320000) / 100, 2)
FROM families WHERE date_attached IS NOT NULL;
`);
const counts = await conn.runAndReadAll(
  `SELECT (SELECT count(*) FROM families), (SELECT count(*) FROM outcomes), (SELECT count(*) FROM claims)`,
);
console.log(`built tables in ${(performance.now() - t).toFixed(0)} ms: families, outcomes, claims =`, counts.getRows()[0]?.map(String));

for (let run = 1; run <= 3; run++) {
  t = performance.now();
  const tables = await aggregateCounts(conn, fixtureReference, { firstQuarter: '2012-13 Q1', lastQuarter: '2019-20 Q4' });
  const rows = Object.values(tables).reduce((n, r) => n + r.length, 0);
  console.log(`aggregateCounts run ${run}: ${(performance.now() - t).toFixed(0)} ms, ${rows} rows out`);
}
