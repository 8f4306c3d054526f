import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claims, families } from '../contract/extracts.ts';
import { rows, workspace, type Workspace } from '../validate/__fixtures__/setup.ts';
import { readExtract, type ReadResult } from './readExtract.ts';

const HEADER = 'family_ref,locality_code,lsoa_code,programme_phase,cohort_year,date_identified,date_attached,date_closed,criteria,lead_agency,adults,children';
const row = (ref: string, extra = '') => `${ref},NTH,,phase_1,2013-14,2013-05-14,,,crime_asb;education,early_help,2,3${extra}`;

let ws: Workspace | null = null;
afterEach(async () => {
  await ws?.close();
  ws = null;
});

async function readFamilies(content: string | Buffer): Promise<ReadResult> {
  ws = await workspace({ 'families.csv': content });
  return readExtract(ws.conn, ws.extractsDir, families, { workDir: ws.workDir });
}

async function lines(table = 'raw_families'): Promise<[number, string][]> {
  if (!ws) throw new Error('no workspace');
  return (await rows(ws.conn, `SELECT __line, family_ref FROM ${table} ORDER BY __line`)).map((r) => [Number(r.__line), String(r.family_ref)]);
}

describe('readExtract: encodings', () => {
  it('reads UTF-8 without a BOM as it is, with line numbers and the hash of the bytes', async () => {
    const text = `${HEADER}\n${row('FAM-0001')}\n${row('FAM-0002')}\n`;
    const read = await readFamilies(text);
    expect(read).toMatchObject({ table: 'raw_families', file: 'families.csv', encoding: 'utf-8', rowsIn: 2, usable: true, headerLine: 1, issues: [] });
    expect(read.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(await lines()).toEqual([
      [2, 'FAM-0001'],
      [3, 'FAM-0002'],
    ]);
  });

  it('strips a UTF-8 BOM and accepts CRLF line endings', async () => {
    const read = await readFamilies(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${HEADER}\r\n${row('FAM-0001')}\r\n${row('FAM-0002')}\r\n`)]));
    expect(read).toMatchObject({ encoding: 'utf-8-bom', rowsIn: 2, issues: [] });
    expect(read.header[0]).toBe('family_ref');
    expect(await lines()).toEqual([
      [2, 'FAM-0001'],
      [3, 'FAM-0002'],
    ]);
    const children = await rows(ws!.conn, 'SELECT children FROM raw_families');
    expect(children.map((r) => r.children)).toEqual(['3', '3']);
  });

  it('reads Windows-1252 (Excel "CSV (Comma delimited)") and says so', async () => {
    ws = await workspace({
      'claims.csv': Buffer.from('claim_ref,family_ref,claim_window,claim_type,claim_date,amount_gbp,notes\r\nC-0001,FAM-0001,2013-14 Q2,attachment_fee,2013-07-15,\xA3800.00,Caf\xE9 meeting\r\n', 'latin1'),
    });
    const read = await readExtract(ws.conn, ws.extractsDir, claims, { workDir: ws.workDir });
    expect(read.encoding).toBe('windows-1252');
    const warning = read.issues.find((i) => i.code === 'windows_1252');
    expect(warning).toMatchObject({ severity: 'warning', line: 2, column: 0 });
    expect(warning?.message).toContain('the first such character is "£" on line 2');
    const [values] = await rows(ws.conn, 'SELECT amount_gbp, notes, __line FROM raw_claims');
    expect(values).toEqual({ amount_gbp: '£800.00', notes: 'Café meeting', __line: 2 });
  });

  it('refuses UTF-16 with a fix', async () => {
    const read = await readFamilies(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER, 'utf16le')]));
    expect(read.usable).toBe(false);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'unsupported_encoding', line: 0, column: 0, severity: 'error' })]);
    expect(read.issues[0]?.fix).toContain('CSV UTF-8');
  });
});

describe('readExtract: empty and short files', () => {
  it('reports an empty file at line 0 with a fix', async () => {
    const read = await readFamilies('');
    expect(read).toMatchObject({ usable: false, rowsIn: 0, encoding: null });
    expect(read.issues).toEqual([
      expect.objectContaining({ code: 'empty_file', severity: 'error', line: 0, column: 0, message: 'families.csv is empty.' }),
    ]);
    expect(read.issues[0]?.fix).toContain(HEADER);
    // The raw table exists, empty, with the contract's columns.
    expect(await rows(ws!.conn, 'SELECT count(*)::INTEGER AS n FROM raw_families')).toEqual([{ n: 0 }]);
  });

  it('treats blank lines and spaces only as empty', async () => {
    const read = await readFamilies('\n  \r\n');
    expect(read.issues[0]).toMatchObject({ code: 'empty_file', message: 'families.csv is empty (only blank lines or spaces).' });
  });

  it('warns when there is a header but no rows', async () => {
    const read = await readFamilies(`${HEADER}\n`);
    expect(read).toMatchObject({ usable: true, rowsIn: 0 });
    expect(read.issues).toEqual([expect.objectContaining({ code: 'no_rows', severity: 'warning', line: 0 })]);
  });

  it('reports a missing file', async () => {
    ws = await workspace({ 'families.csv': null });
    const read = await readExtract(ws.conn, ws.extractsDir, families, { workDir: ws.workDir });
    expect(read).toMatchObject({ usable: false, sha256: null });
    expect(read.issues).toEqual([expect.objectContaining({ code: 'missing_file', line: 0, column: 0 })]);
  });
});

describe('readExtract: header', () => {
  it('trims and lower-cases names; missing optional columns are added as NULL', async () => {
    const header = HEADER.replace('family_ref', ' Family_Ref ').replace(',lsoa_code', '').replace(',date_closed', '');
    const read = await readFamilies(`${header}\nFAM-0001,NTH,phase_1,2013-14,2013-05-14,,crime_asb;education,early_help,2,3\n`);
    expect(read.issues).toEqual([]);
    expect(read.header[0]).toBe('family_ref');
    expect(read.columns).not.toContain('lsoa_code');
    expect(await rows(ws!.conn, 'SELECT family_ref, lsoa_code, date_closed FROM raw_families')).toEqual([{ family_ref: 'FAM-0001', lsoa_code: null, date_closed: null }]);
  });

  it('reports a missing required column at line 1 and lists the expected columns', async () => {
    const read = await readFamilies(`${HEADER.replace(',lead_agency', '')}\n${row('FAM-0001').replace(',early_help', '')}\n`);
    expect(read.usable).toBe(false);
    const [issue] = read.issues;
    expect(issue).toMatchObject({ code: 'missing_column', severity: 'error', line: 1, column: 0, column_name: 'lead_agency' });
    expect(issue?.message).toBe('The header has no "lead_agency" column, which is required.');
    expect(issue?.fix).toContain('Expected columns: family_ref, locality_code, programme_phase');
    // The rows are still loaded for the privacy guard.
    expect(read.rowsIn).toBe(1);
  });

  it('refuses an unknown column, suggesting the closest name when it stands for a missing one', async () => {
    const read = await readFamilies(`${HEADER.replace('lead_agency', 'lead_agncy')},notes\n${row('FAM-0001', ',called twice')}\n`);
    const unknown = read.issues.filter((i) => i.code === 'unknown_column');
    expect(unknown).toEqual([
      expect.objectContaining({ line: 1, column: 10, column_name: 'lead_agncy', severity: 'error' }),
      expect.objectContaining({ line: 1, column: 13, column_name: 'notes', severity: 'error' }),
    ]);
    expect(unknown[0]?.message).toBe('Column 10 "lead_agncy" is not an expected column; it looks like a misspelling of "lead_agency", which is missing.');
    expect(unknown[0]?.fix).toMatch(/^Rename the column to "lead_agency"\. Expected columns: /);
    expect(unknown[1]?.message).toBe('Column 13 "notes" is not in the contract for families.csv.');
    // Unknown columns stay in the raw table: the privacy guard must see them.
    expect(await rows(ws!.conn, 'SELECT notes FROM raw_families')).toEqual([{ notes: 'called twice' }]);
  });

  it('refuses a repeated column name', async () => {
    const read = await readFamilies(`${HEADER},adults\n${row('FAM-0001', ',4')}\n`);
    expect(read.usable).toBe(false);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'duplicate_column', line: 1, column: 13, message: 'Column 13 "adults" repeats column 11.' })]);
    expect(read.columns[12]).toBe('column_13');
  });

  it('refuses a file separated by semicolons', async () => {
    const read = await readFamilies(`${HEADER.replaceAll(',', ';')}\n${row('FAM-0001').replaceAll(',', ';')}\n`);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'wrong_delimiter', line: 1, message: 'The header is separated by semicolons, not commas.' })]);
  });
});

describe('readExtract: structure', () => {
  it('reports a line with the wrong number of fields and loads the others with their own lines', async () => {
    const read = await readFamilies(`${HEADER}\n${row('FAM-0001')}\nFAM-0002,NTH,,phase_1,2013-14\n${row('FAM-0003')}\n`);
    expect(read).toMatchObject({ rowsIn: 3, structuralRejects: 1, structuralRejectedLines: [3] });
    expect(read.issues).toEqual([
      expect.objectContaining({ code: 'wrong_field_count', severity: 'error', line: 3, column: 0, message: 'Line 3 has 5 fields but the header has 12.' }),
    ]);
    expect(await lines()).toEqual([
      [2, 'FAM-0001'],
      [4, 'FAM-0003'],
    ]);
  });

  it('says a file cut off part-way through its last record looks truncated', async () => {
    const read = await readFamilies(`${HEADER}\n${row('FAM-0001')}\n${row('FAM-0002')}\nFAM-0003,NTH,,phase_1,20`);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'truncated_file', line: 4, column: 0 })]);
    expect(read.issues[0]?.message).toBe(
      'Line 4 is the last line and has 5 of the 12 fields the header has, with no line break after it: the file looks truncated (cut off part-way through a record).',
    );
    expect(await lines()).toEqual([
      [2, 'FAM-0001'],
      [3, 'FAM-0002'],
    ]);
  });

  it('says an unterminated quote at the end looks truncated', async () => {
    const read = await readFamilies(`${HEADER}\n${row('FAM-0001')}\nFAM-0002,"NTH,`);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'truncated_file', line: 3, column: 2 })]);
    expect(read.issues[0]?.message).toContain('A quoted field starting in field 2 of line 3 never ends');
    expect(read.rowsIn).toBe(2);
  });

  it('keeps line numbers right after quoted fields that hold commas, quotes and line breaks', async () => {
    const quoted = `FAM-0002,"NTH",,phase_1,2013-14,2013-05-14,,,"crime_asb;\neducation",early_help,"2",3,"said ""hello"", then
left"`;
    const read = await readFamilies(`${HEADER},notes\n${row('FAM-0001', ',')}\n${quoted}\n${row('FAM-0003', ',')}\n`);
    // The only error is the column outside the contract; the quoted record itself reads cleanly.
    expect(read.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['unknown_column']);
    expect(await lines()).toEqual([
      [2, 'FAM-0001'],
      [3, 'FAM-0002'],
      [6, 'FAM-0003'],
    ]);
    const [value] = await rows(ws!.conn, `SELECT notes FROM raw_families WHERE family_ref = 'FAM-0002'`);
    expect(value?.notes).toBe('said "hello", then\nleft');
  });

  it('skips blank lines with a warning and keeps line numbers', async () => {
    const read = await readFamilies(`${HEADER}\n${row('FAM-0001')}\n\n${row('FAM-0002')}\n,,,,,,,,,,,\n`);
    expect(read.rowsIn).toBe(2);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'blank_lines', severity: 'warning', line: 3, message: '2 blank lines were skipped (the first is line 3).' })]);
    expect(await lines()).toEqual([
      [2, 'FAM-0001'],
      [4, 'FAM-0002'],
    ]);
  });

  it('reports text after a closing quote', async () => {
    const read = await readFamilies(`${HEADER}\n"FAM-0001"x,NTH,,phase_1,2013-14,2013-05-14,,,crime_asb,early_help,2,3\n${row('FAM-0002')}\n`);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'bad_quote', line: 2, column: 1 })]);
    expect(await lines()).toEqual([[3, 'FAM-0002']]);
  });

  it('writes clean copies to the work folder only when needed', async () => {
    await readFamilies(`${HEADER}\r\n${row('FAM-0001')}\n${row('FAM-0002')}\r\n`);
    const copy = await readFile(join(ws!.workDir, 'families.clean.csv'), 'utf8');
    expect(copy).toBe(`${HEADER}\r\n${row('FAM-0001')}\r\n${row('FAM-0002')}\r\n`);
    expect(await lines()).toEqual([
      [2, 'FAM-0001'],
      [3, 'FAM-0002'],
    ]);
  });
});
