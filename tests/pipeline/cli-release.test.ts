/**
 * `npm run release`: the real CLI filing a real public release (the sample's archived 2026-27 Q1
 * release) in a release archive, and refusing what must never be archived.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashDir, runCli, type CliResult } from './cli-harness.ts';

const SAMPLE_RELEASE = 'data/sample/releases/2026-27-q1';

function release(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/cli/release.ts', ...args], (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

function workspace(): { data: string; archive: string } {
  const root = mkdtempSync(join(tmpdir(), 'tfo-release-'));
  const data = join(root, 'data');
  cpSync(SAMPLE_RELEASE, data, { recursive: true });
  return { data, archive: join(root, 'releases') };
}

function editManifest(dir: string, edit: (m: Record<string, unknown>) => void): void {
  const file = join(dir, 'manifest.json');
  const m = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(m);
  writeFileSync(file, JSON.stringify(m, null, 2));
}

describe('npm run release', () => {
  it('files a public release under its slug with its manifest and files, and filing it again changes nothing', async () => {
    const ws = workspace();
    const first = await release(['--data', ws.data, '--archive', ws.archive]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const filed = join(ws.archive, '2026-27-q1');
    expect(hashDir(filed)).toEqual(hashDir(ws.data));
    expect(readdirSync(ws.archive)).toEqual(['2026-27-q1']);
    const again = await release(['--data', ws.data, '--archive', ws.archive]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already holds this release/);
  });

  it('refuses a board manifest, naming the file, and leaves the archive as it was', async () => {
    const ws = workspace();
    expect((await release(['--data', ws.data, '--archive', ws.archive])).code).toBe(0);
    const before = hashDir(join(ws.archive, '2026-27-q1'));
    const board = join(ws.data, '..', 'board');
    cpSync(ws.data, board, { recursive: true });
    editManifest(board, (m) => {
      m.audience = 'board';
      (m.extract_period as Record<string, string>).last_quarter = '2026-27 Q2';
    });
    const refused = await release(['--data', board, '--archive', ws.archive]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(join(board, 'manifest.json'));
    expect(refused.stderr).toMatch(/audience is "board"/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(ws.archive)).toEqual(['2026-27-q1']);
    expect(hashDir(join(ws.archive, '2026-27-q1'))).toEqual(before);
  });

  it('refuses a release whose files differ from its manifest, or a different release for a quarter already filed', async () => {
    const ws = workspace();
    expect((await release(['--data', ws.data, '--archive', ws.archive])).code).toBe(0);
    const before = hashDir(join(ws.archive, '2026-27-q1'));
    const tampered = join(ws.data, '..', 'tampered');
    cpSync(ws.data, tampered, { recursive: true });
    writeFileSync(join(tampered, 'programme.parquet'), 'not the published file');
    const bad = await release(['--data', tampered, '--archive', ws.archive]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/programme\.parquet: its SHA-256 differs/);

    const other = join(ws.data, '..', 'other');
    cpSync(ws.data, other, { recursive: true });
    editManifest(other, (m) => {
      m.released = '2026-08-01';
    });
    const clash = await release(['--data', other, '--archive', ws.archive]);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/already holds the release covering 2026-27 Q1/);
    expect(hashDir(join(ws.archive, '2026-27-q1'))).toEqual(before);
  });

  it('ignores and then clears the work folder a killed run left, and says what is wrong on the command line', async () => {
    const ws = workspace();
    mkdirSync(join(ws.archive, '.archiving-2026-27-q1.999999999.deadbeef'), { recursive: true });
    writeFileSync(join(ws.archive, '.archiving-2026-27-q1.999999999.deadbeef', 'programme.parquet'), 'half');
    expect((await release(['--data', ws.data, '--archive', ws.archive])).code).toBe(0);
    expect(readdirSync(ws.archive)).toEqual(['2026-27-q1']);
    const usage = await release(['--data', ws.data]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--archive <folder> is required/);
    const missing = await release(['--data', join(ws.data, 'nope'), '--archive', ws.archive]);
    expect(missing.code).toBe(2);
    expect(existsSync(join(ws.archive, '2026-27-q1'))).toBe(true);
  });

  it('the pipeline compares only public releases: --archive is refused for the board, and must name a folder', async () => {
    const ws = workspace();
    const board = await runCli(['--extracts', 'data/sample', '--audience', 'board', '--archive', ws.archive]);
    expect(board.code).toBe(2);
    expect(board.stderr).toMatch(/--archive compares public releases .* public audience only/);
    const missing = await runCli(['--extracts', 'data/sample', '--archive', join(ws.archive, 'missing')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--archive .*missing: no such folder/);
  });

  it('takes the reason for revisions as one short line, and only with --archive', async () => {
    const ws = workspace();
    mkdirSync(ws.archive);
    const cases: [string[], RegExp][] = [
      [['--revision-reason', 'Late records.'], /--revision-reason .* needs --archive <folder>/],
      [['--archive', ws.archive, '--revision-reason', '  '], /--revision-reason is empty/],
      [['--archive', ws.archive, '--revision-reason', 'Late records.\nSee the note.'], /one line of text, without line breaks/],
      [['--archive', ws.archive, '--revision-reason', 'x'.repeat(301)], /--revision-reason is 301 characters; keep it to 300/],
    ];
    for (const [args, message] of cases) {
      const refused = await runCli(['--extracts', 'data/sample', ...args]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(message);
      expect(refused.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
