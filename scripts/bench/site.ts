/**
 * Benchmarks the built dashboard in cold headless Chromium served from 127.0.0.1 and prints the
 * median of five runs: first contentful paint, headline figures visible, bytes and JavaScript
 * (gzip, computed here with zlib) fetched before the first interaction, and the time from the
 * click on another quarter's link to its headline figures on screen (each quarter is a static
 * page), first with a cold cache and then a warm one; then the site's page count, size and
 * build time, which grow with the number of quarters.
 * Times are printed, never asserted. Builds the sample data and site only when
 * .cache/test-site/index.html is missing.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../../tests/browser-harness/browser.ts';
import { serveStatic } from '../../tests/browser-harness/static-server.ts';
import { ensureSampleSite, PUBLIC_SITE_ENV, SAMPLE_SITE_DIR } from '../build/sample-site.ts';

const SITE_DIR = SAMPLE_SITE_DIR;
const RUNS = 5;
const COLD_QUARTER = '2014-15 Q3';

interface Run {
  fcp: number;
  headline: number;
  bytes: number;
  jsGzip: number;
  coldChange: number;
  warmChange: number;
}

const gzipCache = new Map<string, number>();
function gzipBytes(path: string): number {
  let size = gzipCache.get(path);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(SITE_DIR, decodeURIComponent(path)))).length;
    gzipCache.set(path, size);
  }
  return size;
}

/** Follows the link to a quarter's page and resolves with the time until its headline figures are drawn. */
async function quarterClick(page: import('playwright-core').Page, quarter: string): Promise<number> {
  const slug = quarter.toLowerCase().replace(' ', '-');
  const href = await page.locator(`a[href$="/quarters/${slug}/"]`).first().getAttribute('href');
  if (!href) throw new Error(`no link to ${quarter} on the page`);
  const start = Date.now();
  await page.goto(new URL(href, page.url()).href, { waitUntil: 'commit' });
  await page.locator('[data-card] .key-figure__value').first().waitFor();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  return Date.now() - start;
}

async function oneRun(origin: string, served: () => readonly { path: string; bytes: number }[]): Promise<Run> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Records when the first headline figure is in the document and the next frame has been
    // drawn, from the page's own clock (so it compares with first contentful paint).
    await page.addInitScript(() => {
      const w = window as unknown as { __headline?: number };
      const observer = new MutationObserver(() => {
        if (!document.querySelector('[data-card] .key-figure__value')) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          w.__headline = performance.now();
        });
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const before = served().length;
    await page.goto(origin, { waitUntil: 'networkidle' });
    const timings = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      const inDocument = (window as unknown as { __headline?: number }).__headline ?? NaN;
      // Nothing is visible before the first contentful paint, so the figures show at the later of the two.
      return { fcp, headline: Math.max(fcp, inDocument) };
    });
    const loaded = served().slice(before);
    const bytes = loaded.reduce((sum, r) => sum + r.bytes, 0);
    const jsGzip = loaded.filter((r) => r.path.endsWith('.js')).reduce((sum, r) => sum + gzipBytes(r.path.split('?')[0] ?? r.path), 0);
    const coldChange = await quarterClick(page, COLD_QUARTER);
    await page.goBack();
    const warmChange = await quarterClick(page, COLD_QUARTER);
    await context.close();
    return { ...timings, bytes, jsGzip, coldChange, warmChange };
  } finally {
    await browser.close();
  }
}

function htmlCount(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

export async function benchSite(): Promise<void> {
  ensureSampleSite();
  const server = await serveStatic(SITE_DIR);
  try {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(server.url, () => server.requests));
    const m = (key: keyof Run) => median(runs.map((r) => r[key]));
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    const kb = (v: number) => `${(v / 1024).toFixed(1)} KiB`;
    console.log(`Dashboard (/), built site on 127.0.0.1, cold Chromium, median of ${RUNS} runs:`);
    console.log(`  first contentful paint           ${ms(m('fcp'))}`);
    console.log(`  headline figures visible         ${ms(m('headline'))}`);
    console.log(`  bytes before first interaction   ${kb(m('bytes'))} (as served, uncompressed)`);
    console.log(`  JavaScript before interaction    ${kb(m('jsGzip'))} gzip`);
    console.log(`  another quarter, cold cache      ${ms(m('coldChange'))} (click to its figures on screen; goal 300 ms)`);
    console.log(`  the same quarter again, warm     ${ms(m('warmChange'))}`);
    const pages = htmlCount(SITE_DIR);
    const quarters = readdirSync(join(SITE_DIR, 'quarters'), { withFileTypes: true }).filter((d) => d.isDirectory()).length;
    const started = performance.now();
    execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent', '--outDir', '.cache/bench-site-build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...PUBLIC_SITE_ENV } });
    const buildSeconds = (performance.now() - started) / 1000;
    console.log(`Built site: ${pages} pages in ${buildSeconds.toFixed(0)} s (astro build alone) (${quarters} quarters × areas under /quarters/), ${(folderBytes(SITE_DIR) / 1024 / 1024).toFixed(1)} MiB`);
  } finally {
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSite();
