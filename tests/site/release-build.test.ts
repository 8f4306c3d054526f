/**
 * The public and board sites are separate builds, run through the npm scripts a council uses:
 *
 * - `npm run site` (the public site) refuses a board release with a one-line message naming the
 *   manifest's audience, and writes nothing;
 * - `npm run site:board`, with the network cut off (`unshare -n`), builds the internal site into
 *   dist-board/ with the board release as its /data/ (not public/data), for a council whose name
 *   is long ("Royal Borough of Windsor and Maidenhead": chart titles over ten words warn, once
 *   each, and never fail the build) and whose logo is a same-origin path; Astro telemetry never
 *   starts (it would write its settings under XDG_CONFIG_HOME).
 *
 * The board release comes from the real pipeline on the sample; the board build runs in a copy of
 * the project under /tmp (sources copied, node_modules linked) so the council's reference data can
 * be changed without touching the shared working tree.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Manifest } from '../../src/lib/outputs/tables.ts';

const ROOT = process.cwd();
const LONG_NAME = 'Royal Borough of Windsor and Maidenhead';
const LOGO = '/images/logo.svg';
const CSP_META = '<meta http-equiv="Content-Security-Policy"';

const work = mkdtempSync(join(tmpdir(), 'tfo-release-build-'));
const boardData = join(work, 'board-data');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a command to completion; output is kept for the assertions and failure messages. */
function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, encoding: 'utf8', maxBuffer: 64 << 20 });
}

const output = (result: SpawnSyncReturns<string>) => `${result.stdout}\n${result.stderr}`;

beforeAll(() => {
  const result = run(process.execPath, [
    '--import',
    'tsx',
    'scripts/cli/data.ts',
    '--extracts',
    'data/sample',
    '--audience',
    'board',
    '--out',
    boardData,
    '--report',
    join(work, 'data-quality'),
    '--quiet',
  ]);
  expect(result.status, output(result)).toBe(0);
});

describe('the public site', () => {
  it('refuses board data, naming the manifest’s audience, in one line, and writes nothing', () => {
    const out = join(work, 'public-dist');
    const result = run('npm', ['run', '--silent', 'site', '--', '--outDir', out], { env: { TFO_SITE_DATA: boardData } });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      `error: ${join(boardData, 'manifest.json')}: the manifest's audience is "board" (unsuppressed figures), so the public site will not be built from it. ` +
        'Build the internal site with `npm run build:board`, or rerun the pipeline with `--audience public`.',
    );
    expect(output(result)).not.toMatch(/Stack trace|^\s+at /m);
    expect(existsSync(join(out, 'index.html'))).toBe(false);
    expect(existsSync(join(out, 'data'))).toBe(false);
  });
});

/** Whether this machine lets us cut a process off the network (root, or a user namespace). */
const canUnshare = run('unshare', ['-n', 'true']).status === 0;
if (!canUnshare) console.warn('Skipping the network-off build: `unshare -n` is not permitted here (it needs root or user namespaces).');

describe.skipIf(!canUnshare)('the board site, built with the network cut off', () => {
  const project = join(work, 'project');
  const config = join(work, 'config');
  let result: SpawnSyncReturns<string>;
  let dist: string;

  beforeAll(() => {
    mkdirSync(project);
    for (const path of ['src', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'data/reference', 'public/favicon.svg']) {
      cpSync(join(ROOT, path), join(project, path), { recursive: true });
    }
    // Build-time code imports a few pipeline modules; dependencies are shared, not copied.
    symlinkSync(resolve(ROOT, 'node_modules'), join(project, 'node_modules'));
    symlinkSync(resolve(ROOT, 'scripts'), join(project, 'scripts'));
    // A public release sits in public/data as usual; the board site must not publish it.
    const publicData = join(inject('siteDir'), 'data');
    mkdirSync(join(project, 'public/data'));
    for (const file of readdirSync(publicData).filter((f) => f.endsWith('.parquet') || f === 'manifest.json')) {
      cpSync(join(publicData, file), join(project, 'public/data', file));
    }
    const councilFile = join(project, 'data/reference/council.json');
    writeFileSync(councilFile, JSON.stringify({ ...JSON.parse(readFileSync(councilFile, 'utf8')), name: LONG_NAME, logo: LOGO }, null, 2));
    const programmeFile = join(project, 'data/reference/programme.json');
    const programme = JSON.parse(readFileSync(programmeFile, 'utf8')) as { authority: { name: string } };
    programme.authority.name = LONG_NAME;
    writeFileSync(programmeFile, JSON.stringify(programme, null, 2));
    mkdirSync(join(project, 'public/images'));
    writeFileSync(join(project, 'public', LOGO), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>\n');

    result = run('unshare', ['-n', 'npm', 'run', 'site:board'], { cwd: project, env: { TFO_SITE_DATA: boardData, XDG_CONFIG_HOME: config } });
    dist = join(project, 'dist-board');
  });

  it('succeeds, into dist-board/', () => {
    expect(result.status, output(result)).toBe(0);
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
    expect(existsSync(join(project, 'dist'))).toBe(false);
  });

  it('never started Astro telemetry', () => {
    expect(existsSync(join(config, 'astro'))).toBe(false);
  });

  it('publishes the board release as /data/, and nothing of public/data', () => {
    const manifest = JSON.parse(readFileSync(join(boardData, 'manifest.json'), 'utf8')) as Manifest;
    expect(readFileSync(join(dist, 'data/manifest.json'), 'utf8')).toBe(readFileSync(join(boardData, 'manifest.json'), 'utf8'));
    for (const { file } of manifest.outputs) expect(readFileSync(join(dist, 'data', file)).equals(readFileSync(join(boardData, file))), file).toBe(true);
    const expected = [...manifest.outputs.map((o) => o.file), 'manifest.json'];
    // Besides the release, only what the build wrote from it: the open-data page, its data package and CSVs.
    const extra = readdirSync(join(dist, 'data')).filter((f) => !expected.includes(f));
    expect(extra.filter((f) => f !== 'index.html' && f !== 'datapackage.json' && !f.endsWith('.csv'))).toEqual([]);
    expect(existsSync(join(dist, 'data/programme.csv'))).toBe(true);
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(html).toContain('Internal: not for publication');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"');
  });

  it('shows the long council name in chart titles, warning once per title', () => {
    const page = readFileSync(join(dist, 'indicators/ni_111/index.html'), 'utf8');
    expect(page).toMatch(new RegExp(`<h2 class="figure__title"[^>]*>[^<]*: ${LONG_NAME} and England</h2>`));
    const warnings = [...output(result).matchAll(/Warning: Figure "[^"]+": the title "([^"]+)" has \d+ words/g)].map(([, title]) => title);
    expect(warnings.length).toBeGreaterThan(0);
    expect(new Set(warnings).size).toBe(warnings.length);
    expect(warnings.every((title) => title!.includes(LONG_NAME))).toBe(true);
  });

  it('shows the same-origin logo under the policy', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(html).toContain(`<img class="site-header__logo" src="${LOGO}" alt="">`);
    expect(html).toContain(CSP_META);
    expect(existsSync(join(dist, LOGO))).toBe(true);
  });
});
