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

  it('accepts a logo served from the site itself', () => {
    for (const logo of ['/images/logo.svg', 'logo.png', '/councils/wyvern_2026/logo-white.v2.svg']) {
      expect(loadCouncil(write('logo-ok.json', JSON.stringify({ ...valid, logo }))).logo).toBe(logo);
    }
  });

  it.each([
    ['protocol-relative', '//evil.example/logo.png'],
    ['protocol-relative with a backslash', '/\\evil.example/logo.png'],
    ['absolute https', 'https://evil.example/logo.png'],
    ['absolute http, upper case', 'HTTP://evil.example/logo.png'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4='],
    ['a path out of public/', '/../secrets/logo.png'],
    ['a path with a query', '/logo.png?v=2'],
    ['empty', ''],
  ])('refuses a %s logo with a message saying what to write instead', (_kind, logo) => {
    const file = write('logo-bad.json', JSON.stringify({ ...valid, logo }));
    expect(() => loadCouncil(file)).toThrow(/logo-bad\.json: logo: must be the path of a file under public\/, such as "\/images\/logo\.svg"/);
  });

  it('accepts the council file the project ships', () => {
    expect(loadCouncil(join(process.cwd(), COUNCIL_FILE)).name).not.toBe('');
  });

  it('says when the file is missing or is not JSON', () => {
    expect(() => loadCouncil(join(dir, 'absent.json'))).toThrow(/absent\.json: not found/);
    expect(() => loadCouncil(write('broken.json', '{'))).toThrow(/broken\.json: not valid JSON/);
  });
});
