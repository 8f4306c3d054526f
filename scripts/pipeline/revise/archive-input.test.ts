/**
 * The revision step reading a real archive with real DuckDB: the sample's archived release, and
 * hostile copies of it (a board manifest, a file that is not the one published).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listArchive } from '../../../src/lib/outputs/releases.ts';
import { loadReference } from '../../../src/lib/reference/load.ts';
import { openDuckDB } from '../duckdb.ts';
import { PipelineError } from '../issues.ts';
import type { ReleaseRows } from '../../../src/lib/outputs/figures.ts';
import { readEarlierReleases, readPublishedFigures, reviseRelease } from './index.ts';

const ref = await loadReference('data/reference');

function copyArchive(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tfo-revise-'));
  cpSync('data/sample/releases', dir, { recursive: true });
  return dir;
}

async function revise(archiveDir: string, rows: ReleaseRows) {
  const conn = await openDuckDB();
  try {
    const earlier = await readEarlierReleases(conn, archiveDir, '2026-27 Q2');
    return await reviseRelease(rows, { referenceDir: 'data/reference', catalogue: ref.catalogue, earlier, lastQuarter: '2026-27 Q2', released: '2026-09-30', roundingBase: 10 });
  } finally {
    conn.closeSync();
  }
}

describe('the revision step on a real archive', () => {
  it('finds nothing revised when the release repeats the archived figures', async () => {
    const conn = await openDuckDB();
    const [archived] = listArchive('data/sample/releases');
    const figures = await readPublishedFigures(conn, archived!);
    conn.closeSync();
    const same = figures as unknown as ReleaseRows;
    const result = await revise('data/sample/releases', same);
    expect(result.previous?.slug).toBe('2026-27-q1');
    expect(result.revised).toBe(0);
    expect(result.log).toBeNull();
  });

  it('refuses an archived file that is not the one its manifest lists, naming it', async () => {
    const dir = copyArchive();
    writeFileSync(join(dir, '2026-27-q1', 'programme.parquet'), 'edited');
    const failure = revise(dir, { programme: [], criteria: [], outcomes: [], claims: [], indicators: [], periods: [] });
    await expect(failure).rejects.toBeInstanceOf(PipelineError);
    await expect(failure).rejects.toThrow(/2026-27-q1\/programme\.parquet is missing or differs from its manifest/);
  });

  it('refuses a board release in the archive', async () => {
    const dir = copyArchive();
    const file = join(dir, '2026-27-q1', 'manifest.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"audience": "public"', '"audience": "board"'));
    await expect(revise(dir, { programme: [], criteria: [], outcomes: [], claims: [], indicators: [], periods: [] })).rejects.toThrow(/audience is "board"/);
  });

  it('carries the earlier releases\' log forward and adds this release\'s revisions to it', async () => {
    const dir = copyArchive();
    const earlier = { table: 'programme', measure: 'families_identified', breakdown: 'all', area_code: 'E06009901', period: '2025-26 Q4', was: 14, was_flag: null, now: 16, now_flag: '[r]', first_released: '2026-04-30', revised: '2026-07-30', reason: 'Late records.' };
    writeFileSync(join(dir, '2026-27-q1', 'revisions.json'), JSON.stringify({ schema_version: 1, revisions: [earlier] }));
    const conn = await openDuckDB();
    const [archived] = listArchive(dir);
    const figures = (await readPublishedFigures(conn, archived!)) as unknown as ReleaseRows;
    conn.closeSync();
    // One exact authority figure changes: the new release's log holds the earlier entry and the new one.
    const row = figures.programme.findLast((r) => r.area_type === 'authority' && r.flag === null)!;
    const changed = { ...figures, programme: figures.programme.map((r) => (r === row ? { ...r, value: row.value! + 7 } : r)) };
    const result = await revise(dir, changed);
    expect(result.revised).toBe(1);
    expect(result.log?.revisions.map((r) => [r.measure, r.period, r.was, r.now, r.revised])).toEqual([
      ['families_identified', '2025-26 Q4', 14, 16, '2026-07-30'],
      [row.measure, row.quarter, row.value, row.value! + 7, '2026-09-30'],
    ]);
  });
});
