import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { COUNT_MEASURES, type CountRow } from '../../../src/lib/outputs/tables.ts';
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

describe('aggregateCounts', () => {
  it('counts flows, the open caseload and the cumulative total by locality', () => {
    const p = tables.programme;
    expect(series(p, 'NTH', 'families_identified')).toEqual([3, 1, 1, 1]);
    expect(series(p, 'NTH', 'families_attached')).toEqual([2, 1, 1, 1]);
    expect(series(p, 'NTH', 'families_closed')).toEqual([1, 1, 0, 2]);
    // F001 attached before the range counts from the start.
    expect(series(p, 'NTH', 'families_attached_cumulative')).toEqual([3, 4, 5, 6]);
    // Closed on the quarter's last day is not open at its end (F003, F005, F011).
    expect(series(p, 'NTH', 'families_open')).toEqual([2, 2, 3, 2]);

    expect(series(p, 'STH', 'families_identified')).toEqual([1, 2, 0, 1]);
    expect(series(p, 'STH', 'families_attached')).toEqual([1, 0, 0, 1]);
    // F009 closed without being attached: a closure, but never open.
    expect(series(p, 'STH', 'families_closed')).toEqual([0, 1, 1, 0]);
    expect(series(p, 'STH', 'families_attached_cumulative')).toEqual([2, 2, 2, 3]);
    expect(series(p, 'STH', 'families_open')).toEqual([2, 2, 1, 2]);
  });

  it('has true zero rows for a locality with no families', () => {
    for (const measure of ['families_identified', 'families_attached', 'families_closed', 'families_open', 'families_attached_cumulative']) {
      expect(series(tables.programme, 'EST', measure)).toEqual([0, 0, 0, 0]);
    }
    // 4 areas x 4 quarters x 5 measures.
    expect(tables.programme).toHaveLength(80);
  });

  it('makes the authority the sum of its localities', () => {
    expect(series(tables.programme, AUTHORITY, 'families_open')).toEqual([4, 4, 4, 4]);
    expect(series(tables.programme, AUTHORITY, 'families_attached_cumulative')).toEqual([5, 6, 7, 9]);
    for (const rows of Object.values(tables)) expectAuthorityIsSum(rows);
  });

  it('counts a family once under each criterion it met when attached', () => {
    const c = tables.criteria;
    expect(new Set(c.map((r) => r.measure))).toEqual(new Set(['families_attached']));
    expect(series(c, 'NTH', 'families_attached', 'crime_asb')).toEqual([1, 1, 1, 0]);
    expect(series(c, 'NTH', 'families_attached', 'education')).toEqual([1, 0, 1, 1]);
    expect(series(c, 'NTH', 'families_attached', 'work')).toEqual([0, 1, 1, 0]);
    // F006 lists education twice and counts once.
    expect(series(c, 'STH', 'families_attached', 'education')).toEqual([1, 0, 0, 0]);
    expect(series(c, 'STH', 'families_attached', 'domestic_abuse')).toEqual([0, 0, 0, 1]);
    expect(series(c, AUTHORITY, 'families_attached', 'crime_asb')).toEqual([1, 1, 1, 1]);
    // 4 areas x 4 quarters x 4 criteria (both phases, deduplicated).
    expect(c).toHaveLength(64);
  });

  it('counts outcomes achieved, and sustained once they have held long enough', () => {
    const o = tables.outcomes;
    expect(series(o, 'NTH', 'outcomes_achieved', 'school_attendance')).toEqual([1, 0, 0, 0]);
    expect(series(o, 'NTH', 'outcomes_sustained', 'school_attendance')).toEqual([0, 0, 1, 0]);
    expect(series(o, 'NTH', 'outcomes_achieved', 'asb_reduction')).toEqual([0, 1, 0, 0]);
    expect(series(o, 'NTH', 'outcomes_sustained', 'asb_reduction')).toEqual([0, 1, 0, 1]);
    expect(series(o, 'NTH', 'outcomes_sustained', 'employment')).toEqual([0, 0, 1, 0]);
    expect(series(o, 'STH', 'outcomes_achieved', 'school_attendance')).toEqual([1, 0, 0, 1]);
    expect(series(o, 'STH', 'outcomes_sustained', 'school_attendance')).toEqual([0, 0, 0, 0]);
    expect(series(o, 'STH', 'outcomes_sustained', 'employment')).toEqual([0, 0, 1, 0]);
    expect(series(o, AUTHORITY, 'outcomes_achieved', 'employment')).toEqual([0, 0, 2, 0]);
    expect(series(o, 'EST', 'outcomes_achieved', 'asb_reduction')).toEqual([0, 0, 0, 0]);
    // Outcomes add up across measures: the "all" row is their total.
    expect(series(o, 'NTH', 'outcomes_achieved', 'all')).toEqual([1, 1, 1, 0]);
    expect(series(o, 'NTH', 'outcomes_sustained', 'all')).toEqual([0, 1, 2, 1]);
    // 4 areas x 4 quarters x (3 measures + all) x 2 counts.
    expect(o).toHaveLength(128);
  });

  it('counts and sums claims by claim type and claim window', () => {
    const c = tables.claims;
    expect(series(c, 'NTH', 'claims', 'attachment_fee')).toEqual([2, 1, 0, 0]);
    expect(series(c, 'NTH', 'claim_amount_gbp', 'attachment_fee')).toEqual([4800, 2400, 0, 0]);
    // 1600.10 + 0.20 summed in pence: exactly 1600.30.
    expect(series(c, 'NTH', 'claim_amount_gbp', 'results_crime_education')).toEqual([0, 0, 0, 1600.3]);
    expect(series(c, 'NTH', 'claims', 'continuous_employment')).toEqual([0, 0, 1, 0]);
    expect(series(c, 'STH', 'claim_amount_gbp', 'attachment_fee')).toEqual([2400, 0, 0, 0]);
    expect(series(c, AUTHORITY, 'claims', 'attachment_fee')).toEqual([3, 1, 0, 0]);
    expect(series(c, AUTHORITY, 'claim_amount_gbp', 'attachment_fee')).toEqual([7200, 2400, 0, 0]);
    // A claim has one type, so the "all" row is the sum of the claim types in every cell.
    for (const total of c.filter((r) => r.breakdown === 'all')) {
      const parts = c.filter(
        (r) => r.breakdown !== 'all' && r.quarter === total.quarter && r.area_code === total.area_code && r.measure === total.measure,
      );
      expect(total.value).toBeCloseTo(parts.reduce((n, r) => n + (r.value ?? 0), 0), 2);
    }
    // 4 areas x 4 quarters x (3 claim types + all) x 2 measures.
    expect(c).toHaveLength(128);
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
