import type { DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDB } from '../duckdb.ts';
import { scanIdentifierValues } from './scanIdentifierValues.ts';

let conn: DuckDBConnection;

beforeAll(async () => {
  conn = await openDuckDB();
});

afterAll(() => {
  conn.closeSync();
});

/** Scan one column of values (one a line) and return its findings as kind -> total. */
async function scan(values: readonly string[]): Promise<Record<string, number>> {
  await conn.run('CREATE OR REPLACE TABLE raw_property (value VARCHAR, __line INTEGER)');
  const appender = await conn.createAppender('raw_property');
  values.forEach((value, index) => {
    appender.appendVarchar(value);
    appender.appendInteger(index + 2);
    appender.endRow();
  });
  appender.closeSync();
  const findings = await scanIdentifierValues(conn, 'raw_property', [{ name: 'value', position: 1 }]);
  return Object.fromEntries(findings.map((finding) => [finding.kind, finding.total]));
}

// Check digits computed here independently of the SQL under test.
function nhsCheck(nine: readonly number[]): number {
  const sum = nine.reduce((total, digit, index) => total + digit * (10 - index), 0);
  return (11 - (sum % 11)) % 11;
}

const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length });
const pad = (value: number, width: number) => String(value).padStart(width, '0');

const validNhsNumber = fc
  .tuple(digits(9), fc.constantFrom('', ' ', '-'))
  .filter(([nine]) => nhsCheck(nine) !== 10)
  .map(([nine, gap]) => {
    const all = [...nine, nhsCheck(nine)].join('');
    return `${all.slice(0, 3)}${gap}${all.slice(3, 6)}${gap}${all.slice(6)}`;
  });

const invalidNhsNumber = digits(9)
  .chain((nine) => fc.integer({ min: 0, max: 9 }).filter((last) => last !== nhsCheck(nine)).map((last) => [...nine, last].join('')))
  // A leading 0 and nine digits is also the shape of a UK phone number, refused as such.
  .filter((number) => !number.startsWith('0'));

const validUpn = fc.tuple(digits(12)).map(([twelve]) => {
  const sum = twelve.reduce((total, digit, index) => total + digit * (index + 2), 0);
  return `${'ABCDEFGHJKLMNPQRTUVWXYZ'[sum % 23]}${twelve.join('')}`;
});

const isoDate = fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
const year = fc.integer({ min: 2000, max: 2039 });

const legitimate = fc.oneof(
  fc.stringMatching(/^[A-Z0-9]{8}$/), // family_ref
  fc.tuple(year, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 9999 })).map(([y, window, n]) => `C${y}W${window}-${pad(n, 4)}`), // claim_ref
  isoDate,
  isoDate.map((iso) => iso.split('-').reverse().join('/')), // UK date
  fc.integer({ min: 0, max: 10_000_000 }).map((pence) => (pence / 100).toFixed(2)), // amount
  fc.integer({ min: 0, max: 1_000_000 }).map(String), // count
  fc.double({ min: 0, max: 1000, noNaN: true }).map((value) => value.toFixed(1)), // rate
  fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-${pad((y + 1) % 100, 2)} Q${q}`), // period
  fc.tuple(fc.constantFrom('E01', 'E05', 'E06', 'E07', 'E08', 'E09', 'E10'), digits(6)).map(([prefix, six]) => prefix + six.join('')), // ONS code
  fc.integer({ min: 1, max: 200 }).map((n) => `ni_${n}`), // indicator code
  invalidNhsNumber,
);

describe('scanIdentifierValues properties', () => {
  it('never flags legitimate references, dates, amounts, periods and codes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(legitimate, { minLength: 1, maxLength: 40 }), async (values) => {
        expect(await scan(values)).toEqual({});
      }),
      { numRuns: 150 },
    );
  });

  it('always flags NHS numbers with a valid check digit, however spaced', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(validNhsNumber, { minLength: 1, maxLength: 20 }), async (values) => {
        expect((await scan(values)).nhs_number).toBe(values.length);
      }),
      { numRuns: 100 },
    );
  });

  it('always flags UPNs with a valid check letter', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(validUpn, { minLength: 1, maxLength: 20 }), async (values) => {
        expect((await scan(values)).upn).toBe(values.length);
      }),
      { numRuns: 50 },
    );
  });
});

/** Scan a two-column table and return its findings as "position:kind" -> total. */
async function scanPairs(rows: readonly (readonly [string, string])[]): Promise<Record<string, number>> {
  await conn.run('CREATE OR REPLACE TABLE raw_pairs (a VARCHAR, b VARCHAR, __line INTEGER)');
  const appender = await conn.createAppender('raw_pairs');
  rows.forEach(([a, b], index) => {
    appender.appendVarchar(a);
    appender.appendVarchar(b);
    appender.appendInteger(index + 2);
    appender.endRow();
  });
  appender.closeSync();
  const findings = await scanIdentifierValues(conn, 'raw_pairs', [
    { name: 'a', position: 1 },
    { name: 'b', position: 2 },
  ]);
  return Object.fromEntries(findings.map((finding) => [`${finding.column.position}:${finding.kind}`, finding.total]));
}

// The scan's first pass runs one regex over each row's cells joined together: it must not miss an
// identifier in either cell (the separator keeps word boundaries at the cell edges), and what it
// reports must still be whole cells, never the end of one cell and the start of the next.
describe('scanIdentifierValues across the cells of a row', () => {
  const digitRun = fc.integer({ min: 1, max: 12 }).chain((n) => digits(n).map((d) => d.join('')));

  it('never joins two cells into an identifier', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(digitRun, digitRun), { minLength: 1, maxLength: 30 }), async (rows) => {
        // Each cell alone is clean (checked with the one-column scan), so the pair must be too.
        const cleanRows = [];
        for (const [a, b] of rows) if (Object.keys(await scan([a, b])).length === 0) cleanRows.push([a, b] as const);
        expect(await scanPairs(cleanRows)).toEqual({});
      }),
      { numRuns: 40 },
    );
    expect(await scanPairs([['943', '476 5919'], ['077009', '00123']])).toEqual({});
  });

  it('finds an identifier in whichever cell holds it, next to legitimate values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(legitimate, validNhsNumber, fc.boolean()), { minLength: 1, maxLength: 20 }), async (rows) => {
        const pairs = rows.map(([ok, nhs, first]) => (first ? ([nhs, ok] as const) : ([ok, nhs] as const)));
        const inFirst = rows.filter(([, , first]) => first).length;
        const expected: Record<string, number> = {};
        if (inFirst > 0) expected['1:nhs_number'] = inFirst;
        if (inFirst < rows.length) expected['2:nhs_number'] = rows.length - inFirst;
        // A leading 0 also makes the number a phone number's shape; only the NHS findings matter here.
        const found = Object.entries(await scanPairs(pairs)).filter(([key]) => key.endsWith(':nhs_number'));
        expect(Object.fromEntries(found)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});

describe('scanIdentifierValues on a wide table', () => {
  it('scans 5,000 columns in one query and names the column holding the identifier', async () => {
    // With a query branch per column this took minutes; one UNPIVOT keeps the plan one size.
    const width = 5000;
    const cells = Array.from({ length: width }, (_, i) => (i === width - 2 ? `CASE WHEN i = 3 THEN 'jo@example.org' ELSE 'x' END AS c${i}` : `'x' AS c${i}`));
    await conn.run(`CREATE OR REPLACE TABLE raw_wide AS SELECT i::INTEGER + 2 AS __line, ${cells.join(', ')} FROM range(10) r(i)`);
    const columns = Array.from({ length: width }, (_, i) => ({ name: `c${i}`, position: i + 1 }));
    const findings = await scanIdentifierValues(conn, 'raw_wide', columns);
    expect(findings).toEqual([{ column: { name: `c${width - 2}`, position: width - 1 }, kind: 'email', total: 1, examples: [{ line: 5, text: 'jo@example.org' }] }]);
  });
});
