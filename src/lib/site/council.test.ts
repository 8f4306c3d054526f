import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COUNCIL_FILE, loadCouncil } from './council.ts';

const dir = mkdtempSync(join(tmpdir(), 'tfo-council-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const valid = {
  schema_version: 1,
  name: 'Example Borough Council',
  programme_name: 'Think Family',
  logo: null,
  accent_colour: '#1d70b8',
  contact_email: 'thinkfamily@example.gov.uk',
  methodology_url: '/methodology/',
};

function write(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('loadCouncil', () => {
  it('reads and validates the council file', () => {
    expect(loadCouncil(write('ok.json', JSON.stringify(valid)))).toEqual(valid);
  });

  it('says which fields are wrong', () => {
    const file = write('bad.json', JSON.stringify({ ...valid, accent_colour: 'blue', name: '' }));
    expect(() => loadCouncil(file)).toThrow(/bad\.json: .*name: .*accent_colour: /);
  });

  it('refuses an accent colour white text cannot be read on', () => {
    const file = write('pale.json', JSON.stringify({ ...valid, accent_colour: '#28a197' }));
    expect(() => loadCouncil(file)).toThrow(/accent_colour #28a197 has a contrast of 3\.\d\d:1 with white/);
  });

  it('accepts the council file the project ships', () => {
    expect(loadCouncil(join(process.cwd(), COUNCIL_FILE)).name).not.toBe('');
  });

  it('says when the file is missing or is not JSON', () => {
    expect(() => loadCouncil(join(dir, 'absent.json'))).toThrow(/absent\.json: not found/);
    expect(() => loadCouncil(write('broken.json', '{'))).toThrow(/broken\.json: not valid JSON/);
  });
});
