/**
 * Typed input tables as the validation stage leaves them, for tests and the benchmark (the
 * column types are the contract aggregation relies on), and a small hand-made data set whose
 * counts the tests work out by hand.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { AUTHORITY, ENGLAND } from './fixture-reference.ts';

export const CREATE_INPUT_TABLES = `
CREATE OR REPLACE TABLE families (
  family_ref VARCHAR, locality_code VARCHAR, lsoa_code VARCHAR, programme_phase VARCHAR,
  cohort_year VARCHAR, date_identified DATE, date_attached DATE, date_closed DATE,
  criteria VARCHAR[], lead_agency VARCHAR, adults INTEGER, children INTEGER, __line INTEGER);
CREATE OR REPLACE TABLE outcomes (
  family_ref VARCHAR, outcome_measure VARCHAR, baseline_value DOUBLE, baseline_period_start DATE,
  baseline_period_end DATE, followup_value DOUBLE, followup_period_start DATE,
  followup_period_end DATE, date_achieved DATE, date_sustained_to DATE, __line INTEGER);
CREATE OR REPLACE TABLE claims (
  claim_ref VARCHAR, family_ref VARCHAR, claim_window VARCHAR, claim_type VARCHAR,
  claim_date DATE, amount_gbp DOUBLE, __line INTEGER);
CREATE OR REPLACE TABLE area_indicators (
  indicator_code VARCHAR, area_code VARCHAR, period VARCHAR, numerator DOUBLE,
  denominator DOUBLE, value DOUBLE, __line INTEGER);
`;

export async function createInputTables(conn: DuckDBConnection): Promise<void> {
  await conn.run(CREATE_INPUT_TABLES);
}

// Range 2013-14 Q1 to Q4. Dates chosen to hit quarter boundaries, flows before and after the
// range, a closure without attachment and a duplicated criterion.
export const FAMILIES = `
INSERT INTO families (family_ref, locality_code, date_identified, date_attached, date_closed, criteria) VALUES
  ('F001', 'NTH', '2013-02-10', '2013-03-01', '2013-05-20', ['crime_asb', 'education']),
  ('F002', 'NTH', '2013-04-01', '2013-04-15', NULL,         ['education']),
  ('F003', 'NTH', '2013-06-30', '2013-07-01', '2013-09-30', ['crime_asb', 'work']),
  ('F004', 'NTH', '2013-08-01', NULL,         NULL,         ['work']),
  ('F005', 'NTH', '2013-10-05', '2013-11-01', '2014-03-31', ['crime_asb', 'education', 'work']),
  ('F006', 'STH', '2013-05-01', '2013-05-02', '2013-12-31', ['education', 'education']),
  ('F007', 'STH', '2013-09-15', '2014-01-10', NULL,         ['domestic_abuse', 'crime_asb']),
  ('F008', 'STH', '2014-02-01', '2014-04-02', NULL,         ['work']),
  ('F009', 'STH', '2013-07-20', NULL,         '2013-08-20', ['education']),
  ('F010', 'STH', '2012-11-01', '2012-12-01', NULL,         ['crime_asb']),
  ('F011', 'NTH', '2014-03-01', '2014-03-31', '2014-03-31', ['education']),
  ('F012', 'NTH', '2013-04-10', '2013-04-20', '2014-04-01', ['crime_asb']);`;

export const OUTCOMES = `
INSERT INTO outcomes (family_ref, outcome_measure, date_achieved, date_sustained_to) VALUES
  ('F002', 'school_attendance', '2013-05-15', '2013-11-15'), -- exactly 6 months: sustained Q3
  ('F003', 'asb_reduction',     '2013-08-31', '2014-02-28'), -- + 6 months clamps to 28 Feb: Q4
  ('F006', 'school_attendance', '2013-06-01', '2013-11-30'), -- one day short: never sustained
  ('F005', 'employment',        '2013-12-01', NULL),         -- 0 months: sustained when achieved
  ('F012', 'asb_reduction',     '2013-03-15', '2014-01-01'), -- achieved before the range, sustained Q2
  ('F010', 'school_attendance', NULL,         NULL),         -- not achieved
  ('F007', 'school_attendance', '2014-02-01', NULL),         -- sustain date after the range
  ('F006', 'employment',        '2013-10-10', '2013-10-10');`;

export const CLAIMS = `
INSERT INTO claims (claim_ref, family_ref, claim_window, claim_type, amount_gbp) VALUES
  ('C1', 'F002', '2013-14 Q1', 'attachment_fee', 2400),
  ('C2', 'F012', '2013-14 Q1', 'attachment_fee', 2400),
  ('C3', 'F006', '2013-14 Q1', 'attachment_fee', 2400),
  ('C4', 'F003', '2013-14 Q2', 'attachment_fee', 2400),
  ('C5', 'F002', '2013-14 Q4', 'results_crime_education', 1600.1),
  ('C6', 'F003', '2013-14 Q4', 'results_crime_education', 0.2),
  ('C7', 'F010', '2012-13 Q4', 'attachment_fee', 3200),
  ('C8', 'F005', '2013-14 Q3', 'continuous_employment', 4000);`;

export const AREA_INDICATORS = `
INSERT INTO area_indicators (indicator_code, area_code, period, numerator, denominator, value) VALUES
  ('attendance', 'NTH', '2012-13 Q4', 400, 500, NULL),      -- before the range: left out
  ('attendance', 'NTH', '2013-14 Q1', 450, 500, NULL),
  ('attendance', 'STH', '2013-14 Q1', 170, 200, NULL),
  ('attendance', 'EST', '2013-14 Q1', 0, 0, NULL),          -- no pupils: not applicable
  ('attendance', 'NTH', '2013-14 Q2', 460, 500, NULL),      -- STH missing in Q2
  ('attendance', 'EST', '2013-14 Q2', 10, 20, NULL),
  ('attendance', '${AUTHORITY}', '2013-14 Q2', 1200, 1300, NULL),
  ('attendance', '${ENGLAND}', '2013-14 Q2', 90000, 100000, NULL),
  ('ni_111', 'NTH', '2013-14', 5, 5000, NULL),
  ('ni_111', 'STH', '2013-14', 20, 4000, NULL),
  ('ni_111', 'EST', '2013-14', 0, 3000, NULL),
  ('ni_116', 'NTH', '2013-14', NULL, NULL, 21.4);`;

/** Creates the tables and loads the hand-made data set. */
export async function createFixtureTables(conn: DuckDBConnection): Promise<void> {
  await createInputTables(conn);
  for (const sql of FIXTURE_INSERTS) await conn.run(sql);
}

export const FIXTURE_INSERTS = [FAMILIES, OUTCOMES, CLAIMS, AREA_INDICATORS] as const;
