import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { PipelineError, type DataIssue } from '../issues/data-issue.ts';
import { loadReference, locateJsonPath } from './load.ts';

const fixtures = fileURLToPath(new URL('../../../scripts/pipeline/validate/__fixtures__/reference', import.meta.url));
const dirs: string[] = [];

/** A copy of the fixture reference data with `edit` applied to one file's text. */
async function edited(file: string, edit: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tfo-reference-'));
  dirs.push(dir);
  await cp(fixtures, dir, { recursive: true });
  const path = join(dir, file);
  await writeFile(path, edit(await readFile(path, 'utf8')));
  return dir;
}

async function issuesOf(dir: string): Promise<DataIssue[]> {
  try {
    await loadReference(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(PipelineError);
    return [...(error as PipelineError).issues];
  }
  throw new Error('expected loadReference to fail');
}

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('loadReference', () => {
  it('loads the four files and types the localities', async () => {
    const ref = await loadReference(fixtures);
    expect(ref.localities.map((l) => l.locality_code)).toEqual(['NTH', 'EST', 'STH']);
    expect(ref.localities[1]).toMatchObject({ locality_name: 'Eastbrook, Mill and Quay', population_0_19: 14320, staff_fte: 48.77 });
    expect(ref.catalogue.indicators.map((i) => i.code)).toEqual(['ni_116', 'ni_111']);
    expect(ref.programme.phases).toHaveLength(2);
    expect(ref.council.name).toBe('Fixture Borough Council');
  });

  it('loads the project reference data', async () => {
    const ref = await loadReference(fileURLToPath(new URL('../../../data/reference', import.meta.url)));
    expect(ref.localities.length).toBeGreaterThan(0);
  });

  it('reads localities.csv saved by Excel as Windows-1252', async () => {
    const dir = await edited('localities.csv', (t) => t);
    const path = join(dir, 'localities.csv');
    await writeFile(path, Buffer.from((await readFile(path, 'utf8')).replace('Southmoor', 'Southmoor Caf\u00e9'), 'latin1'));
    const ref = await loadReference(dir);
    expect(ref.localities[2]?.locality_name).toBe('Southmoor Café');
  });

  it('reads Windows-1252 punctuation as Excel meant it, not as control characters', async () => {
    const dir = await edited('localities.csv', (t) => t);
    const path = join(dir, 'localities.csv');
    // 0x96 is an en dash in Windows-1252; Latin-1 would make it the invisible U+0096.
    await writeFile(path, Buffer.from((await readFile(path, 'utf8')).replace('Southmoor', 'Southmoor \u0096 Caf\u00e9'), 'latin1'));
    const ref = await loadReference(dir);
    expect(ref.localities[2]?.locality_name).toBe('Southmoor – Café');
  });

  it('refuses a byte Windows-1252 leaves undefined, at its line and column', async () => {
    const dir = await edited('localities.csv', (t) => t);
    const path = join(dir, 'localities.csv');
    await writeFile(path, Buffer.from((await readFile(path, 'utf8')).replace('Southmoor', 'South\u0081moor'), 'latin1'));
    const [issue] = await issuesOf(dir);
    expect(issue).toMatchObject({ file: 'localities.csv', line: 4, column: 10, code: 'invalid_encoding' });
    expect(issue?.message).toContain('byte 0x81 on line 4');
  });

  it('names the file, line and column of a bad locality value', async () => {
    const dir = await edited('localities.csv', (t) => t.replace('STH,Southmoor,E05099113,9460', 'sth,Southmoor,E05099113,lots'));
    const issues = await issuesOf(dir);
    expect(issues).toEqual([
      expect.objectContaining({ file: 'localities.csv', line: 4, column: 4, column_name: 'population_0_19', code: 'invalid_number', message: 'population_0_19 "lots" is not a number.' }),
    ]);
  });

  it('reports a schema failure in a locality with its column', async () => {
    const dir = await edited('localities.csv', (t) => t.replace('STH,Southmoor', 'sth,Southmoor'));
    const [issue] = await issuesOf(dir);
    expect(issue).toMatchObject({ file: 'localities.csv', line: 4, column: 1, column_name: 'locality_code', code: 'invalid_reference' });
    expect(issue?.message).toContain('locality_code "sth"');
    expect(issue?.message).toContain('upper-case letters and digits');
  });

  it('reports a missing localities column and a repeated code', async () => {
    const missing = await issuesOf(await edited('localities.csv', (t) => t.replace(',staff_fte', ',staff')));
    expect(missing.map((i) => [i.code, i.line, i.column_name])).toEqual([
      ['missing_column', 1, 'staff_fte'],
      ['unknown_column', 1, 'staff'],
    ]);
    const repeated = await issuesOf(await edited('localities.csv', (t) => t.replace('STH,Southmoor', 'NTH,Southmoor')));
    expect(repeated).toEqual([expect.objectContaining({ code: 'duplicate_code', line: 4, column: 1, message: 'locality_code "NTH" repeats line 2.' })]);
  });

  it('points a JSON schema failure at the line of the key and names the path', async () => {
    const dir = await edited('indicators.json', (t) => t.replace('"unit": "rate_per_100000"', '"unit": "per cent"'));
    const [issue] = await issuesOf(dir);
    const text = await readFile(join(dir, 'indicators.json'), 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('"per cent"')) + 1;
    expect(issue).toMatchObject({ file: 'indicators.json', line, column_name: 'indicators[1].unit', code: 'invalid_reference' });
    expect(issue?.message).toMatch(/^indicators\[1\]\.unit: .*\(found "per cent"\)\.$/);
  });

  it('reports a JSON syntax error with its position', async () => {
    const dir = await edited('council.json', (t) => t.replace('"logo": null,', '"logo": null'));
    const [issue] = await issuesOf(dir);
    expect(issue).toMatchObject({ file: 'council.json', code: 'invalid_json', line: 6 });
  });

  it('checks codes are unique and outcome measures name a criterion of some phase', async () => {
    const dir = await edited('programme.json', (t) =>
      t.replace('"criterion": "crime_asb"', '"criterion": "crime"').replace('{ "code": "police", "title": "Police" }', '{ "code": "early_help", "title": "Police" }'),
    );
    const issues = await issuesOf(dir);
    expect(issues.map((i) => [i.code, i.column_name])).toEqual([
      ['duplicate_code', 'lead_agencies[1].code'],
      ['unknown_criterion', 'outcome_measures[1].criterion'],
    ]);
    expect(issues[1]?.message).toBe('outcome_measures[1].criterion "crime" is not a criterion of any phase.');
  });

  it('refuses payment rules whose years overlap', async () => {
    const dir = await edited('programme.json', (t) => t.replace('"years": ["2014-15"]', '"years": ["2013-14", "2014-15"]'));
    const [issue] = await issuesOf(dir);
    expect(issue).toMatchObject({ code: 'duplicate_code', column_name: 'payment_rules[1]' });
    expect(issue?.message).toContain('overlaps payment_rules[0]');
  });

  it('reports a missing file', async () => {
    const dir = await edited('council.json', (t) => t);
    await rm(join(dir, 'council.json'));
    expect(await issuesOf(dir)).toEqual([expect.objectContaining({ file: 'council.json', line: 0, code: 'missing_file' })]);
  });

  it('says a file that is a folder is one, in words rather than the system error', async () => {
    const dir = await edited('council.json', (t) => t);
    await rm(join(dir, 'council.json'));
    await mkdir(join(dir, 'council.json'));
    const [issue] = await issuesOf(dir);
    expect(issue).toMatchObject({ file: 'council.json', line: 0, code: 'unreadable_file', message: `council.json in ${dir} is a folder, not a file.` });
    expect(JSON.stringify(issue)).not.toMatch(/Error:|EISDIR|errno/);
  });
});

describe('locateJsonPath', () => {
  it('finds nested keys and array items, or the nearest ancestor', () => {
    const text = '{\n  "a": [\n    { "b": 1 },\n    { "b": 2,\n      "c": "x" }\n  ]\n}';
    expect(locateJsonPath(text, ['a', 1, 'c'])).toEqual({ line: 5, column: 12 });
    expect(locateJsonPath(text, ['a', 0, 'b'])).toEqual({ line: 3, column: 12 });
    expect(locateJsonPath(text, ['a', 1, 'missing'])).toEqual({ line: 4, column: 5 });
  });
});
