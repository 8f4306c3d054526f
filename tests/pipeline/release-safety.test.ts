/**
 * The pipeline's write step under the failures a real machine has, through the real CLI on real
 * files: runs killed (SIGKILL) at every step of the swap and at random instants, two runs at once,
 * leftovers of killed runs, a symlinked --out, a report path the site would publish, Ctrl+C while
 * clean copies of the extracts sit in the temporary folder, missing folders, a read-only and a
 * full disk. Each must leave the complete old output or the complete new one, and say in one
 * line what to do.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeFailure, describeSystemError } from '../../scripts/cli/main.ts';
import { checkPipelinePaths } from '../../scripts/pipeline/options.ts';
import { stagingLocation } from '../../scripts/pipeline/write/atomic-dir.ts';
import { acquireLock, LockHeldError } from '../../scripts/pipeline/write/lock.ts';
import { hashDir, makeWorkspace, runCli, runOn as runPipelineOn, type Workspace } from './cli-harness.ts';

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface Running {
  pid: number;
  exited: () => boolean;
  kill: (signal: NodeJS.Signals) => void;
  done: Promise<Exit>;
}

function start(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  let exited = false;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Exit>((resolvePromise) => {
    child.on('close', (code, signal) => {
      exited = true;
      resolvePromise({ code, signal, stdout, stderr });
    });
  });
  return { pid: child.pid!, exited: () => exited, kill: (signal) => child.kill(signal), done };
}

/**
 * These tests are about the write step, which both audiences share. The board audience skips
 * designing and auditing the public release (most of a run on the sample), so each run here is a
 * few seconds.
 */
function startOn(ws: Workspace, extra: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Running {
  const args = ['--extracts', ws.extracts, '--out', ws.out, '--report', ws.report, '--quiet', '--audience', 'board', ...extra];
  return start('scripts/cli/data.ts', args, env);
}

function runOn(ws: Workspace, extra: readonly string[] = [], env: NodeJS.ProcessEnv = {}): ReturnType<typeof runPipelineOn> {
  return runPipelineOn(ws, ['--audience', 'board', ...extra], env);
}

/** Polls every 2 ms until `ready` holds (true) or the run ends first (false). */
async function waitUntil(run: Running, ready: () => boolean, timeoutMs = 60_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (ready()) return true;
    if (run.exited()) return false;
    await new Promise((r) => setTimeout(r, 2));
  }
  return false;
}

/** The output folder is there, holds manifest.json and exactly the files it lists, each with its SHA-256. */
function expectComplete(out: string): Record<string, string> {
  expect(existsSync(out), `${out} is missing`).toBe(true);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: { file: string; sha256: string }[] };
  const hashes = hashDir(out);
  for (const output of manifest.outputs) expect(hashes[output.file], output.file).toBe(output.sha256);
  expect(Object.keys(hashes).sort()).toEqual([...manifest.outputs.map((o) => o.file), 'manifest.json'].sort());
  return hashes;
}

function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  return lines[0]!;
}

/** Names in the staging folder that belong to this output (but its `.target` note, which stays). */
function stagedNames(ws: Workspace, folder = ws.out): string[] {
  const { stagingRoot, key } = stagingLocation(folder);
  if (!existsSync(stagingRoot)) return [];
  return readdirSync(stagingRoot)
    .filter((n) => n.startsWith(`${key}.`) && n !== `${key}.target`)
    .sort();
}

function currentVersion(out: string): string {
  return readlinkSync(out).split('/').pop()!;
}

/** A pid that belongs to no running process: one that has just exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => child.on('exit', r));
  return child.pid!;
}

/** The pipeline's work folders in a temporary folder (tsx keeps its cache there too). */
const workDirs = (tmp: string): string[] => readdirSync(tmp).filter((n) => n.startsWith('tfo-pipeline-'));

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('a kill at any instant leaves the complete old output or the complete new one', () => {
  let ws: Workspace;
  let oldHashes: Record<string, string>;
  let newHashes: Record<string, string>;
  // A release one quarter shorter: different files, so a kill can be told apart from a finish.
  const NEW = ['--last-quarter', '2026-27 Q1'];

  beforeAll(async () => {
    ws = makeWorkspace();
    const fresh = makeWorkspace();
    const [first, other] = await Promise.all([runOn(ws), runOn(fresh, NEW)]);
    expect(first.code, first.stderr).toBe(0);
    expect(other.code, other.stderr).toBe(0);
    oldHashes = expectComplete(ws.out);
    newHashes = expectComplete(fresh.out);
    expect(newHashes).not.toEqual(oldHashes);
  }, 400_000);

  it('stages outside the folder and outside anything published, on the same disk', () => {
    expect(lstatSync(ws.out).isSymbolicLink()).toBe(true);
    const { stagingRoot } = stagingLocation(ws.out);
    expect(stagingRoot).toBe(join(ws.root, '.tfo-staging'));
    expect(statSync(stagingRoot).dev).toBe(statSync(dirname(ws.out)).dev);
    // The project's own output: staged in the project root, never under public/.
    expect(stagingLocation('public/data').stagingRoot).toBe(resolve('.tfo-staging'));
    expect(readdirSync(dirname(ws.out))).toEqual(['data']);
  });

  it('at each step of the swap (SIGKILL from inside the run)', async () => {
    let expected = oldHashes;
    for (const [point, after] of [
      ['staged', 'old'],
      ['linked', 'old'],
      ['swapped', 'new'],
    ] as const) {
      const before = currentVersion(ws.out);
      const run = await startOn(ws, NEW, { TFO_TEST_KILL_AT: `${point}@data` }).done;
      expect(run.signal, `${point}: ${run.stderr}`).toBe('SIGKILL');
      if (after === 'new') expected = newHashes;
      expect(expectComplete(ws.out), point).toEqual(expected);
      if (point === 'swapped') expect(stagedNames(ws), 'the old version waits for the next run').toContain(before);
    }
  }, 400_000);

  it('at instants chosen from outside: as staging starts, as the manifest lands, after a delay', async () => {
    const { stagingRoot, key } = stagingLocation(ws.out);
    let before = new Set<string>();
    // The new staging folder: not the published version, nor a leftover the run will clean up.
    const staging = (): string | undefined => readdirSync(stagingRoot).find((n) => n.startsWith(`${key}.2`) && !before.has(n));
    const cases: [string, (run: Running) => Promise<boolean>][] = [
      ['as the staging folder appears', (run) => waitUntil(run, () => staging() !== undefined)],
      ['as manifest.json lands in staging', (run) => waitUntil(run, () => ((s) => s !== undefined && existsSync(join(stagingRoot, s, 'manifest.json')))(staging()))],
      ['after 1.5 s', async () => (await new Promise((r) => setTimeout(r, 1_500)), true)],
    ];
    for (const [when, ready] of cases) {
      before = new Set(readdirSync(stagingRoot));
      // Alternate, so each kill interrupts a run that would change the output.
      const extra = JSON.stringify(expectComplete(ws.out)) === JSON.stringify(newHashes) ? [] : NEW;
      const run = startOn(ws, extra);
      if (await ready(run)) run.kill('SIGKILL');
      const exit = await run.done;
      // A polling test can miss an instant on a busy machine: the run then finished, and must have
      // finished well. The exact instants of the swap are covered from inside, above.
      if (exit.signal !== 'SIGKILL') expect(exit.code, `${when}: ${exit.stderr}`).toBe(0);
      expect([oldHashes, newHashes], when).toContainEqual(expectComplete(ws.out));
    }
  }, 400_000);

  it('and the next run cleans up after them and publishes', async () => {
    const result = await runOn(ws);
    expect(result.code, result.stderr).toBe(0);
    expect(expectComplete(ws.out)).toEqual(oldHashes);
    // Only the published version is left: no lock, no half-written staging, no stray links.
    expect(stagedNames(ws)).toEqual([currentVersion(ws.out)]);
  }, 400_000);
});

describe('an output folder written by the old, non-atomic code', () => {
  it('is taken over, and leftovers beside it (which astro build would publish) are removed', async () => {
    const ws = makeWorkspace();
    mkdirSync(ws.out, { recursive: true });
    writeFileSync(join(ws.out, 'manifest.json'), '{}');
    const leftover = join(dirname(ws.out), '.data.staging-Ab12Cd');
    mkdirSync(leftover);
    writeFileSync(join(leftover, 'programme.parquet'), 'half a file');
    // Killed mid-move: the real folder is in the staging folder and the output is gone. The next
    // run (even one that fails on bad data) puts the old output back before anything else.
    const killed = await startOn(ws, [], { TFO_TEST_KILL_AT: 'migrating@data' }).done;
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(ws.out)).toBe(false);
    writeFileSync(join(ws.extracts, 'claims.csv'), '');
    const failed = await runOn(ws);
    expect(failed.code).toBe(1);
    expect(readFileSync(join(ws.out, 'manifest.json'), 'utf8')).toBe('{}');
    expect(existsSync(leftover)).toBe(false);
  });
});

describe('one run at a time', () => {
  it('a second run into the same folder exits non-zero and names the run that holds it', async () => {
    const ws = makeWorkspace();
    const { stagingRoot, key } = stagingLocation(ws.out);
    // The run holding the folder is this test process, holding the lock the way a run does and
    // for as long as the test needs (a real run's hold is seconds: a race on a busy machine).
    mkdirSync(stagingRoot, { recursive: true, mode: 0o711 });
    const held = acquireLock(join(stagingRoot, `${key}.lock`), 'data');
    const second = await startOn(ws).done;
    held.release();
    expect(second.code).toBe(1);
    const line = oneLine(second.stderr);
    expect(line).toContain(`pid ${process.pid} on host ${hostname()}, started 20`);
    expect(line).toMatch(/Wait for it to finish/);
    expect(existsSync(ws.out), 'nothing published while another run held the folder').toBe(false);
    // Released, the folder is the next run's.
    const third = await startOn(ws).done;
    expect(third.code, third.stderr).toBe(0);
    expectComplete(ws.out);
  });

  it('a lock, staging folder, link and work folder left by a killed run, and versions of a deleted output, are cleaned up', async () => {
    const ws = makeWorkspace();
    const tmp = join(ws.root, 'tmp');
    mkdirSync(tmp);
    const { stagingRoot, key } = stagingLocation(ws.out);
    mkdirSync(stagingRoot, { recursive: true });
    const dead = await deadPid();
    const lock = join(stagingRoot, `${key}.lock`);
    writeFileSync(lock, JSON.stringify({ pid: dead, host: hostname(), started: '2026-01-01T00:00:00Z', boot: null, ticks: null, what: 'x', nonce: 'n' }));
    mkdirSync(join(stagingRoot, `${key}.20260101T000000-Zz9Zz9`));
    writeFileSync(join(stagingRoot, `${key}.20260101T000000-Zz9Zz9`, 'programme.parquet'), 'half');
    symlinkSync('nowhere', join(stagingRoot, `${key}.link-${dead}-abcd`));
    const work = join(tmp, `tfo-pipeline-${dead}-Qq1Qq1`);
    mkdirSync(work);
    writeFileSync(join(work, 'families.clean.csv'), 'family_ref\nF1\n');

    // Versions of an output folder that was deleted since (a scratch folder).
    writeFileSync(join(stagingRoot, 'gone-0123456789.target'), `${join(ws.root, 'deleted', 'data')}\n`);
    mkdirSync(join(stagingRoot, 'gone-0123456789.20260101T000000-Yy8Yy8'));

    const result = await runOn(ws, [], { TMPDIR: tmp });
    expect(result.code, result.stderr).toBe(0);
    expectComplete(ws.out);
    expect(stagedNames(ws)).toEqual([currentVersion(ws.out)]);
    expect(readdirSync(stagingRoot).filter((n) => n.startsWith('gone-'))).toEqual([]);
    expect(workDirs(tmp)).toEqual([]);
  });

  it('a lock held on another host is not guessed stale: the message says how to clear it', async () => {
    const ws = makeWorkspace();
    const { stagingRoot, key } = stagingLocation(ws.out);
    mkdirSync(stagingRoot, { recursive: true });
    const lock = join(stagingRoot, `${key}.lock`);
    writeFileSync(lock, JSON.stringify({ pid: 4242, host: 'analyst-pc', started: '2026-11-30T09:00:00Z', boot: null, ticks: null, what: 'x', nonce: 'n' }));
    const result = await runOn(ws);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toBe(
      `Another run is writing --out ${ws.out}: pid 4242 on host analyst-pc, started 2026-11-30T09:00:00Z. Wait for it to finish and run again; if it is no longer running, delete ${lock}.`,
    );
    expect(existsSync(lock)).toBe(true);
  });

  it('in one process too: the lock is exclusive and released once', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tfo-lock-')), 'x.lock');
    const held = acquireLock(file, 'x');
    expect(() => acquireLock(file, 'x')).toThrow(LockHeldError);
    held.release();
    held.release();
    acquireLock(file, 'x').release();
    expect(existsSync(file)).toBe(false);
  });
});

describe('a symlinked --out', () => {
  it('is written through: the folder it points to gets the new output, and the link stays', async () => {
    const ws = makeWorkspace();
    const real = join(ws.root, 'shared', 'site', 'data');
    mkdirSync(dirname(ws.out), { recursive: true });
    mkdirSync(real, { recursive: true });
    writeFileSync(join(real, 'manifest.json'), '{"old": true}');
    symlinkSync(real, ws.out);
    const result = await runOn(ws);
    expect(result.code, result.stderr).toBe(0);
    expect(readlinkSync(ws.out)).toBe(real);
    const hashes = expectComplete(ws.out);
    expect(expectComplete(real)).toEqual(hashes);
    expect(hashes['manifest.json']).not.toBe(sha('{"old": true}'));
  });

  it('is refused when it points into another output staging folder, and a folder with other files is refused', async () => {
    const ws = makeWorkspace();
    const version = join(ws.root, 'other', '.tfo-staging', 'data-0123456789.20260101T000000-AbCdEf');
    mkdirSync(version, { recursive: true });
    mkdirSync(dirname(ws.out), { recursive: true });
    symlinkSync(version, ws.out);
    const linked = await runOn(ws);
    expect(linked.code).toBe(2);
    expect(oneLine(linked.stderr)).toMatch(/link into another output's staging folder/);

    unlinkSync(ws.out);
    mkdirSync(ws.out);
    writeFileSync(join(ws.out, 'notes.txt'), 'mine');
    const foreign = await runOn(ws);
    expect(foreign.code).toBe(2);
    expect(oneLine(foreign.stderr)).toMatch(/holds files the pipeline did not write \(notes\.txt\)/);
    expect(readFileSync(join(ws.out, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('the data-quality report and temporary files stay private', () => {
  it('refuses a --report under public/, dist/ or the output folder, before writing anything', async () => {
    const ws = makeWorkspace();
    const result = await runCli(['--extracts', ws.extracts, '--out', ws.out, '--report', 'public/dq', '--quiet']);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toMatch(/^--report public\/dq is inside public\/, which the site publishes; .*keep it private/);
    expect(existsSync('public/dq')).toBe(false);
    expect(existsSync(ws.out)).toBe(false);
    const paths = { extractsDir: ws.extracts, referenceDir: 'data/reference', outDir: ws.out };
    for (const [reportDir, words] of [
      ['dist/dq', /is inside dist\//],
      [join(ws.out, 'dq'), /is inside the output folder/],
      ['public/data/../dq', /is inside public\//],
      ['.', /holds public\//],
      [dirname(ws.out), /holds the output folder/],
    ] as const) {
      expect(() => checkPipelinePaths({ ...paths, reportDir }), reportDir).toThrow(words);
    }
    expect(() => checkPipelinePaths({ ...paths, reportDir: join(ws.root, 'private') })).not.toThrow();
  });

  it('keeps clean copies of the extracts in a 0700 folder and removes it on SIGTERM', async () => {
    const ws = makeWorkspace();
    const tmp = join(ws.root, 'tmp');
    mkdirSync(tmp);
    // Windows-1252 makes the pipeline write a clean UTF-8 copy of the file before reading it.
    const text = readFileSync(join(ws.extracts, 'families.csv'), 'utf8').replace(',health,', ',santé,');
    writeFileSync(join(ws.extracts, 'families.csv'), Buffer.from(text, 'latin1'));
    const run = startOn(ws, [], { TMPDIR: tmp });
    let work = '';
    const copied = await waitUntil(run, () => {
      work = readdirSync(tmp).find((n) => n.startsWith(`tfo-pipeline-${run.pid}-`)) ?? '';
      return work !== '' && readdirSync(join(tmp, work)).some((n) => n.endsWith('.clean.csv'));
    });
    expect(copied, 'the run never wrote a clean copy').toBe(true);
    expect(statSync(join(tmp, work)).mode & 0o777).toBe(0o700);
    run.kill('SIGTERM');
    const exit = await run.done;
    expect(exit.signal).toBe('SIGTERM');
    expect(workDirs(tmp)).toEqual([]);
    expect(stagedNames(ws)).toEqual([]);
    expect(stagedNames(ws, ws.report)).toEqual([]);
  });
});

describe('no stack traces: one line that says what to do', () => {
  let mounts: string[] = [];
  const canMount = ((): boolean => {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
    const probe = mkdtempSync(join(tmpdir(), 'tfo-mount-probe-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
      execFileSync('umount', [probe], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  function mountTmpfs(size: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'tfo-disk-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
    mounts.push(dir);
    mkdirSync(join(dir, 'site'));
    return dir;
  }

  afterAll(() => {
    for (const dir of mounts) execFileSync('umount', [dir]);
    mounts = [];
  });

  it('a missing --extracts folder: usage error, exit 2', async () => {
    const ws = makeWorkspace();
    const result = await runCli(['--extracts', join(ws.root, 'nowhere'), '--out', ws.out, '--report', ws.report]);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toMatch(/--extracts .*nowhere: no such folder; give the folder holding families\.csv/);
  });

  it('an --out that cannot be created (under a file): exit 2', async () => {
    const ws = makeWorkspace();
    writeFileSync(join(ws.root, 'file'), '');
    const result = await runOn({ ...ws, out: join(ws.root, 'file', 'site', 'data') });
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toMatch(/part of this path is a file, not a folder/);
  });

  it.skipIf(!canMount)('a read-only disk: exit 2', async () => {
    const ws = makeWorkspace();
    const disk = mountTmpfs('1m');
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    const result = await runOn({ ...ws, out: join(disk, 'site', 'data') });
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toMatch(/is on a read-only disk: give a folder on a disk you can write to/);
  });

  it.skipIf(!canMount)('a full disk: exit 1, nothing published, nothing left behind', async () => {
    const ws = makeWorkspace();
    const disk = mountTmpfs('64k');
    const out = join(disk, 'site', 'data');
    const result = await runOn({ ...ws, out });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toMatch(/^No space left on the disk to write .*\(--out .*\): free some space.*Nothing was published\.$/);
    expect(existsSync(out)).toBe(false);
    // No lock and no half-written version: only the note naming the output folder.
    expect(readdirSync(join(disk, '.tfo-staging')).filter((n) => !n.endsWith('.target'))).toEqual([]);
  });

  it('the error mapping, for every errno named in the issue', () => {
    const errno = (code: string, path = '/srv/out'): NodeJS.ErrnoException => Object.assign(new Error(`${code}: x, open '${path}'`), { code, path });
    expect(describeSystemError(errno('ENOSPC'))).toMatchObject({ exitCode: 1, message: expect.stringMatching(/^No space left on the disk to write \/srv\/out/) });
    expect(describeSystemError(errno('EROFS'))).toMatchObject({ exitCode: 2, message: expect.stringMatching(/read-only disk/) });
    expect(describeSystemError(errno('EACCES'))).toMatchObject({ exitCode: 2, message: expect.stringMatching(/^Permission denied for \/srv\/out/) });
    expect(describeSystemError(errno('ENOTEMPTY'))).toMatchObject({ exitCode: 1, message: expect.stringMatching(/is in the way \(ENOTEMPTY\)/) });
    // DuckDB reports a failed COPY in its own words.
    const duckdb = new Error('IO Error: Could not write file "/srv/out/x.parquet": No space left on device');
    expect(describeSystemError(duckdb)).toMatchObject({ exitCode: 1, message: expect.stringContaining('/srv/out/x.parquet') });
    expect(describeFailure(new TypeError('boom\n    at somewhere'), 'help')).toEqual({
      exitCode: 1,
      message: 'Unexpected error: boom (run again with TFO_DEBUG=1 to see where it happened, and report it)',
    });
  });

  it('every command: --help works and a bad argument is one line with exit 2', async () => {
    const help = await start('scripts/cli/generate.ts', ['--help']).done;
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run generate/);
    const cases = [
      ['scripts/cli/generate.ts', ['--bogus'], /^Unknown option --bogus/],
      ['scripts/cli/generate.ts', ['--families', 'many'], /--families must be a whole number/],
      ['scripts/cli/data.ts', ['--extracts'], /--extracts needs a value/],
      ['scripts/cli/dictionary.ts', ['--out', 'x'], /takes no options/],
      ['scripts/cli/bench.ts', ['nothing'], /No benchmark named nothing/],
      ['scripts/cli/screenshot.ts', ['now'], /takes no options/],
    ] as const;
    const results = await Promise.all(cases.map(([script, args]) => start(script, args).done));
    for (const [i, [script, args, words]] of cases.entries()) {
      expect(results[i]!.code, `${script} ${args.join(' ')}`).toBe(2);
      expect(oneLine(results[i]!.stderr)).toMatch(words);
    }
  });
});

describe('astro build copies the linked public/data as real files', () => {
  it('dist holds real files matching the manifest, and nothing from the staging folder', () => {
    const siteDir = inject('siteDir');
    expect(lstatSync('public/data').isSymbolicLink()).toBe(true);
    const data = join(siteDir, 'data');
    expect(lstatSync(data).isDirectory()).toBe(true);
    const manifest = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')) as { outputs: { file: string; sha256: string }[] };
    for (const output of manifest.outputs) {
      const file = join(data, output.file);
      expect(lstatSync(file).isFile(), output.file).toBe(true);
      expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(output.sha256);
    }
    const all = readdirSync(siteDir, { recursive: true }).map(String);
    expect(all.filter((p) => /tfo-staging|\.staging-/.test(p))).toEqual([]);
  });
});
