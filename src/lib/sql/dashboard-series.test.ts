import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { plainRow } from '../data/plain-row.ts';
import { bindParams } from './query.ts';
import { dashboardSeries } from './dashboard-series.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const COLUMNS = 'quarter VARCHAR, quarter_start DATE, area_code VARCHAR, area_type VARCHAR, measure VARCHAR, breakdown VARCHAR, value DOUBLE, flag VARCHAR';

describe('dashboardSeries', () => {
  it('keeps programme rows and the published totals of outcomes and claims, flags included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tfo-dashboard-sql-'));
    dirs.push(dir);
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const tables: Record<string, string> = {
      programme: `('2013-14 Q1', DATE '2013-04-01', 'NTH', 'locality', 'families_open', 'all', 12, NULL),
                  ('2013-14 Q2', DATE '2013-07-01', 'NTH', 'locality', 'families_open', 'all', NULL, '[c]'),
                  ('2013-14 Q3', DATE '2013-10-01', 'NTH', 'locality', 'families_open', 'all', 9, NULL),
                  ('2013-14 Q1', DATE '2013-04-01', 'NTH', 'locality', 'families_identified', 'all', 40, NULL)`,
      outcomes: `('2013-14 Q1', DATE '2013-04-01', 'NTH', 'locality', 'outcomes_sustained', 'school_attendance', 6, NULL),
                 ('2013-14 Q1', DATE '2013-04-01', 'NTH', 'locality', 'outcomes_sustained', 'asb_incidents', 7, NULL),
                 ('2013-14 Q2', DATE '2013-07-01', 'NTH', 'locality', 'outcomes_sustained', 'school_attendance', 8, NULL),
                 ('2013-14 Q2', DATE '2013-07-01', 'NTH', 'locality', 'outcomes_sustained', 'asb_incidents', NULL, '[c]'),
                 ('2013-14 Q1', DATE '2013-04-01', 'NTH', 'locality', 'outcomes_sustained', 'all', 13, NULL),
                 ('2013-14 Q2', DATE '2013-07-01', 'NTH', 'locality', 'outcomes_sustained', 'all', NULL, '[c]')`,
      claims: `('2013-14 Q1', DATE '2013-04-01', 'NTH', 'locality', 'claim_amount_gbp', 'attachment_fee', 0.1, NULL),
               ('2013-14 Q1', DATE '2013-04-01', 'NTH', 'locality', 'claim_amount_gbp', 'progress_to_work', 0.2, NULL),
               ('2013-14 Q1', DATE '2013-04-01', 'NTH', 'locality', 'claim_amount_gbp', 'all', 0.3, NULL)`,
    };
    await conn.run(`CREATE VIEW periods AS SELECT * FROM (VALUES
      ('programme', 'families_attached', 'all', 'NTH', 'locality', 'financial_year_to_date', '2013-14 to Q2', DATE '2013-04-01', DATE '2013-09-30', 20.0, '[rd]'),
      ('programme', 'families_attached', 'all', 'NTH', 'locality', 'financial_year', '2013-14', DATE '2013-04-01', DATE '2014-03-31', 40.0, NULL),
      ('programme', 'families_closed', 'all', 'NTH', 'locality', 'programme_to_date', 'to 2013-14 Q2', DATE '2013-04-01', DATE '2013-09-30', 5.0, NULL)
    ) AS t("table", measure, breakdown, area_code, area_type, period_type, period, period_start, period_end, value, flag)`);
    for (const [name, values] of Object.entries(tables)) {
      const file = join(dir, `${name}.parquet`);
      await conn.run(`COPY (SELECT * FROM (VALUES ${values}) AS t(${COLUMNS.replaceAll(/ [A-Z]+/g, '')})) TO '${file}' (FORMAT parquet)`);
      await conn.run(`CREATE VIEW ${name} AS SELECT * FROM read_parquet('${file}')`);
    }
    const reader = await conn.runAndReadAll(dashboardSeries.sql, bindParams(dashboardSeries, { quarter_start: '2013-07-01' }));
    const rows = reader.getRowObjectsJS().map(plainRow);
    conn.closeSync();
    // The year to date ending with the selected quarter comes too; the whole year, which ends
    // later, and measures the dashboard does not draw do not.
    expect(rows).toEqual([
      { quarter: '2013-14 to Q2', period_type: 'financial_year_to_date', quarter_start: '2013-04-01', area_code: 'NTH', area_type: 'locality', measure: 'families_attached', value: 20, flag: '[rd]' },
      { quarter: '2013-14 Q1', period_type: 'quarter', quarter_start: '2013-04-01', area_code: 'NTH', area_type: 'locality', measure: 'claim_amount_gbp', value: 0.3, flag: null },
      { quarter: '2013-14 Q1', period_type: 'quarter', quarter_start: '2013-04-01', area_code: 'NTH', area_type: 'locality', measure: 'families_open', value: 12, flag: null },
      { quarter: '2013-14 Q1', period_type: 'quarter', quarter_start: '2013-04-01', area_code: 'NTH', area_type: 'locality', measure: 'outcomes_sustained', value: 13, flag: null },
      { quarter: '2013-14 Q2', period_type: 'quarter', quarter_start: '2013-07-01', area_code: 'NTH', area_type: 'locality', measure: 'families_open', value: null, flag: '[c]' },
      { quarter: '2013-14 Q2', period_type: 'quarter', quarter_start: '2013-07-01', area_code: 'NTH', area_type: 'locality', measure: 'outcomes_sustained', value: null, flag: '[c]' },
    ]);
  });
});
