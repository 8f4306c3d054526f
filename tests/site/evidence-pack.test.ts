/**
 * The evidence pack, end to end on the built site: the real `npm run pack` CLI prints the pack
 * page through Chromium, and the PDF is read back with poppler (pdfinfo, pdftotext) the way a
 * reader's tools would. Expected figures are read from the site's own Parquet with native DuckDB
 * and plain SQL written here, independently of the page's model. The page itself is checked in
 * Chromium with JavaScript off and with axe.
 *
 * There is no board build in the test run (it would cost minutes), so the internal marking is
 * checked on a board-audience copy of the built pack page: that proves the command marks every
 * printed page of a board site's pack from the site's own manifest, and refuses to write it where
 * a build would publish it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../browser-harness/axe.ts';
import { launchBrowser } from '../browser-harness/browser.ts';
import { serveStatic, type StaticServer } from '../browser-harness/static-server.ts';
import type { Manifest } from '../../src/lib/outputs/tables.ts';
import { INTERNAL_MARKING, PACK_SECTIONS, packPath } from '../../src/lib/pack/sections.ts';
import { checkSite } from '../../scripts/site-check/index.ts';

const siteDir = inject('siteDir');
const manifest = JSON.parse(readFileSync(join(siteDir, 'data/manifest.json'), 'utf8')) as Manifest;
/** The release's latest quarter: the pack a council prints most. */
const QUARTER = manifest.extract_period.last_quarter;
const AUTHORITY = (JSON.parse(readFileSync('data/reference/programme.json', 'utf8')) as { authority: { code: string } }).authority.code;
const work = mkdtempSync(join(tmpdir(), 'tfo-evidence-pack-'));
const first = join(work, 'first.pdf');
const second = join(work, 'second', 'pack.pdf');
const boardSite = join(work, 'board-site');
const boardPdf = join(work, 'board.pdf');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const PACK_COMMAND = [process.execPath, '--import', 'tsx', 'scripts/cli/pack.ts'] as const;
const env = { ...process.env, TFO_DEBUG: '' };

/** Runs `npm run pack` without blocking, so the runs overlap. */
function packAsync(args: string[]): Promise<Run> {
  const [command, ...rest] = PACK_COMMAND;
  return new Promise((done) =>
    execFile(command, [...rest, ...args], { encoding: 'utf8', env }, (error, stdout, stderr) =>
      done({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    ),
  );
}
const output = (r: Run) => `${r.stdout}\n${r.stderr}`;

/**
 * A board-audience copy of the built pack page: what `npm run pack` reads to decide the marking
 * is the site's own manifest, so this is a board site to the command.
 */
function boardCopy(dir: string): void {
  const pagePath = packPath(QUARTER);
  mkdirSync(join(dir, 'data'), { recursive: true });
  cpSync(join(siteDir, pagePath), join(dir, pagePath), { recursive: true });
  cpSync(join(siteDir, 'index.html'), join(dir, 'index.html'));
  symlinkSync(resolve(siteDir, '_astro'), join(dir, '_astro'));
  writeFileSync(join(dir, 'data/manifest.json'), JSON.stringify({ ...manifest, audience: 'board' }));
}

function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' });
}

function pdfInfo(file: string): Record<string, string> {
  const text = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(text.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** The outline's titles (bookmarks): literal strings, or UTF-16 hex for any other text. */
function outlineTitles(file: string): string[] {
  const bytes = readFileSync(file).toString('latin1');
  return [...bytes.matchAll(/\/Title\s*(?:\(((?:\\.|[^\\)])*)\)|<([0-9A-Fa-f]+)>)/g)].map(([, literal, hex]) =>
    hex ? Buffer.from(hex.slice(4), 'hex').swap16().toString('utf16le') : (literal ?? '').replace(/\\(.)/g, '$1'),
  );
}

const collapse = (text: string) => text.replace(/\s+/g, ' ');

let conn: DuckDBConnection;
let server: StaticServer;
let browser: Browser;
let pages: number;
/**
 * The command's runs, all at once: the pack, the same pack again (from the quarter's slug), the
 * board copy's, an unknown quarter, and the board pack aimed at dist/.
 */
let runs: { first: Run; second: Run; board: Run; unknown: Run; published: Run };

beforeAll(async () => {
  boardCopy(boardSite);
  const [a, b, c, d, e] = await Promise.all([
    packAsync(['--site', siteDir, '--quarter', QUARTER, '--out', first]),
    packAsync(['--site', siteDir, '--quarter', QUARTER.toLowerCase().replace(' ', '-'), '--out', second, '--quiet']),
    packAsync(['--site', boardSite, '--audience', 'board', '--quarter', QUARTER, '--out', boardPdf, '--quiet']),
    packAsync(['--site', siteDir, '--quarter', '1999-00 Q1', '--out', join(work, 'x.pdf')]),
    packAsync(['--site', boardSite, '--quarter', QUARTER, '--out', 'dist/evidence-pack.pdf']),
  ]);
  runs = { first: a!, second: b!, board: c!, unknown: d!, published: e! };
  expect(runs.first.status, output(runs.first)).toBe(0);
  expect(runs.first.stderr).toContain('Printing to PDF');
  pages = Number(pdfInfo(first).Pages);
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  for (const table of ['programme', 'outcomes']) {
    await conn.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet('${resolve(siteDir, 'data', `${table}.parquet`)}')`);
  }
  server = await serveStatic(siteDir);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  conn?.closeSync();
  rmSync(work, { recursive: true, force: true });
});

/** A published figure as the pack shows it: "1,234", "50 [rd]" or its symbol. */
async function published(table: string, measure: string): Promise<string> {
  const reader = await conn.runAndReadAll(`SELECT value, flag FROM ${table} WHERE measure = $1 AND quarter = $2 AND area_code = $3 AND breakdown = 'all'`, [
    measure,
    QUARTER,
    AUTHORITY,
  ]);
  const [row] = reader.getRowObjectsJS();
  if (!row) return '[x]';
  if (row.value === null) return String(row.flag);
  const shown = new Intl.NumberFormat('en-GB').format(Number(row.value));
  return row.flag === null ? shown : `${shown} ${String(row.flag)}`;
}

describe('npm run pack', () => {
  it('prints an A4, tagged PDF whose outline has every section', () => {
    const info = pdfInfo(first);
    expect(info.Tagged).toBe('yes');
    expect(info['Page size']).toMatch(/^595\.\d+ x 841\.\d+|^595\.\d+ x 842\.\d+/);
    expect(pages).toBeGreaterThan(PACK_SECTIONS.length - 1);
    const titles = outlineTitles(first).map(collapse);
    for (const section of PACK_SECTIONS) expect(titles, section.title).toContain(section.title);
  });

  it('names each heading in the outline with its words as written, wrapped or not', async () => {
    const page = await browser.newPage();
    await page.goto(new URL(packPath(QUARTER).slice(1), server.url).href);
    const headings = (await page.locator('main :is(h1, h2, h3, h4)').allTextContents()).map((h) => collapse(h).trim());
    await page.close();
    expect(headings.length).toBeGreaterThan(PACK_SECTIONS.length);
    // Not collapsed: Chromium drops the space at a heading's line wrap unless the print style keeps it.
    const titles = outlineTitles(first);
    for (const heading of headings) expect(titles, heading).toContain(heading);
  });

  it('has a contents list, every section and a page number on every page', () => {
    const text = collapse(pdfText(first));
    expect(text).toContain(`Evidence pack, ${QUARTER}`);
    expect(text).toContain('Contents');
    // The contents list names every section in order, before the first section begins.
    let at = text.indexOf('Contents');
    for (const section of PACK_SECTIONS) {
      const next = text.indexOf(section.title, at);
      expect(next, section.title).toBeGreaterThan(at);
      at = next;
    }
    expect(text.indexOf(`Section 1 of ${PACK_SECTIONS.length}`)).toBeGreaterThan(at);
    for (let page = 1; page <= pages; page++) expect(collapse(pdfText(first, page))).toContain(`Page ${page} of ${pages}`);
  });

  it('gives the same text and page count from the same release', () => {
    expect(runs.second.status, output(runs.second)).toBe(0);
    expect(Number(pdfInfo(second).Pages)).toBe(pages);
    expect(pdfText(second)).toBe(pdfText(first));
    // No run's own date in the text (unless the release happens to be dated today): the dates are the release's.
    const today = new Date().toISOString().slice(0, 10);
    if (manifest.released.slice(0, 10) !== today) {
      const words = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date());
      expect(collapse(pdfText(first))).not.toContain(words);
      expect(pdfText(first)).not.toContain(today);
    }
  });

  it('carries the quarter’s headline figures as the Parquet publishes them, and the manifest’s hash', async () => {
    const text = collapse(pdfText(first));
    const expected = {
      attached_cumulative: await published('programme', 'families_attached_cumulative'),
      open_caseload: await published('programme', 'families_open'),
      outcomes_sustained: await published('outcomes', 'outcomes_sustained'),
    };
    const page = await browser.newPage();
    await page.goto(new URL(packPath(QUARTER).slice(1), server.url).href);
    const cells = await page.locator('#pack-headline tbody tr').evaluateAll((rows) => rows.map((r) => [r.querySelector('th')?.textContent?.trim() ?? '', r.querySelector('td')?.textContent?.trim() ?? '']));
    await page.close();
    const figure = (label: RegExp) => collapse(cells.find(([l]) => label.test(l ?? ''))?.[1] ?? 'missing');
    expect(figure(/^Families attached since/)).toBe(expected.attached_cumulative);
    expect(figure(/^Open cases/)).toBe(expected.open_caseload);
    expect(figure(/^Outcomes sustained in/)).toMatch(new RegExp(`^${expected.outcomes_sustained.replace(/[[\]]/g, '\\$&')}$`));
    // The printed PDF holds the same figures (its table layout may put a symbol on the next line).
    for (const value of Object.values(expected)) expect(text).toContain(value.split(' ')[0]);
    const hash = execFileSync('sha256sum', [join(siteDir, 'data/manifest.json')], { encoding: 'utf8' }).split(' ')[0]!;
    expect(text).toContain(hash);
    expect(text).toContain(manifest.extract_period.first_quarter);
  });

  it('passes the safety net: nothing row-level, no identifiers, no board release', async () => {
    const published = join(work, 'published');
    mkdirSync(join(published, 'data'), { recursive: true });
    cpSync(join(siteDir, 'data/manifest.json'), join(published, 'data/manifest.json'));
    cpSync(first, join(published, 'evidence-pack.pdf'));
    expect(await checkSite(published, { audience: 'public' })).toEqual([]);
  });

  it('says what is wrong in one line, with no stack trace, for an unknown quarter (scripts/pack/options.test.ts has the rest)', () => {
    const { unknown } = runs;
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('the site has no pack for 1999-00 Q1');
    expect(unknown.stderr).toContain(QUARTER);
    expect(unknown.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(work, 'x.pdf'))).toBe(false);
  });
});

describe('the internal (board) pack', () => {
  it('is marked "Internal: not for publication" on every page', () => {
    expect(runs.board.status, output(runs.board)).toBe(0);
    expect(runs.board.stdout).toContain('internal, not for publication');
    const count = Number(pdfInfo(boardPdf).Pages);
    expect(count).toBeGreaterThan(1);
    for (let page = 1; page <= count; page++) expect(collapse(pdfText(boardPdf, page)), `page ${page}`).toContain(INTERNAL_MARKING);
  });

  it('is never written where a build publishes it', () => {
    expect(runs.published.status).toBe(2);
    expect(runs.published.stderr).toContain('must not be written inside dist/');
    expect(existsSync('dist/evidence-pack.pdf')).toBe(false);
  });
});

describe('the pack page', () => {
  it('reads with JavaScript off: title, contents and every section', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL(packPath(QUARTER).slice(1), server.url).href);
    expect(await page.locator('h1').innerText()).toBe(`Evidence pack, ${QUARTER}`);
    expect(await page.locator('.contents-list a').allInnerTexts()).toEqual(PACK_SECTIONS.map((s) => s.title));
    expect(await page.locator('.pack-section > h2').allInnerTexts()).toEqual(PACK_SECTIONS.map((s) => s.title));
    expect(await page.locator('#pack-headline tbody tr').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('shows no count the disclosure rule forbids: every figure is at least the threshold, zero, or its symbol', async () => {
    const page = await browser.newPage();
    await page.goto(new URL(packPath(QUARTER).slice(1), server.url).href);
    // Tables of people and families (not money, shares or the extracts' row counts).
    // Area indicators are published under the release's own rule for them (the safety net checks the Parquet).
    const cells = await page.locator('.pack table:not(#pack-quality-files, #pack-quality-reasons, #pack-indicators)').evaluateAll((tables) =>
      tables.flatMap((table) => {
        const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
        return [...table.querySelectorAll('tbody tr')].flatMap((tr) =>
          [...tr.children].map((cell, i) => ({ head: heads[i] ?? '', text: (cell.textContent ?? '').replace(/\s+/g, ' ').trim() })),
        );
      }),
    );
    await page.close();
    const counts = cells.filter((c) => !/[£%]|target/i.test(c.head) && /^\d[\d,]*$/.test(c.text)).map((c) => Number(c.text.replaceAll(',', '')));
    expect(counts.length).toBeGreaterThan(10);
    const threshold = manifest.suppression.threshold;
    expect(counts.filter((n) => n > 0 && n < threshold)).toEqual([]);
    expect(cells.some((c) => c.text === '[c]')).toBe(true);
  });

  it('passes axe (WCAG 2.2 AA)', async () => {
    const page = await browser.newPage();
    await page.goto(new URL(packPath(QUARTER).slice(1), server.url).href);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
