import { afterEach, describe, expect, it } from 'vitest';
import type { DataIssue } from '../issues.ts';
import { fixtureReference, rows, workspace, type Workspace } from './__fixtures__/setup.ts';
import { loadAndValidateExtracts, type ExtractsResult } from './validateExtracts.ts';

const TODAY = '2025-06-30';
const FAMILIES = 'family_ref,locality_code,lsoa_code,programme_phase,cohort_year,date_identified,date_attached,date_closed,criteria,lead_agency,adults,children';
/** A good families row with some fields replaced by position (0-based). */
function family(ref: string, changes: Record<number, string> = {}): string {
  const fields = [ref, 'NTH', '', 'phase_1', '2013-14', '2013-05-14', '2013-06-02', '', 'crime_asb;education', 'early_help', '2', '3'];
  for (const [i, v] of Object.entries(changes)) fields[Number(i)] = v;
  return fields.join(',');
}
const families = (...lines: string[]) => `${FAMILIES}\n${lines.join('\n')}\n`;

let ws: Workspace | null = null;
afterEach(async () => {
  await ws?.close();
  ws = null;
});

async function validate(replace: Record<string, string | null>, opts: { detailCap?: number; acceptPartial?: boolean } = {}): Promise<ExtractsResult> {
  ws = await workspace(replace);
  return loadAndValidateExtracts(ws.conn, ws.extractsDir, await fixtureReference(), { today: TODAY, workDir: ws.workDir, keepRaw: true, ...opts });
}

function issuesFor(result: ExtractsResult, file: string, code?: string): DataIssue[] {
  return result.issues.filter((i) => i.file === file && (code === undefined || i.code === code));
}

function fileResult(result: ExtractsResult, file: string) {
  const found = result.files.find((f) => f.file === file);
  if (!found) throw new Error(`no result for ${file}`);
  return found;
}

describe('validateExtracts: the happy path', () => {
  it('accepts the good extracts and builds typed tables', async () => {
    const result = await validate({});
    expect(result.issues).toEqual([]);
    expect(result).toMatchObject({ errors: 0, warnings: 0, rejected: 0, failed: false });
    expect(result.files.map((f) => [f.file, f.encoding, f.rowsIn, f.accepted, f.rejected])).toEqual([
      ['families.csv', 'utf-8', 4, 4, 0],
      ['outcomes.csv', 'utf-8', 4, 4, 0],
      ['claims.csv', 'utf-8', 4, 4, 0],
      ['area_indicators.csv', 'utf-8', 4, 4, 0],
    ]);
    const types = await rows(ws!.conn, `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'families' ORDER BY column_index`);
    expect(types.map((t) => `${t.column_name} ${t.data_type}`)).toEqual([
      'family_ref VARCHAR', 'locality_code VARCHAR', 'lsoa_code VARCHAR', 'programme_phase VARCHAR', 'cohort_year VARCHAR',
      'date_identified DATE', 'date_attached DATE', 'date_closed DATE', 'criteria VARCHAR[]', 'lead_agency VARCHAR',
      'adults INTEGER', 'children INTEGER', '__line INTEGER',
    ]);
    const [first] = await rows(ws!.conn, `SELECT family_ref, CAST(date_identified AS VARCHAR) AS d, criteria, adults, __line FROM families ORDER BY __line LIMIT 1`);
    expect(first).toEqual({ family_ref: 'FAM-0001', d: '2013-05-14', criteria: ['crime_asb', 'education'], adults: 2, __line: 2 });
    const [claim] = await rows(ws!.conn, `SELECT amount_gbp, claim_window FROM claims ORDER BY __line LIMIT 1`);
    expect(claim).toEqual({ amount_gbp: 2400, claim_window: '2013-14 Q2' });
  });

  it('drops the raw tables after validation unless asked to keep them', async () => {
    ws = await workspace({});
    await loadAndValidateExtracts(ws.conn, ws.extractsDir, await fixtureReference(), { today: TODAY, workDir: ws.workDir });
    expect(await rows(ws.conn, `SELECT table_name FROM duckdb_tables() WHERE NOT temporary ORDER BY 1`)).toEqual(
      ['area_indicators', 'claims', 'families', 'outcomes'].map((table_name) => ({ table_name })),
    );
  });

  it('runs the afterRead hook on the raw tables before validation', async () => {
    ws = await workspace({});
    const seen: string[] = [];
    const conn = ws.conn;
    await loadAndValidateExtracts(conn, ws.extractsDir, await fixtureReference(), {
      today: TODAY,
      workDir: ws.workDir,
      afterRead: async (read) => {
        seen.push(...read.reads.map((r) => r.table));
        const tables = await rows(conn, `SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND table_name NOT LIKE 'raw_%'`);
        expect(tables).toEqual([]);
      },
    });
    expect(seen).toEqual(['raw_families', 'raw_outcomes', 'raw_claims', 'raw_area_indicators']);
  });
});

describe('validateExtracts: values', () => {
  it('accepts UK dates (dd/mm/yyyy and d/m/yyyy) and types them', async () => {
    const result = await validate({ 'families.csv': families(family('FAM-0001', { 5: '14/05/2013', 6: '2/6/2013' }), family('FAM-0002', { 0: 'FAM-0002' })) });
    expect(issuesFor(result, 'families.csv')).toEqual([]);
    const dates = await rows(ws!.conn, `SELECT CAST(date_identified AS VARCHAR) AS i, CAST(date_attached AS VARCHAR) AS a FROM families WHERE family_ref = 'FAM-0001'`);
    expect(dates).toEqual([{ i: '2013-05-14', a: '2013-06-02' }]);
  });

  it('rejects impossible, US-ordered and two-digit-year dates with a fix', async () => {
    const result = await validate({
      'families.csv': families(family('FAM-0001', { 5: '31/02/2013' }), family('FAM-0002', { 5: '05/14/2013' }), family('FAM-0003', { 5: '14/05/13' }), family('FAM-0004', { 5: 'May 2013' })),
    });
    const issues = issuesFor(result, 'families.csv', 'invalid_date');
    expect(issues.map((i) => [i.line, i.column, i.column_name, i.message])).toEqual([
      [2, 6, 'date_identified', '"31/02/2013" is not a real date (day/month/year).'],
      [3, 6, 'date_identified', '"05/14/2013" is not a valid day/month/year date: it looks like month/day/year (US order).'],
      [4, 6, 'date_identified', '"14/05/13" has a two-digit year.'],
      [5, 6, 'date_identified', '"May 2013" is not a date in a recognised format.'],
    ]);
    expect(issues[1]?.fix).toContain('day first (14/05/2013)');
    expect(issues[2]?.fix).toContain('Write the year in full');
    expect(fileResult(result, 'families.csv')).toMatchObject({ rowsIn: 4, accepted: 0, rejected: 4 });
  });

  it('rejects dates in the future', async () => {
    const result = await validate({ 'families.csv': families(family('FAM-0001', { 5: '2025-07-01', 6: '2025-07-02' })) });
    expect(issuesFor(result, 'families.csv', 'future_date').map((i) => [i.line, i.column, i.message])).toEqual([
      [2, 6, 'date_identified 2025-07-01 is in the future (after 2025-06-30).'],
      [2, 7, 'date_attached 2025-07-02 is in the future (after 2025-06-30).'],
    ]);
    // Two problems, one rejected row.
    expect(fileResult(result, 'families.csv').rejected).toBe(1);
  });

  it('rejects values of the wrong type, saying how to fix them', async () => {
    const result = await validate({
      'families.csv': families(family('FAM-0001', { 11: '"1,234"' }), family('FAM-0002', { 10: '1.5' }), family('FAM-0003', { 10: '-1' })),
      'claims.csv': 'claim_ref,family_ref,claim_window,claim_type,claim_date,amount_gbp\nC-0001,FAM-0001,2013-14 Q2,attachment_fee,2013-07-15,£800.00\n',
    });
    const wrong = result.issues.filter((i) => ['invalid_integer', 'invalid_number', 'below_minimum'].includes(i.code));
    expect(wrong.map((i) => [i.file, i.line, i.column, i.code, i.message])).toEqual([
      ['claims.csv', 2, 6, 'invalid_number', '"£800.00" is not a number.'],
      ['families.csv', 2, 12, 'invalid_integer', '"1,234" is not a whole number.'],
      ['families.csv', 3, 11, 'invalid_integer', '"1.5" is not a whole number.'],
      ['families.csv', 4, 11, 'below_minimum', 'adults -1 is below the minimum of 0.'],
    ]);
    expect(wrong[0]?.fix).toBe('Remove the "£" sign: write 800.00, not £800.00.');
    expect(wrong[1]?.fix).toContain('Remove the thousands separator');
    expect(wrong[2]?.fix).toBe('Give a whole number without decimal places, e.g. 2.');
  });

  it('refuses numbers written with an exponent or too large to be a count or an amount', async () => {
    const header = 'claim_ref,family_ref,claim_window,claim_type,claim_date,amount_gbp';
    const claim = (ref: string, amount: string) => `${ref},FAM-0001,2013-14 Q2,attachment_fee,2013-07-15,${amount}`;
    const result = await validate({
      'families.csv': families(family('FAM-0001')),
      'claims.csv': [header, claim('C-0001', '8e2'), claim('C-0002', '1.5E+3'), claim('C-0003', '1000000000000000'), claim('C-0004', 'inf'), claim('C-0005', '999999999999999'), ''].join('\n'),
    });
    const wrong = issuesFor(result, 'claims.csv', 'invalid_number');
    expect(wrong.map((i) => [i.line, i.column, i.message])).toEqual([
      [2, 6, '"8e2" is written with an exponent (scientific notation), not in plain digits.'],
      [3, 6, '"1.5E+3" is written with an exponent (scientific notation), not in plain digits.'],
      [4, 6, '"1000000000000000" is too large: numbers of 1,000,000,000,000,000 or more are refused.'],
      [5, 6, '"inf" is not a number.'],
    ]);
    expect(wrong[0]?.fix).toContain('Write the number in full, in digits (800, not 8e2)');
    expect(wrong[2]?.fix).toContain('no count or amount in an extract comes near this size');
  });

  it('reports missing required values and malformed references', async () => {
    const result = await validate({ 'families.csv': families(family('FAM-0001', { 1: '' }), family('F1')) });
    expect(issuesFor(result, 'families.csv').map((i) => [i.line, i.column, i.code, i.message])).toEqual([
      [2, 2, 'missing_value', 'locality_code is empty but is required.'],
      [3, 1, 'invalid_format', '"F1" is not a valid family_ref (4-64 letters, digits, "-" or "_").'],
    ]);
  });

  it('checks financial years and periods', async () => {
    const result = await validate({
      'families.csv': families(family('FAM-0001', { 4: '2013/14' }), family('FAM-0002', { 4: '2013-15' })),
      'claims.csv': 'claim_ref,family_ref,claim_window,claim_type,claim_date,amount_gbp\nC-0001,FAM-0003,2013-14,attachment_fee,2013-07-15,800\n',
    });
    expect(result.issues.filter((i) => i.code.startsWith('invalid_')).map((i) => [i.file, i.line, i.code, i.message])).toEqual([
      ['claims.csv', 2, 'invalid_period', '"2013-14" is not a financial quarter.'],
      ['families.csv', 2, 'invalid_financial_year', '"2013/14" is not a financial year.'],
      ['families.csv', 3, 'invalid_financial_year', '"2013-15" is not a financial year: the second part must be the year after the first.'],
    ]);
  });
});

describe('validateExtracts: codes and references', () => {
  it('rejects an unknown locality code, suggesting the closest', async () => {
    const result = await validate({ 'families.csv': families(family('FAM-0001', { 1: 'NRTH' }), family('FAM-0002', { 1: 'nth' })) });
    const issues = issuesFor(result, 'families.csv', 'unknown_code');
    expect(issues.map((i) => [i.line, i.column, i.column_name, i.message])).toEqual([
      [2, 2, 'locality_code', '"NRTH" is not a locality code in data/reference/localities.csv.'],
      [3, 2, 'locality_code', '"nth" is not a locality code in data/reference/localities.csv.'],
    ]);
    expect(issues[0]?.fix).toBe('Did you mean "NTH"? Use one of the locality codes: NTH, EST, STH.');
    expect(issues[1]?.fix).toMatch(/^Did you mean "NTH"\?/);
  });

  it('rejects an unknown indicator code and an unknown area', async () => {
    const result = await validate({
      'area_indicators.csv': 'indicator_code,area_code,period,numerator,denominator,value\nni_999,NTH,2013-14,1,10,\nni_116,England,2013-14,,,18.6\n',
    });
    const issues = issuesFor(result, 'area_indicators.csv', 'unknown_code');
    expect(issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [2, 1, '"ni_999" is not an indicator code in data/reference/indicators.json.'],
      [3, 2, '"England" is not an area code (a locality, the authority or a comparator) in data/reference/localities.csv and programme.json.'],
    ]);
    expect(issues[0]?.fix).toBe('Use one of the indicator codes: ni_116, ni_111.');
    expect(issues[1]?.fix).toBe('Use one of the area codes: NTH, EST, STH, E06009901, E92000001.');
  });

  it("checks criteria against the family's phase", async () => {
    const result = await validate({ 'families.csv': families(family('FAM-0001', { 8: 'crime_asb; educaton' }), family('FAM-0002', { 8: 'crime_asb;domestic_abuse' })) });
    expect(issuesFor(result, 'families.csv', 'unknown_code').map((i) => [i.line, i.column, i.message, i.fix])).toEqual([
      [2, 9, '"educaton" is not a criterion of phase_1 in data/reference/programme.json.', 'Did you mean "education"? Use one of the criteria of phase_1: crime_asb, education, worklessness. Separate criteria with ";".'],
      [3, 9, '"domestic_abuse" is not a criterion of phase_1 in data/reference/programme.json.', 'Use one of the criteria of phase_1: crime_asb, education, worklessness. Separate criteria with ";".'],
    ]);
  });

  it('rejects a family that meets fewer criteria than its phase requires: it was not eligible', async () => {
    const result = await validate({ 'families.csv': families(family('FAM-0001', { 8: 'crime_asb' }), family('FAM-0002')) });
    expect(issuesFor(result, 'families.csv')).toEqual([
      expect.objectContaining({ line: 2, column: 9, code: 'below_min_criteria', severity: 'error', message: 'The family meets 1 criterion but phase_1 requires at least 2.' }),
    ]);
    expect(fileResult(result, 'families.csv')).toMatchObject({ accepted: 1, rejected: 1 });
  });

  it('rejects outcomes and claims for families not in families.csv, or whose row was rejected', async () => {
    const result = await validate({ 'families.csv': families(family('FAM-0001'), family('FAM-0002', { 1: 'XXX' }), family('FAM-0004', { 3: 'phase_2', 8: 'crime_asb;domestic_abuse' })) });
    // outcomes.csv refers to FAM-0002 (rejected) on line 4; claims.csv to FAM-0002 on line 4.
    expect(issuesFor(result, 'outcomes.csv').map((i) => [i.line, i.column, i.code, i.message])).toEqual([
      [4, 1, 'unknown_family', '"FAM-0002" is in families.csv (line 3) but that row was rejected, so this row cannot be linked to it.'],
    ]);
    const result2 = await validate({ 'outcomes.csv': 'family_ref,outcome_measure\nFAM-0009,school_attendance\n' });
    expect(issuesFor(result2, 'outcomes.csv')).toEqual([
      expect.objectContaining({ line: 2, column: 1, code: 'unknown_family', message: '"FAM-0009" is not a family_ref in families.csv.' }),
    ]);
  });

  it('reports every duplicate key after the first, naming the first line', async () => {
    const result = await validate({
      'outcomes.csv': 'family_ref,outcome_measure,baseline_value\nFAM-0001,school_attendance,1\nFAM-0001,asb_incidents,2\nFAM-0001,school_attendance,3\nFAM-0001,school_attendance,4\n',
    });
    expect(issuesFor(result, 'outcomes.csv').map((i) => [i.line, i.column, i.code, i.message])).toEqual([
      [4, 1, 'duplicate_key', 'family_ref "FAM-0001" and outcome_measure "school_attendance" already appear on line 2.'],
      [5, 1, 'duplicate_key', 'family_ref "FAM-0001" and outcome_measure "school_attendance" already appear on line 2.'],
    ]);
    expect(fileResult(result, 'outcomes.csv')).toMatchObject({ accepted: 2, rejected: 2, rejectedLines: [4, 5] });
  });
});

describe('validateExtracts: dates in order', () => {
  it('rejects attachment before identification and closure before attachment, naming both', async () => {
    const result = await validate({
      'families.csv': families(family('FAM-0001', { 6: '2013-05-01' }), family('FAM-0002', { 7: '2013-06-01' }), family('FAM-0003', { 6: '', 7: '2014-01-01' })),
    });
    expect(issuesFor(result, 'families.csv', 'dates_out_of_order').map((i) => [i.line, i.column, i.column_name, i.message])).toEqual([
      [2, 7, 'date_attached', 'date_attached 2013-05-01 is before date_identified 2013-05-14.'],
      [3, 8, 'date_closed', 'date_closed 2013-06-01 is before date_attached 2013-06-02.'],
      [4, 8, 'date_closed', 'date_closed 2014-01-01 is given but date_attached is empty.'],
    ]);
  });

  it('rejects period ends before starts and sustained-to before achieved', async () => {
    const result = await validate({
      'outcomes.csv':
        'family_ref,outcome_measure,baseline_period_start,baseline_period_end,date_achieved,date_sustained_to\n' +
        'FAM-0001,school_attendance,2013-03-31,2012-09-01,,\nFAM-0001,asb_incidents,,,2014-03-31,2014-01-01\n',
    });
    expect(issuesFor(result, 'outcomes.csv').map((i) => [i.line, i.column_name, i.message])).toEqual([
      [2, 'baseline_period_end', 'baseline_period_end 2012-09-01 is before baseline_period_start 2013-03-31.'],
      [3, 'date_sustained_to', 'date_sustained_to 2014-01-01 is before date_achieved 2014-03-31.'],
    ]);
  });
});

describe('validateExtracts: indicators and claims', () => {
  it('checks indicator arithmetic and periods against the catalogue', async () => {
    const result = await validate({
      'area_indicators.csv':
        'indicator_code,area_code,period,numerator,denominator,value\n' +
        'ni_116,NTH,2013-14,9900,9800,\nni_111,NTH,2013-14 Q2,4,0,\nni_111,EST,2013-14 Q2,,,\nni_111,STH,2013-14 Q2,4,,\nni_116,STH,2013-14 Q1,10,100,\n',
    });
    expect(issuesFor(result, 'area_indicators.csv').map((i) => [i.line, i.column, i.code, i.message])).toEqual([
      [2, 4, 'numerator_above_denominator', 'numerator 9900 is above denominator 9800 for ni_116, a percentage.'],
      [3, 5, 'zero_denominator', 'denominator is 0 for ni_111 in NTH, 2013-14 Q2.'],
      [4, 4, 'no_value', 'Neither numerator nor value is given for ni_111.'],
      [5, 5, 'missing_denominator', 'numerator 4 has no denominator; ni_111 is a rate per 100000.'],
      [6, 3, 'period_mismatch', 'ni_116 is annual but period "2013-14 Q1" is a quarter.'],
    ]);
  });

  it('checks claims against the payment rule of the family phase and year', async () => {
    const result = await validate({
      'claims.csv':
        'claim_ref,family_ref,claim_window,claim_type,claim_date,amount_gbp\n' +
        'C-0001,FAM-0001,2013-14 Q2,attachment_fee,2013-07-15,2400.01\n' +
        'C-0002,FAM-0002,2014-15 Q1,attachment_fee,2014-05-15,2000\n' +
        'C-0003,FAM-0004,2015-16 Q1,results_crime_education,2015-06-15,800\n' +
        'C-0004,FAM-0001,2013-14 Q3,attachment_fee,2013-07-15,100\n',
    });
    expect(issuesFor(result, 'claims.csv').map((i) => [i.line, i.column, i.code, i.severity, i.message])).toEqual([
      [2, 6, 'amount_above_maximum', 'error', 'amount_gbp 2400.01 is above the maximum of 2400.00 for claim type "attachment_fee" (phase_1, 2013-14).'],
      [3, 6, 'amount_above_maximum', 'error', 'amount_gbp 2000.00 is above the maximum of 1600.00 for claim type "attachment_fee" (phase_1, 2014-15).'],
      [4, 4, 'no_payment_rule', 'error', 'No payment rule covers claim type "results_crime_education" for a phase_2 family in 2015-16.'],
      [5, 5, 'claim_date_outside_window', 'warning', 'claim_date 2013-07-15 falls in 2013-14 Q2, not in the claim window 2013-14 Q3.'],
    ]);
  });
});

describe('validateExtracts: counting', () => {
  it('counts every problem exactly while listing at most the cap, and rejects each row once', async () => {
    const lines = Array.from({ length: 7 }, (_, i) => family(`FAM-${String(i + 1).padStart(4, '0')}`, { 1: 'ZZZ', 10: 'x' }));
    const result = await validate({ 'families.csv': families(...lines), 'outcomes.csv': 'family_ref,outcome_measure\n', 'claims.csv': 'claim_ref,family_ref,claim_window,claim_type,claim_date,amount_gbp\n' }, { detailCap: 3 });
    const file = fileResult(result, 'families.csv');
    expect(file.counts.filter((c) => c.severity === 'error')).toEqual([
      { file: 'families.csv', code: 'invalid_integer', severity: 'error', count: 7 },
      { file: 'families.csv', code: 'unknown_code', severity: 'error', count: 7 },
    ]);
    expect(issuesFor(result, 'families.csv', 'unknown_code').map((i) => i.line)).toEqual([2, 3, 4]);
    expect(file).toMatchObject({ rowsIn: 7, accepted: 0, rejected: 7, rejectedLines: [2, 3, 4] });
    expect(result.errors).toBe(14);
  });

  it('rejects every row of a file missing a required column, listing the column once', async () => {
    const result = await validate({ 'families.csv': families(family('FAM-0001'), family('FAM-0002')).replace(',lead_agency', ',agency') });
    expect(issuesFor(result, 'families.csv').map((i) => [i.code, i.severity, i.line])).toEqual([
      ['missing_column', 'error', 1],
      ['unknown_column', 'error', 1],
    ]);
    expect(fileResult(result, 'families.csv')).toMatchObject({ usable: false, rowsIn: 2, accepted: 0, rejected: 2 });
    expect(await rows(ws!.conn, 'SELECT count(*)::INTEGER AS n FROM families')).toEqual([{ n: 0 }]);
  });

  it('fails the run on any error unless partial acceptance is asked for', async () => {
    const bad = { 'families.csv': families(family('FAM-0001'), family('FAM-0002'), family('FAM-0003', { 1: 'ZZZ' }), family('FAM-0004', { 3: 'phase_2', 8: 'crime_asb;domestic_abuse' })) };
    expect((await validate(bad)).failed).toBe(true);
    const partial = await validate(bad, { acceptPartial: true });
    expect(partial).toMatchObject({ failed: false, errors: 1, rejected: 1 });
    expect(await rows(ws!.conn, 'SELECT family_ref FROM families ORDER BY __line')).toEqual([{ family_ref: 'FAM-0001' }, { family_ref: 'FAM-0002' }, { family_ref: 'FAM-0004' }]);
    const missing = await validate({ 'claims.csv': null }, { acceptPartial: true });
    expect(missing.failed).toBe(true);
    expect(missing.issues).toEqual([expect.objectContaining({ file: 'claims.csv', code: 'missing_file' })]);
  });
});
