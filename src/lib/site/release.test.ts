import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReleaseDate, readRelease } from './release.ts';

const root = mkdtempSync(join(tmpdir(), 'tfo-release-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Only the fields the site reads; the full manifest is the pipeline's contract (and grows).
const manifest = {
  schema_version: 1,
  audience: 'board',
  released: '2026-08-14',
  extract_period: { first_quarter: '2024-25 Q1', last_quarter: '2026-27 Q1' },
  suppression: { applied: false, threshold: 5, rounding_base: null, rule: 'none: board release' },
  sources: [],
  outputs: [],
};

function dataDir(name: string, content?: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  if (content !== undefined) writeFileSync(join(dir, 'manifest.json'), content);
  return dir;
}

describe('readRelease', () => {
  it('reads the date and audience from the manifest', () => {
    expect(readRelease({ audience: 'board', dataDir: dataDir('ok', JSON.stringify(manifest)) })).toEqual({
      audience: 'board',
      released: '2026-08-14',
      releasedText: '14 August 2026',
      firstQuarter: '2024-25 Q1',
      lastQuarter: '2026-27 Q1',
      suppressionApplied: false,
      suppressionRule: 'none: board release',
    });
  });

  it('is null before the pipeline has run', () => {
    expect(readRelease({ audience: 'public', dataDir: dataDir('empty') })).toBeNull();
  });

  it('fails on a manifest it cannot trust', () => {
    const dir = dataDir('bad', JSON.stringify({ ...manifest, audience: 'everyone' }));
    expect(() => readRelease({ audience: 'board', dataDir: dir })).toThrow(/manifest\.json: audience: /);
  });

  it('refuses board data for the public site, naming the audience and the way out', () => {
    const dir = dataDir('board', JSON.stringify(manifest));
    expect(() => readRelease({ audience: 'public', dataDir: dir })).toThrow(
      `${join(dir, 'manifest.json')}: the manifest's audience is "board" (unsuppressed figures), so the public site will not be built from it. ` +
        'Build the internal site with `npm run build:board`, or rerun the pipeline with `--audience public`.',
    );
  });

  it('refuses public data for the board site', () => {
    const dir = dataDir('public', JSON.stringify({ ...manifest, audience: 'public' }));
    expect(() => readRelease({ audience: 'board', dataDir: dir })).toThrow(/the manifest's audience is "public", but this is the board site/);
  });
});

describe('formatReleaseDate', () => {
  it('formats in en-GB, UTC', () => {
    expect(formatReleaseDate('2013-08-14')).toBe('14 August 2013');
    expect(formatReleaseDate('2013-08-14T23:59:59Z')).toBe('14 August 2013');
  });
});
