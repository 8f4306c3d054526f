/**
 * `npm run pack` options on real folders: a built site is a folder with index.html, a manifest
 * under data/ and pack pages under quarters/. The command itself is run end to end in
 * tests/site/evidence-pack.test.ts; here each refusal is checked without starting a process.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../pipeline/options.ts';
import { CommandError } from '../cli/main.ts';
import { parsePackOptions } from './options.ts';

const root = mkdtempSync(join(tmpdir(), 'tfo-pack-options-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function site(name: string, audience: string, quarters: readonly string[]): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  writeFileSync(join(dir, 'data/manifest.json'), JSON.stringify({ audience }));
  for (const slug of quarters) {
    mkdirSync(join(dir, 'quarters', slug, 'pack'), { recursive: true });
    writeFileSync(join(dir, 'quarters', slug, 'pack', 'index.html'), '<!doctype html>');
  }
  // A locality page is not a pack.
  mkdirSync(join(dir, 'quarters', quarters[0] ?? '2025-26-q1', 'northgate'), { recursive: true });
  return dir;
}

const pub = site('public-site', 'public', ['2025-26-q3', '2025-26-q4', '2024-25-q1']);
const board = site('board-site', 'board', ['2025-26-q4']);

function failure(args: string[]): CommandError | UsageError {
  try {
    parsePackOptions(args, root);
  } catch (error) {
    if (error instanceof CommandError || error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`no error for ${args.join(' ')}`);
}

describe('parsePackOptions', () => {
  it('takes the quarter as a label or as its page’s slug, and names the PDF by quarter and audience', () => {
    expect(parsePackOptions(['--site', pub, '--quarter', '2025-26 Q3'], root)).toEqual({
      quarter: '2025-26 Q3',
      audience: 'public',
      siteDir: pub,
      out: join('packs', 'evidence-pack-2025-26-q3-public.pdf'),
      quiet: false,
    });
    expect(parsePackOptions(['--site', pub, '--quarter', '2025-26-q3'], root)).toMatchObject({ quarter: '2025-26 Q3' });
  });

  it('prints the latest quarter by default, and the board site’s pack as board', () => {
    expect(parsePackOptions(['--site', pub], root)).toMatchObject({ quarter: '2025-26 Q4' });
    expect(parsePackOptions(['--site', board], root)).toMatchObject({ audience: 'board', out: join('packs', 'evidence-pack-2025-26-q4-board.pdf') });
  });

  it('lists the valid quarters, oldest first, for one the site has no pack for', () => {
    const error = failure(['--site', pub, '--quarter', '2030-31 Q1']);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe('--quarter: the site has no pack for 2030-31 Q1. Valid quarters: 2024-25 Q1, 2025-26 Q3, 2025-26 Q4');
    expect(failure(['--site', pub, '--quarter', 'Q4']).message).toContain('"Q4" is not a quarter label such as "2025-26 Q4"');
  });

  it('says which command builds a missing site, and refuses a site of the other audience', () => {
    expect(failure(['--site', join(root, 'nothing')]).message).toContain('build it first with `npm run build`');
    expect(failure(['--site', join(root, 'nothing'), '--audience', 'board']).message).toContain('`npm run build:board`');
    const mismatch = failure(['--site', pub, '--audience', 'board']);
    expect(mismatch.message).toContain('is the public site, not the board one');
    expect((mismatch as CommandError).exitCode).toBe(2);
  });

  it('never writes an internal pack where a build publishes it', () => {
    for (const out of ['dist/pack.pdf', 'public/pack.pdf', join(board, 'packs', 'pack.pdf'), 'dist']) {
      expect(failure(['--site', board, '--out', `${out}${out.endsWith('.pdf') ? '' : '/x.pdf'}`]).message).toContain('must not be written inside');
    }
    expect(parsePackOptions(['--site', board, '--out', 'packs/board.pdf'], root)).toMatchObject({ out: 'packs/board.pdf' });
    // The public pack may go with the public site.
    expect(parsePackOptions(['--site', pub, '--out', 'dist/pack.pdf'], root)).toMatchObject({ out: 'dist/pack.pdf' });
  });

  it('refuses unknown options and an output that is not a PDF', () => {
    expect(failure(['--site', pub, '--colour', 'red']).message).toMatch(/Unknown option '--colour'/);
    expect(failure(['--site', pub, '--out', 'pack.html']).message).toContain('ending in .pdf');
    expect(failure(['--site', pub, '--audience', 'everyone']).message).toContain('--audience must be "public" or "board"');
  });
});

describe('a site built before the pack', () => {
  it('says which command rebuilds it', () => {
    const old = site('old-site', 'public', []);
    rmSync(join(old, 'quarters'), { recursive: true, force: true });
    expect(failure(['--site', old]).message).toContain('rebuild it with `npm run build`');
  });
});
