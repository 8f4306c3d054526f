/**
 * The internal claims file's list on small hand-made families, in real DuckDB: of two results
 * that replace one another (phase 1 continuous employment and the crime and education result),
 * the replacing one is listed when both are open, and neither once the other was claimed.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { literal, openDuckDB } from '../duckdb.ts';
import { loadReference } from '../../../src/lib/reference/load.ts';
import { runQuery } from '../aggregate/run-query.ts';
import { claimableFamilies } from './claimsFile.ts';
import { installOutcomeRuleTables } from './ruleTables.ts';

let conn: DuckDBConnection;

/** Every phase 1 result met on 1 September 2013 (achieved 1 March, held to 1 October). */
const MEASURES: [string, number, number][] = [
  ['school_exclusions', 5, 2],
  ['school_attendance', 30, 10],
  ['asb_incidents', 10, 4],
  ['youth_offending', 3, 2],
  ['progress_to_work', 0, 1],
  ['continuous_employment', 0, 30],
];

beforeAll(async () => {
  conn = await openDuckDB();
  await installOutcomeRuleTables(conn, await loadReference('data/reference'));
  await conn.run(`CREATE TABLE families AS SELECT family_ref, 'phase_1' AS programme_phase, '2012-13' AS cohort_year, 'CTR' AS locality_code, DATE '2012-06-01' AS date_attached,
    CAST(NULL AS DATE) AS date_closed, ['crime_asb', 'education', 'worklessness'] AS criteria FROM (VALUES ('BOTH'), ('EDU1'), ('EDUC'), ('CEC1')) t(family_ref)`);
  const rows = (family: string, measures: readonly [string, number, number][]) =>
    measures.map(([m, baseline, followup]) => `(${literal(family)}, ${literal(m)}, ${baseline}, ${followup}, DATE '2012-05-01', DATE '2013-03-01', DATE '2013-03-01', DATE '2013-10-01')`);
  const crimeAndEducation = MEASURES.slice(0, 4);
  await conn.run(`CREATE TABLE outcomes (family_ref VARCHAR, outcome_measure VARCHAR, baseline_value DOUBLE, followup_value DOUBLE,
    followup_period_start DATE, followup_period_end DATE, date_achieved DATE, date_sustained_to DATE)`);
  await conn.run(`INSERT INTO outcomes VALUES ${[...rows('BOTH', MEASURES), ...rows('EDU1', crimeAndEducation), ...rows('EDUC', MEASURES), ...rows('CEC1', MEASURES)].join(', ')}`);
  // Claimed in an earlier window: EDUC's crime and education result, CEC1's continuous employment.
  await conn.run(`CREATE TABLE claims AS SELECT * FROM (VALUES
    ('C1', 'EDUC', '2013-14 Q2', 'results_crime_education', DATE '2013-09-15'),
    ('C2', 'CEC1', '2013-14 Q2', 'continuous_employment', DATE '2013-09-15')) t(claim_ref, family_ref, claim_window, claim_type, claim_date)`);
});

afterAll(() => conn?.closeSync());

it('lists continuous employment instead of the results it replaces, and neither once the other was claimed', async () => {
  const rows = await runQuery(conn, claimableFamilies, { claim_window: '2013-14 Q3' });
  // EDUC may still claim progress to work: continuous employment, which would replace it, may not be claimed.
  expect(rows.map((r) => `${String(r.family_ref)} ${String(r.rule)}`).sort()).toEqual(['BOTH p1_continuous_employment', 'EDU1 p1_crime_education', 'EDUC p1_progress_to_work']);
});
