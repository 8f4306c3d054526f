/**
 * The release archive and revisions on the real built sample site (built with the sample's
 * archive, data/sample/releases, as `npm run build` does): every release at its own address with
 * its manifest and files byte for byte, the revised figures marked [r] on their pages and listed
 * in the revisions log, and provisional figures published with [p]. Read as served, JavaScript off.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { decompressZstd } from 'hyparquet-compressors';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { plainRow } from '../../src/lib/data/plain-row.ts';
import { revisionsLogSchema } from '../../src/lib/outputs/revisions.ts';
import { checkRevisionLogs, siteReleases } from '../../src/lib/site/releases.ts';
import type { Manifest } from '../../src/lib/outputs/tables.ts';
import { SAMPLE_REVISION_REASON } from '../../scripts/build/sample-site.ts';

const siteDir = inject('siteDir');
const page = (path: string): Document => parseHTML(readFileSync(join(siteDir, path, 'index.html'), 'utf8')).document;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const current = JSON.parse(readFileSync(join(siteDir, 'data', 'manifest.json'), 'utf8')) as Manifest;
const currentSlug = current.extract_period.last_quarter.replace(' Q', '-q');

async function rows(file: string): Promise<Record<string, unknown>[]> {
  const buffer = readFileSync(file);
  const file_ = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
  return parquetReadObjects({ file: file_, compressors: { ZSTD: (input, length) => decompressZstd(input, new Uint8Array(length)) } });
}

describe('release archive', () => {
  const index = page('releases');
  const links = Array.from(index.querySelectorAll('#releases-table a')).map((a) => a.getAttribute('href'));

  it('lists every release, newest first, each at a stable address with its manifest', () => {
    expect(links).toEqual(expect.arrayContaining([`/releases/${currentSlug}/`, `/releases/${currentSlug}/manifest.json`, '/releases/2026-27-q1/', '/releases/2026-27-q1/manifest.json']));
    expect(links.indexOf(`/releases/${currentSlug}/`)).toBeLessThan(links.indexOf('/releases/2026-27-q1/'));
  });

  it('serves each release as published: its manifest.json is public and every file it lists matches its SHA-256', () => {
    for (const slug of ['2026-27-q1', currentSlug]) {
      const folder = join(siteDir, 'releases', slug);
      const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest;
      expect(manifest.audience).toBe('public');
      expect(manifest.extract_period.last_quarter.replace(' Q', '-q')).toBe(slug);
      for (const o of manifest.outputs) {
        expect(sha256(join(folder, o.file)), `${slug}/${o.file}`).toBe(o.sha256);
        const csv = readFileSync(join(folder, o.file.replace('.parquet', '.csv')), 'utf8').trimEnd().split('\r\n');
        expect(csv.length - 1, `${slug}/${o.file} as CSV`).toBe(o.rows);
      }
      // The release page lists each file with the same hash.
      const hashes = Array.from(page(`releases/${slug}`).querySelectorAll('#release-files code')).map((c) => c.textContent);
      expect(hashes).toEqual(expect.arrayContaining(manifest.outputs.map((o) => o.sha256)));
    }
    expect(readFileSync(join(siteDir, 'releases', currentSlug, 'manifest.json'), 'utf8')).toBe(readFileSync(join(siteDir, 'data', 'manifest.json'), 'utf8'));
    // Each table also as CSV: the open data's writer on the release's own Parquet file.
    expect(readFileSync(join(siteDir, 'releases', currentSlug, 'programme.csv'), 'utf8')).toBe(readFileSync(join(siteDir, 'data', 'programme.csv'), 'utf8'));
    const earlier = JSON.parse(readFileSync(join(siteDir, 'releases', '2026-27-q1', 'manifest.json'), 'utf8')) as Manifest;
    expect(earlier.released < current.released).toBe(true);
  });
});

describe('revisions', () => {
  const log = revisionsLogSchema.parse(JSON.parse(readFileSync(join(siteDir, 'data', 'revisions.json'), 'utf8')));
  const revised = log.revisions.filter((r) => r.revised === current.released);

  it('publishes the revisions log with the release, every entry against the earlier public release', () => {
    expect(revised.length).toBeGreaterThan(0);
    expect(existsSync(join(siteDir, 'releases', currentSlug, 'revisions.json'))).toBe(true);
    const earlier = JSON.parse(readFileSync(join(siteDir, 'releases', '2026-27-q1', 'manifest.json'), 'utf8')) as Manifest;
    for (const r of revised) {
      expect(r.first_released).toBe(earlier.released);
      // The analyst's --revision-reason, not the standard wording.
      expect(r.reason).toBe(SAMPLE_REVISION_REASON);
      // "Was" is only ever a number the earlier release showed: never behind a symbol that replaces it.
      expect(r.was === null || !['[c]', '[x]', '[z]', '[low]'].includes(r.was_flag ?? '')).toBe(true);
    }
  });

  it('marks each revised figure [r] in the published table, with the value the log says it is now', async () => {
    const indicators = await rows(join(siteDir, 'data', 'indicators.parquet'));
    const marked = revised.filter((r) => r.table === 'indicators' && r.now_flag === '[r]');
    expect(marked.length).toBeGreaterThan(0);
    for (const r of marked) {
      const row = indicators.find((x) => x.indicator_code === r.measure && x.area_code === r.area_code && x.period === r.period);
      expect(row).toMatchObject({ value: r.now, flag: '[r]' });
    }
  });

  it('shows [r], explained, on a revised figure on its own page', () => {
    const r = revised.find((x) => x.table === 'indicators' && x.now_flag === '[r]')!;
    const doc = page(`indicators/${r.measure}`);
    const symbols = Array.from(doc.querySelectorAll('main abbr')).filter((a) => a.textContent === '[r]');
    expect(symbols.length).toBeGreaterThan(0);
    expect(symbols[0]!.getAttribute('title')).toMatch(/^revised/);
    const cells = Array.from(doc.querySelectorAll('main td, main th')).filter((c) => c.textContent?.includes('[r]'));
    expect(cells.length).toBeGreaterThan(0);
  });

  it('lists the revised figures in the revisions log, with what they were and are, symbols explained', () => {
    const doc = page('revisions');
    expect(doc.querySelector('#no-revisions')).toBeNull();
    const body = Array.from(doc.querySelectorAll('#revisions-table tbody tr')).map((tr) => tr.textContent?.replace(/\s+/g, ' ') ?? '');
    expect(body.length).toBe(log.revisions.length);
    const r = revised.find((x) => x.table === 'indicators' && x.now_flag === '[r]')!;
    expect(body.some((line) => line.includes(r.measure) && line.includes(r.area_code) && line.includes(r.period) && line.includes('[r]') && line.includes(SAMPLE_REVISION_REASON))).toBe(true);
    expect(doc.querySelector('#revisions-key')?.textContent).toContain('revised');
    expect(Array.from(doc.querySelectorAll('#revisions-table abbr')).every((a) => (a.getAttribute('title') ?? '').length > 0)).toBe(true);
  });

  it('publishes provisional figures with [p] where the reference data says so', async () => {
    const claims = await rows(join(siteDir, 'data', 'claims.parquet'));
    expect(claims.some((row) => row.flag === '[p]' && row.quarter === current.extract_period.last_quarter && typeof row.value === 'number')).toBe(true);
    expect(claims.every((row) => row.flag !== '[p]' || row.quarter === current.extract_period.last_quarter)).toBe(true);
  });

  it('fails the build when a revisions log says a figure was something no release published', async () => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const read = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS().map(plainRow);
    const served = (dir: string) => siteReleases({ audience: 'public', dataDir: join(dir, 'none') }, { TFO_SITE_RELEASES: dir });
    const dir = mkdtempSync(join(tmpdir(), 'tfo-revisions-'));
    cpSync(join(siteDir, 'releases'), dir, { recursive: true });
    await expect(checkRevisionLogs(served(dir), read)).resolves.toBeUndefined();
    const file = join(dir, currentSlug, 'revisions.json');
    const edited = revisionsLogSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    const i = edited.revisions.findIndex((r) => r.revised === current.released && r.was !== null);
    edited.revisions[i] = { ...edited.revisions[i]!, was: edited.revisions[i]!.was! + 3 };
    writeFileSync(file, JSON.stringify(edited));
    await expect(checkRevisionLogs(served(mkdtempSync(join(tmpdir(), 'tfo-revisions-'))), read)).resolves.toBeUndefined();
    const copy = mkdtempSync(join(tmpdir(), 'tfo-revisions-'));
    cpSync(dir, copy, { recursive: true });
    await expect(checkRevisionLogs(served(copy), read)).rejects.toThrow(new RegExp(`revisions\\.${i} .*"was" is not the figure the 2026-27 Q1 release published`));
    conn.closeSync();
  });
});
