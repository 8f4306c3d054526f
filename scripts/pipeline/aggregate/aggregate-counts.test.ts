import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { COUNT_MEASURES, type CountMeasure, type CountRow } from '../../../src/lib/outputs/tables.ts';
import { openDuckDB } from '../duckdb.ts';
import { aggregateCounts, type CountTable } from './aggregate-counts.ts';
import { AUTHORITY, fixtureReference } from './fixture-reference.ts';
import { createFixtureTables } from './fixture-tables.ts';

const QUARTERS = ['2013-14 Q1', '2013-14 Q2', '2013-14 Q3', '2013-14 Q4'];
const LOCALITIES = ['EST', 'NTH', 'STH'];

let conn: DuckDBConnection;
let tables: Record<CountTable, CountRow[]>;

beforeAll(async () => {
  conn = await openDuckDB();
  await createFixtureTables(conn);
  tables = await aggregateCounts(conn, fixtureReference, { firstQuarter: '2013-14 Q1', lastQuarter: '2013-14 Q4' });
});

/** Values by quarter for one area, measure and breakdown. */
function series(rows: CountRow[], area: string, measure: string, breakdown = 'all'): (number | null)[] {
  return QUARTERS.map((q) => {
    const hits = rows.filter((r) => r.quarter === q && r.area_code === area && r.measure === measure && r.breakdown === breakdown);
    expect(hits, `${q} ${area} ${measure} ${breakdown}`).toHaveLength(1);
    return (hits[0] as CountRow).value;
  });
}

function expectAuthorityIsSum(rows: CountRow[]): void {
  const authority = rows.filter((r) => r.area_type === 'authority');
  expect(authority.length * LOCALITIES.length).toBe(rows.length - authority.length);
  for (const a of authority) {
    const parts = rows.filter(
      (r) => r.area_type === 'locality' && r.quarter === a.quarter && r.measure === a.measure && r.breakdown === a.breakdown,
    );
    expect(parts).toHaveLength(LOCALITIES.length);
    expect(a.value).toBeCloseTo(parts.reduce((s, r) => s + (r.value as number), 0), 9);
  }
}

/** A series the fixture must give: table, area, measure, breakdown and its values by quarter. */
type ExpectedSeries = readonly [table: CountTable, area: string, measure: CountMeasure, breakdown: string, values: readonly number[]];

const EXPECTED_SERIES: readonly ExpectedSeries[] = [
  // Flows, the open caseload and the cumulative total by locality.
  ['programme', 'NTH', 'families_identified', 'all', [3, 1, 1, 1]],
  ['programme', 'NTH', 'families_attached', 'all', [2, 1, 1, 1]],
  ['programme', 'NTH', 'families_closed', 'all', [1, 1, 0, 2]],
  // F001 attached before the range counts from the start.
  ['programme', 'NTH', 'families_attached_cumulative', 'all', [3, 4, 5, 6]],
  // Closed on the quarter's last day is not open at its end (F003, F005, F011).
  ['programme', 'NTH', 'families_open', 'all', [2, 2, 3, 2]],
  ['programme', 'STH', 'families_identified', 'all', [1, 2, 0, 1]],
  ['programme', 'STH', 'families_attached', 'all', [1, 0, 0, 1]],
  // F009 closed without being attached: a closure, but never open.
  ['programme', 'STH', 'families_closed', 'all', [0, 1, 1, 0]],
  ['programme', 'STH', 'families_attached_cumulative', 'all', [2, 2, 2, 3]],
  ['programme', 'STH', 'families_open', 'all', [2, 2, 1, 2]],
  // A family counts once under each criterion it met when attached.
  ['criteria', 'NTH', 'families_attached', 'crime_asb', [1, 1, 1, 0]],
  ['criteria', 'NTH', 'families_attached', 'education', [1, 0, 1, 1]],
  ['criteria', 'NTH', 'families_attached', 'work', [0, 1, 1, 0]],
  // F006 lists education twice and counts once.
  ['criteria', 'STH', 'families_attached', 'education', [1, 0, 0, 0]],
  ['criteria', 'STH', 'families_attached', 'domestic_abuse', [0, 0, 0, 1]],
  // Outcomes achieved, and sustained once they have held long enough.
  ['outcomes', 'NTH', 'outcomes_achieved', 'school_attendance', [1, 0, 0, 0]],
  ['outcomes', 'NTH', 'outcomes_sustained', 'school_attendance', [0, 0, 1, 0]],
  ['outcomes', 'NTH', 'outcomes_achieved', 'asb_reduction', [0, 1, 0, 0]],
  ['outcomes', 'NTH', 'outcomes_sustained', 'asb_reduction', [0, 1, 0, 1]],
  ['outcomes', 'NTH', 'outcomes_sustained', 'employment', [0, 0, 1, 0]],
  ['outcomes', 'STH', 'outcomes_achieved', 'school_attendance', [1, 0, 0, 1]],
  ['outcomes', 'STH', 'outcomes_sustained', 'school_attendance', [0, 0, 0, 0]],
  ['outcomes', 'STH', 'outcomes_sustained', 'employment', [0, 0, 1, 0]],
  ['outcomes', 'EST', 'outcomes_achieved', 'asb_reduction', [0, 0, 0, 0]],
  // Outcomes add up across measures: the "all" row is their total.
  ['outcomes', 'NTH', 'outcomes_achieved', 'all', [1, 1, 1, 0]],
  ['outcomes', 'NTH', 'outcomes_sustained', 'all', [0, 1, 2, 1]],
  // Claims counted and summed by claim type and claim window.
  ['claims', 'NTH', 'claims', 'attachment_fee', [2, 1, 0, 0]],
  ['claims', 'NTH', 'claim_amount_gbp', 'attachment_fee', [4800, 2400, 0, 0]],
  // 1600.10 + 0.20 summed in pence: exactly 1600.30.
  ['claims', 'NTH', 'claim_amount_gbp', 'results_crime_education', [0, 0, 0, 1600.3]],
  ['claims', 'NTH', 'claims', 'continuous_employment', [0, 0, 1, 0]],
  ['claims', 'STH', 'claim_amount_gbp', 'attachment_fee', [2400, 0, 0, 0]],
  // The authority: the sum of its localities in each table.
  ['programme', AUTHORITY, 'families_open', 'all', [4, 4, 4, 4]],
  ['programme', AUTHORITY, 'families_attached_cumulative', 'all', [5, 6, 7, 9]],
  ['criteria', AUTHORITY, 'families_attached', 'crime_asb', [1, 1, 1, 1]],
  ['outcomes', AUTHORITY, 'outcomes_achieved', 'employment', [0, 0, 2, 0]],
  ['claims', AUTHORITY, 'claims', 'attachment_fee', [3, 1, 0, 0]],
  ['claims', AUTHORITY, 'claim_amount_gbp', 'attachment_fee', [7200, 2400, 0, 0]],
];

/** Rows each table has for the fixture's 4 areas and 4 quarters. */
const EXPECTED_ROWS: Readonly<Record<CountTable, number>> = {
  // x 5 measures.
  programme: 80,
  // x 4 criteria (both phases, deduplicated).
  criteria: 64,
  // x (3 measures + all) x 2 counts.
  outcomes: 128,
  // x (3 claim types + all) x 2 measures.
  claims: 128,
};

describe('aggregateCounts', () => {
  it.each(EXPECTED_SERIES)('%s: %s %s by %s', (table, area, measure, breakdown, values) => {
    expect(series(tables[table], area, measure, breakdown)).toEqual(values);
  });

  it.each(Object.entries(EXPECTED_ROWS))('%s has %i rows', (table, rows) => {
    expect(tables[table as CountTable]).toHaveLength(rows);
  });

  it('has true zero rows for a locality with no families', () => {
    for (const measure of COUNT_MEASURES.programme) {
      expect(series(tables.programme, 'EST', measure)).toEqual([0, 0, 0, 0]);
    }
  });

  it('makes the authority the sum of its localities', () => {
    for (const rows of Object.values(tables)) expectAuthorityIsSum(rows);
  });

  it('counts criteria only for families attached', () => {
    expect(new Set(tables.criteria.map((r) => r.measure))).toEqual(new Set(['families_attached']));
  });

  it('makes the "all" claims row the sum of the claim types in every cell', () => {
    // A claim has one type.
    const c = tables.claims;
    for (const total of c.filter((r) => r.breakdown === 'all')) {
      const parts = c.filter(
        (r) => r.breakdown !== 'all' && r.quarter === total.quarter && r.area_code === total.area_code && r.measure === total.measure,
      );
      expect(total.value).toBeCloseTo(parts.reduce((n, r) => n + (r.value ?? 0), 0), 2);
    }
  });

  it('writes exactly the measures src/lib/outputs/tables.ts declares for each table', () => {
    for (const [table, rows] of Object.entries(tables)) {
      expect([...new Set(rows.map((r) => r.measure))].sort(), table).toEqual([...COUNT_MEASURES[table as CountTable]].sort());
    }
  });

  it('returns labelled, unflagged rows in a stable order', () => {
    const p = tables.programme;
    expect(p[0]).toEqual({
      quarter: '2013-14 Q1',
      quarter_start: '2013-04-01',
      area_code: AUTHORITY,
      area_type: 'authority',
      measure: 'families_attached',
      breakdown: 'all',
      value: 3,
      flag: null,
    });
    for (const rows of Object.values(tables)) {
      // \u0000 sorts before every character, so joined keys sort like the tuples they join.
      const key = (r: CountRow) => [r.quarter_start, r.area_type, r.area_code, r.measure, r.breakdown].join('\u0000');
      const keys = rows.map(key);
      expect(keys).toEqual([...keys].sort());
      expect(new Set(keys).size).toBe(keys.length);
      expect(rows.every((r) => r.flag === null && typeof r.value === 'number')).toBe(true);
    }
  });

  it('is the same on a second run and rejects a bad range', async () => {
    const again = await aggregateCounts(conn, fixtureReference, { firstQuarter: '2013-14 Q1', lastQuarter: '2013-14 Q4' });
    expect(again).toEqual(tables);
    await expect(aggregateCounts(conn, fixtureReference, { firstQuarter: '2013-14 Q3', lastQuarter: '2013-14 Q1' })).rejects.toThrow(
      'first quarter 2013-14 Q3 is after last quarter 2013-14 Q1',
    );
    await expect(aggregateCounts(conn, fixtureReference, { firstQuarter: '2013 Q1', lastQuarter: '2013-14 Q1' })).rejects.toThrow(
      'is not a quarter',
    );
  });
});
