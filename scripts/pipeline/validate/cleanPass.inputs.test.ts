/**
 * The clean pass against the detailed path on the inputs the reader and the privacy guard refuse
 * or repair (the cases of tests/pipeline/cli-errors and hostile-inputs, and the guard's), read both
 * ways with the guard in place: the same refusal with the same issues, or the same result and
 * typed tables. Identifiers hidden in typed columns matter most: a phone number is a whole
 * number to the integer parser, and only the identifier scan stands between it and a release.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { guardTargets, refuseDirectIdentifiers } from '../guard/guardExtract.ts';
import { PipelineError } from '../issues.ts';
import { fixtureReference, goodExtractsDir, workspace } from './__fixtures__/setup.ts';
import { cleanPass } from './cleanPass.ts';
import { prepareValidation } from './validateExtract.ts';
import { loadAndValidateExtracts } from './validateExtracts.ts';
import { claims, families } from '../contract/extracts.ts';
import { openDuckDB } from '../duckdb.ts';
import { readExtract } from '../read/readExtract.ts';

const TODAY = '2025-06-30';

type Change = (lines: string[]) => string[];

/** The good file with `change` applied to its lines (header first). */
async function changed(file: string, change: Change, eol = '\n'): Promise<string> {
  const lines = (await readFile(join(goodExtractsDir, file), 'utf8')).trimEnd().split('\n');
  return change(lines).join(eol) + eol;
}

/** Line `n` (1-based, header is 1) with field `i` (0-based) set to `value`. */
const setField = (n: number, i: number, value: string): Change => (lines) =>
  lines.map((l, k) => (k === n - 1 ? l.split(',').map((f, j) => (j === i ? value : f)).join(',') : l));

/** The extracts read both ways, each on its own connection, from the one folder. */
async function bothWays(replace: Record<string, string | Buffer | null>) {
  const ws = await workspace(replace);
  try {
    const detailed = await run(ws.conn, ws.extractsDir, `${ws.workDir}-detailed`, false);
    const twin = await openDuckDB();
    try {
      return { detailed, fast: await run(twin, ws.extractsDir, `${ws.workDir}-clean`, true) };
    } finally {
      twin.closeSync();
    }
  } finally {
    await ws.close();
  }
}

async function run(conn: DuckDBConnection, extractsDir: string, workDir: string, clean: boolean) {
  try {
    const result = await loadAndValidateExtracts(conn, extractsDir, await fixtureReference(), {
      today: TODAY,
      workDir,
      cleanPass: clean,
      afterRead: (read) => refuseDirectIdentifiers(conn, guardTargets(read.reads)),
    });
    return { result, tables: await typedTables(conn) };
  } catch (error) {
    if (!(error instanceof PipelineError)) throw error;
    return { refused: error.message, issues: error.issues };
  }
}

async function typedTables(conn: DuckDBConnection): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of ['families', 'outcomes', 'claims', 'area_indicators']) {
    out[table] = (await conn.runAndReadAll(`SELECT * FROM "${table}" ORDER BY __line`)).getRowObjectsJS();
  }
  return out;
}

const cases: [string, () => Promise<Record<string, string | Buffer | null>>, 'refused' | 'issues' | 'clean'][] = [
  ['a valid NHS number in a free-text reference', async () => ({ 'outcomes.csv': await changed('outcomes.csv', setField(2, 0, '9434765919')) }), 'refused'],
  ['a phone number that parses as a whole number', async () => ({ 'families.csv': await changed('families.csv', setField(3, 10, '0123456789')) }), 'refused'],
  ['a phone number in a decimal column', async () => ({ 'claims.csv': await changed('claims.csv', setField(2, 5, '07700900123')) }), 'refused'],
  ['an e-mail address in a code column', async () => ({ 'claims.csv': await changed('claims.csv', setField(3, 3, 'jo.bloggs@example.org')) }), 'refused'],
  ['a postcode in a code column', async () => ({ 'outcomes.csv': await changed('outcomes.csv', setField(4, 1, 'SW1A 1AA')) }), 'refused'],
  ['a National Insurance number in a pattern column', async () => ({ 'families.csv': await changed('families.csv', setField(2, 2, 'AB123456C')) }), 'refused'],
  ['an identifier in the last row of the smallest file', async () => ({ 'area_indicators.csv': await changed('area_indicators.csv', (l) => [...l, 'ni_116,NTH,2013-14,07700 900123,9800,']) }), 'refused'],
  ['an identifier column name', async () => ({ 'families.csv': await changed('families.csv', (l) => l.map((x, k) => `${x},${k === 0 ? 'email' : ''}`)) }), 'refused'],
  ['a row of empty fields', async () => ({ 'families.csv': await changed('families.csv', (l) => [...l.slice(0, 2), ','.repeat(families.columns.length - 1), ...l.slice(2)]) }), 'issues'],
  ['a row of spaces', async () => ({ 'outcomes.csv': await changed('outcomes.csv', (l) => [...l, Array(10).fill('  ').join(',')]) }), 'issues'],
  ['a blank line', async () => ({ 'outcomes.csv': await changed('outcomes.csv', (l) => [...l.slice(0, 2), '', ...l.slice(2)]) }), 'issues'],
  ['a record with a field too many', async () => ({ 'claims.csv': await changed('claims.csv', (l) => l.map((x, k) => (k === 2 ? `${x},extra` : x))) }), 'issues'],
  ['a truncated last record', async () => ({ 'claims.csv': (await changed('claims.csv', (l) => l)).replace(/,[^,\n]*,[^,\n]*\n$/, '') }), 'issues'],
  ['a header and no rows', async () => ({ 'claims.csv': await changed('claims.csv', (l) => l.slice(0, 1)) }), 'issues'],
  ['an empty file', async () => ({ 'area_indicators.csv': '' }), 'issues'],
  ['a missing file', async () => ({ 'area_indicators.csv': null }), 'issues'],
  ['a missing optional column', async () => ({ 'families.csv': await changed('families.csv', (l) => l.map((x) => x.split(',').filter((_, j) => j !== 2).join(','))) }), 'clean'],
  ['an unknown column', async () => ({ 'claims.csv': await changed('claims.csv', (l) => l.map((x, k) => `${x},${k === 0 ? 'notes' : 'x'}`)) }), 'issues'],
  ['quoted fields', async () => ({ 'claims.csv': await changed('claims.csv', (l) => l.map((x, k) => (k === 1 ? x.split(',').map((f) => `"${f}"`).join(',') : x))) }), 'clean'],
  ['Windows-1252', async () => ({ 'families.csv': Buffer.from(await changed('families.csv', setField(2, 9, 'early_help\u00e9')), 'latin1') }), 'issues'],
  ['a byte-order mark', async () => ({ 'families.csv': `\ufeff${await changed('families.csv', (l) => l)}` }), 'clean'],
  ['a byte-order mark and CRLF', async () => ({ 'outcomes.csv': `\ufeff${await changed('outcomes.csv', (l) => l, '\r\n')}` }), 'clean'],
  ['CRLF line endings', async () => ({ 'families.csv': await changed('families.csv', (l) => l, '\r\n') }), 'clean'],
  ['columns in another order, names in capitals', async () => ({ 'claims.csv': await changed('claims.csv', (l) => l.map((x, k) => { const f = x.split(','); const r = [f[5], f[0], f[4], f[1], f[3], f[2]]; return (k === 0 ? r.map((n) => n?.toUpperCase()) : r).join(','); })) }), 'clean'],
  ['values with spaces around them', async () => ({ 'families.csv': await changed('families.csv', setField(2, 0, ' FAM-0001  ')) }), 'clean'],
  ['a duplicate key', async () => ({ 'outcomes.csv': await changed('outcomes.csv', (l) => [...l, l[1] ?? '']) }), 'issues'],
  ['a value that does not parse', async () => ({ 'families.csv': await changed('families.csv', setField(2, 11, 'three')) }), 'issues'],
  ['a number with an exponent', async () => ({ 'claims.csv': await changed('claims.csv', setField(2, 5, '8e2')) }), 'issues'],
  ['a UTF-8 file cut off inside a character', async () => ({ 'claims.csv': Buffer.from(`${(await changed('claims.csv', (l) => l)).trimEnd()}é`, 'utf8').subarray(0, -1) }), 'issues'],
  ['a stray NUL byte', async () => ({ 'outcomes.csv': (await changed('outcomes.csv', (l) => l)).replace('\n', '\n\0') }), 'issues'],
];

describe('the clean pass gives what the detailed path gives', () => {
  it.each(cases)('%s', async (_name, make, expected) => {
    const replace = await make();
    const { detailed, fast } = await bothWays(replace);
    expect(fast).toEqual(detailed);
    if (expected === 'refused') expect(detailed.refused).toMatch(/^Refused: direct identifiers/);
    else if (expected === 'issues') expect(detailed.result?.issues.length ?? 0).toBeGreaterThan(0);
    else expect(detailed.result?.issues).toEqual([]);
  });

  it('calls a file clean only when nothing in it needs a closer look', async () => {
    const ws = await workspace({ 'claims.csv': await changed('claims.csv', setField(2, 5, '07700900123')) });
    try {
      await prepareValidation(ws.conn, await fixtureReference());
      const columns = (await readFile(join(ws.extractsDir, 'claims.csv'), 'utf8')).split('\n')[0]!.split(',');
      expect(await cleanPass.run(ws.conn, claims, join(ws.extractsDir, 'claims.csv'), columns, 2)).toBeNull();
      expect((await ws.conn.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE table_name = 'claims'`)).getRows()[0]?.[0]).toBe(0n);
      const good = join(goodExtractsDir, 'claims.csv');
      expect(await cleanPass.run(ws.conn, claims, good, columns, 2)).toBe(4);
      const lines = await ws.conn.runAndReadAll(`SELECT list(__line ORDER BY __line) FROM claims`);
      expect(lines.getRowsJS()[0]?.[0]).toEqual([2, 3, 4, 5]);
    } finally {
      await ws.close();
    }
  });

  it('takes a file with a byte-order mark (Excel\'s "CSV UTF-8") through the clean pass, from the file as written', async () => {
    const good = await readFile(join(goodExtractsDir, 'claims.csv'), 'utf8');
    const ws = await workspace({ 'claims.csv': `\ufeff${good.replaceAll('\n', '\r\n')}` });
    try {
      await prepareValidation(ws.conn, await fixtureReference());
      const read = await readExtract(ws.conn, ws.extractsDir, claims, { workDir: ws.workDir, cleanPass });
      expect(read).toMatchObject({ encoding: 'utf-8-bom', clean: true, rowsIn: 4, issues: [], header: claims.columns.map((c) => c.name) });
      const typed = await ws.conn.runAndReadAll(`SELECT list(__line ORDER BY __line), list(claim_ref ORDER BY __line) FROM claims`);
      const refs = good.trimEnd().split('\n').slice(1).map((l) => l.split(',')[0]);
      expect(typed.getRowsJS()[0]).toEqual([[2, 3, 4, 5], refs]);
      // Nothing was copied: DuckDB read the extract itself.
      expect(existsSync(ws.workDir)).toBe(false);
    } finally {
      await ws.close();
    }
  });
});
