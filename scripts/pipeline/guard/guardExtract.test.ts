import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extracts } from '../contract/extracts.ts';
import { ident, openDuckDB } from '../duckdb.ts';
import { formatIssue, PipelineError } from '../issues.ts';
import { guardExtract, guardExtracts, refuseDirectIdentifiers } from './guardExtract.ts';

let conn: DuckDBConnection;
let tables = 0;

beforeAll(async () => {
  conn = await openDuckDB();
});

afterAll(() => {
  conn.closeSync();
});

/** A raw table as the reader makes it: VARCHAR columns and the source line, data from line 2. */
async function rawTable(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | null>>): Promise<string> {
  const table = `raw_test_${++tables}`;
  await conn.run(`CREATE TABLE ${ident(table)} (${columns.map((column) => `${ident(column)} VARCHAR`).join(', ')}, __line INTEGER)`);
  const appender = await conn.createAppender(table);
  rows.forEach((row, index) => {
    for (const value of row) {
      if (value === null) appender.appendNull();
      else appender.appendVarchar(value);
    }
    appender.appendInteger(index + 2);
    appender.endRow();
  });
  appender.closeSync();
  return table;
}

async function guardRows(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | null>>, file = 'families.csv') {
  const table = await rawTable(columns, rows);
  return guardExtract(conn, { table, file, columns });
}

const familiesColumns = extracts[0]!.columns.map((column) => column.name);
const familyRow = ['F7Q2K9XW', 'NTH', 'E01012345', 'phase_1', '2013-14', '2013-05-14', '2013-06-02', '', 'crime_asb;education', 'early_help', '2', '3'];

/** Identifiers of every kind, with a fragment that must not survive into any message. */
const identifiers = [
  { kind: 'NHS number', value: '9434765919', secret: '4765919' },
  { kind: 'NHS number', value: '943 476 5919', secret: '476 5919' },
  { kind: 'National Insurance number', value: 'AB123456C', secret: '123456' },
  { kind: 'National Insurance number', value: 'JG 10 37 04 A', secret: '10 37 04' },
  { kind: 'full UK postcode', value: 'SW1A 1AA', secret: 'W1A' },
  { kind: 'full UK postcode', value: 'M11AE', secret: '11AE' },
  { kind: 'email address', value: 'jo.bloggs@example.org', secret: 'bloggs' },
  { kind: 'UK phone number', value: '07700 900123', secret: '900123' },
  { kind: 'UK phone number', value: '+44 20 7946 0958', secret: '7946' },
  { kind: 'UK phone number', value: '0161-496-0000', secret: '496' },
  { kind: 'Unique Pupil Number', value: 'B801200005001', secret: '801200005001' },
];

describe('guardExtract: column names', () => {
  it('accepts a clean extract that follows the contract', async () => {
    expect(await guardRows(familiesColumns, [familyRow, familyRow])).toEqual([]);
  });

  it.each(['first_name', 'surname', 'dob', 'address_line_1', 'postcode', 'nhs_number', 'upn', 'ni_number', 'email', 'mobile'])(
    'refuses a "%s" column at its header position',
    async (header) => {
      const issues = await guardRows([...familiesColumns, header], [[...familyRow, 'x']]);
      expect(issues).toEqual([
        expect.objectContaining({
          file: 'families.csv',
          line: 1,
          column: familiesColumns.length + 1,
          column_name: header,
          code: 'direct_identifier_column',
          severity: 'error',
        }),
      ]);
      expect(issues[0]!.fix).toContain(`Remove the column "${header}"`);
      expect(issues[0]!.fix).toContain('anonymised extracts');
    },
  );

  it('reports a refused column once, not once per identifying value in it', async () => {
    const issues = await guardRows(['family_ref', 'nhs_number'], [['F7Q2K9XW', '9434765919'], ['F7Q2K9XX', '4010232137']]);
    expect(issues.map((issue) => issue.code)).toEqual(['direct_identifier_column']);
  });
});

describe('guardExtract: values', () => {
  it.each(identifiers)('refuses $kind "$value" in an unexpected column', async ({ kind, value }) => {
    const issues = await guardRows(['family_ref', 'notes'], [['F7Q2K9XW', 'nothing here'], ['F7Q2K9XX', value]]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 3, column: 2, column_name: 'notes', code: 'direct_identifier_value', severity: 'error' });
    expect(issues[0]!.message).toContain(kind);
  });

  it.each(identifiers)('refuses $kind "$value" hidden in lead_agency, alone or in text', async ({ kind, value }) => {
    const rows = [familyRow, familyRow.with(9, value), familyRow.with(9, `see ${value}, urgent`)];
    const issues = await guardRows(familiesColumns, rows);
    expect(issues.map((issue) => [issue.line, issue.column, issue.column_name])).toEqual([
      [3, 10, 'lead_agency'],
      [4, 10, 'lead_agency'],
    ]);
    expect(issues[0]!.message).toContain(kind);
  });

  it.each(identifiers)('masks $kind "$value" in the message and names file:line:column', async ({ value, secret }) => {
    const [issue] = await guardRows(['family_ref', 'notes'], [['F7Q2K9XW', value]], 'claims.csv');
    const text = formatIssue(issue!);
    expect(text.startsWith('claims.csv:2:2: error (notes): ')).toBe(true);
    expect(text).not.toContain(value);
    expect(text).not.toContain(secret);
    expect(text).toContain('*');
  });

  it('shows an NHS number as its first three digits only', async () => {
    const [issue] = await guardRows(['notes'], [['943 476 5919']]);
    expect(issue!.message).toContain('943 *** ****');
  });

  it('refuses an NHS number with a valid check digit and accepts the same digits with any other', async () => {
    const wrong = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((digit) => [`943476591${digit}`]);
    expect(await guardRows(['notes'], wrong)).toEqual([]);
    expect(await guardRows(['notes'], [...wrong, ['9434765919']])).toHaveLength(1);
  });

  it('refuses a UPN with a valid check letter only', async () => {
    expect(await guardRows(['notes'], [['A801200005001'], ['C801200005001']])).toEqual([]);
    expect(await guardRows(['notes'], [['B801200005001']])).toHaveLength(1);
  });

  it('does not take never-issued National Insurance prefixes for NI numbers', async () => {
    const rows = ['BG123456C', 'GB123456C', 'NK123456C', 'KN123456C', 'TN123456C', 'NT123456C', 'ZZ123456C', 'DA123456C', 'AO123456C', 'AB123456E'];
    expect(await guardRows(['notes'], rows.map((value) => [value]))).toEqual([]);
  });

  it('does not flag the ordinary values of the extracts', async () => {
    const ordinary = [
      '2013-05-14', '14/05/2013', '800.00', '1600.00', 'E01012345', 'E06009901', 'E05012345', 'F7Q2K9XW', 'C2013W2-0042',
      '2013-14 Q2', '2013-14', 'ni_111', 'NTH', 'phase_1', 'crime_asb;education', 'results_crime_education', 'early_help',
      '18.5', '1830', '21.4', '0', '9434765918', '1234567890', '', null,
    ];
    expect(await guardRows(['value'], ordinary.map((value) => [value]))).toEqual([]);
  });

  it('reports the first 5 lines per column and kind, with the total', async () => {
    const rows = Array.from({ length: 8 }, (_, index) => [`person${index}@example.org`, index === 6 ? '9434765919' : 'NTH']);
    const issues = await guardRows(['notes', 'area'], rows);
    expect(issues.map((issue) => [issue.column_name, issue.line])).toEqual([
      ['notes', 2], ['notes', 3], ['notes', 4], ['notes', 5], ['notes', 6],
      ['area', 8],
    ]);
    expect(issues[0]!.message).toContain('has 8 values like this; the first 5 are reported');
    expect(issues[5]!.message).toContain('has 1 value like this.');
  });
});

describe('guardExtracts and refuseDirectIdentifiers', () => {
  it('guards several tables and refuses with every issue', async () => {
    const clean = await rawTable(familiesColumns, [familyRow]);
    const dirty = await rawTable(['claim_ref', 'family_ref', 'contact'], [['C2013W2-0042', 'F7Q2K9XW', 'jo@example.org']]);
    const targets = [
      { table: clean, file: 'families.csv', columns: familiesColumns },
      { table: dirty, file: 'claims.csv', columns: ['claim_ref', 'family_ref', 'contact'] },
    ];
    const issues = await guardExtracts(conn, targets);
    expect(issues.map((issue) => `${issue.file}:${issue.line}:${issue.column}`)).toEqual(['claims.csv:2:3']);

    const refusal = await refuseDirectIdentifiers(conn, targets).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PipelineError);
    expect((refusal as PipelineError).issues).toEqual(issues);
    expect((refusal as PipelineError).message).toBe('Refused: direct identifiers found in claims.csv (1 issue); nothing was written.');
    await expect(refuseDirectIdentifiers(conn, targets.slice(0, 1))).resolves.toBeUndefined();
  });
});
