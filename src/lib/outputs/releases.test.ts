import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listArchive, previousRelease, releaseSlug } from './releases.ts';

const SAMPLE = 'data/sample/releases';

function archiveWith(edit?: (manifest: Record<string, unknown>) => void, slug = '2026-27-q1'): string {
  const dir = mkdtempSync(join(tmpdir(), 'tfo-archive-'));
  cpSync(join(SAMPLE, '2026-27-q1'), join(dir, slug), { recursive: true });
  if (edit) {
    const file = join(dir, slug, 'manifest.json');
    const m = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    edit(m);
    writeFileSync(file, JSON.stringify(m));
  }
  return dir;
}

describe('the release archive', () => {
  it('names a release by the latest quarter it covers', () => {
    expect(releaseSlug('2026-27 Q2')).toBe('2026-27-q2');
    expect(() => releaseSlug('Q2 2026')).toThrow(/not a financial quarter/);
  });

  it('lists the sample archive, and picks the latest release before a quarter as the one to compare with', () => {
    const releases = listArchive(SAMPLE);
    expect(releases.map((r) => r.slug)).toEqual(['2026-27-q1']);
    expect(previousRelease(releases, '2026-27 Q2')?.slug).toBe('2026-27-q1');
    expect(previousRelease(releases, '2026-27 Q1')).toBeNull();
    expect(listArchive(join(SAMPLE, 'none'))).toEqual([]);
  });

  it('refuses a board manifest in the archive, naming the file', () => {
    const dir = archiveWith((m) => {
      m.audience = 'board';
    });
    expect(() => listArchive(dir)).toThrow(new RegExp(`${join(dir, '2026-27-q1', 'manifest.json')}: the manifest's audience is "board"`));
  });

  it('refuses a release filed under another quarter, or a folder that is not a release; skips unfinished work folders', () => {
    expect(() => listArchive(archiveWith(undefined, '2026-27-q3'))).toThrow(/belongs in .*2026-27-q1/);
    const dir = archiveWith();
    mkdirSync(join(dir, 'notes'));
    expect(() => listArchive(dir)).toThrow(/notes: not a release folder.*Fix: .*otherwise move it out of the archive folder\.$/);
    const capitals = archiveWith();
    mkdirSync(join(capitals, '2014-15-Q1'));
    expect(() => listArchive(capitals)).toThrow(/2014-15-Q1: not a release folder.*rename it to its quarter \(here 2014-15-q1\)/);
    const work = archiveWith();
    mkdirSync(join(work, '.archiving-2026-27-q2.1.ab'));
    expect(listArchive(work).map((r) => r.slug)).toEqual(['2026-27-q1']);
  });

  it('follows a release that is a link to its folder (as --out writes it), and refuses a link that leads nowhere', () => {
    const outside = archiveWith();
    const dir = mkdtempSync(join(tmpdir(), 'tfo-archive-'));
    symlinkSync(join(outside, '2026-27-q1'), join(dir, '2026-27-q1'));
    // Skipped, the design would not know a release its readers hold.
    expect(listArchive(dir).map((r) => r.slug)).toEqual(['2026-27-q1']);
    symlinkSync(join(outside, 'gone'), join(dir, '2025-26-q4'));
    expect(() => listArchive(dir)).toThrow(/2025-26-q4: a link that leads nowhere .*Fix: /);
  });
});
