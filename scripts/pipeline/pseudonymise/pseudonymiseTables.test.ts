import type { DuckDBConnection } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { families } from '../contract/extracts.ts';
import { openDuckDB } from '../duckdb.ts';
import { pseudonymFor, pseudonymiseTables, referenceTargets } from './pseudonymiseTables.ts';

const keyText = 'a-test-key-that-is-long-enough-0123456789';
const key = Buffer.from(keyText);
const otherKey = Buffer.from('another-test-key-that-is-long-enough-987');

let conn: DuckDBConnection;

beforeEach(async () => {
  conn = await openDuckDB();
  await conn.run(`
    CREATE TABLE raw_families AS SELECT * FROM (VALUES ('F7Q2K9XW', 'NTH', 2), ('K3M8P1ZD', 'STH', 3), ('B2C4D6F8', 'NTH', 4)) t(family_ref, locality_code, __line);
    CREATE TABLE raw_outcomes AS SELECT * FROM (VALUES ('F7Q2K9XW', 'school_attendance', 2), (' K3M8P1ZD ', 'school_attendance', 3), ('F7Q2K9XW', 'asb_incidents', 4), ('', 'employment', 5), (NULL, 'employment', 6)) t(family_ref, outcome_measure, __line);
    CREATE TABLE raw_claims AS SELECT * FROM (VALUES ('C2013W2-0042', 'F7Q2K9XW', '800.00', 2), ('C2013W3-0007', 'K3M8P1ZD', '1600.00', 3)) t(claim_ref, family_ref, amount_gbp, __line);
    CREATE TABLE raw_area_indicators AS SELECT 'ni_111' AS indicator_code, 1 AS __line;
  `);
});

afterEach(() => {
  conn.closeSync();
});

async function column(table: string, name: string): Promise<Array<string | null>> {
  const reader = await conn.runAndReadAll(`SELECT "${name}" FROM ${table} ORDER BY __line`);
  return reader.getRowsJS().map((row) => (row[0] === null ? null : String(row[0])));
}

describe('referenceTargets', () => {
  it('lists every family_ref and claim_ref column of the contract', () => {
    expect(referenceTargets()).toEqual([
      { table: 'raw_families', column: 'family_ref' },
      { table: 'raw_outcomes', column: 'family_ref' },
      { table: 'raw_claims', column: 'claim_ref' },
      { table: 'raw_claims', column: 'family_ref' },
    ]);
  });
});

describe('pseudonymiseTables', () => {
  it('maps each reference to the same pseudonym in every table', async () => {
    const summary = await pseudonymiseTables(conn, key, referenceTargets());
    expect(summary.distinctValues).toBe(5);
    expect(summary.rewritten.map((target) => target.cells)).toEqual([3, 3, 2, 2]);

    const f7 = pseudonymFor(key, 'F7Q2K9XW');
    const k3 = pseudonymFor(key, 'K3M8P1ZD');
    expect(await column('raw_families', 'family_ref')).toEqual([f7, k3, pseudonymFor(key, 'B2C4D6F8')]);
    expect(await column('raw_outcomes', 'family_ref')).toEqual([f7, k3, f7, '', null]);
    expect(await column('raw_claims', 'family_ref')).toEqual([f7, k3]);
    expect(await column('raw_claims', 'claim_ref')).toEqual([pseudonymFor(key, 'C2013W2-0042'), pseudonymFor(key, 'C2013W3-0007')]);
    expect(await column('raw_claims', 'amount_gbp')).toEqual(['800.00', '1600.00']);

    const orphans = await conn.runAndReadAll(
      `SELECT count(*) FROM raw_outcomes o WHERE o.family_ref <> '' AND o.family_ref NOT IN (SELECT family_ref FROM raw_families)`,
    );
    expect(Number(orphans.getRowsJS()[0]![0])).toBe(0);
  });

  it('writes pseudonyms that fit the family_ref pattern', async () => {
    await pseudonymiseTables(conn, key, referenceTargets());
    const pattern = families.columns[0]!.pattern!;
    for (const value of await column('raw_families', 'family_ref')) {
      expect(value).toMatch(/^P[0-9A-F]{16}$/);
      expect(value).toMatch(pattern);
    }
  });

  it('is deterministic for a key and differs with another key', async () => {
    expect(pseudonymFor(key, 'F7Q2K9XW')).toBe(pseudonymFor(Buffer.from(keyText), 'F7Q2K9XW'));
    expect(pseudonymFor(key, 'F7Q2K9XW')).not.toBe(pseudonymFor(otherKey, 'F7Q2K9XW'));
    expect(pseudonymFor(key, 'F7Q2K9XW')).not.toBe(pseudonymFor(key, 'K3M8P1ZD'));

    await pseudonymiseTables(conn, otherKey, [{ table: 'raw_families', column: 'family_ref' }]);
    expect((await column('raw_families', 'family_ref'))[0]).toBe(pseudonymFor(otherKey, 'F7Q2K9XW'));
  });

  it('leaves neither the key nor the mapping in the database', async () => {
    await pseudonymiseTables(conn, key, referenceTargets());
    const tables = await conn.runAndReadAll('SELECT table_name FROM duckdb_tables() ORDER BY table_name');
    expect(tables.getRowsJS().map((row) => row[0])).toEqual(['raw_area_indicators', 'raw_claims', 'raw_families', 'raw_outcomes']);

    const secrets = [keyText, key.toString('hex'), key.toString('base64'), 'F7Q2K9XW', 'K3M8P1ZD', 'C2013W2-0042'];
    for (const table of ['raw_families', 'raw_outcomes', 'raw_claims', 'raw_area_indicators']) {
      const reader = await conn.runAndReadAll(`SELECT * FROM ${table}`);
      const cells = reader.getRowsJS().flat().map(String);
      for (const secret of secrets) expect(cells.some((cell) => cell.includes(secret))).toBe(false);
    }
  });
});
