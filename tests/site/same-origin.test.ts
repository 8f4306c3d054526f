/**
 * Same origin, enforced: every built page carries the Content-Security-Policy as its first
 * <meta> after the charset, with no inline script or style attribute and only the hashed inline
 * styles; real Chromium reports no violation while the dashboard changes quarter and the compare
 * tool answers on DuckDB-WASM; and when DuckDB-WASM cannot start (its wasm or worker missing, a
 * stricter policy, a download that never ends) the page keeps its static view and says why,
 * within the start's bound.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, recordRequests, type RequestLog } from '../browser-harness/browser.ts';
import { serveStatic, type StaticServer } from '../browser-harness/static-server.ts';
import { contentSecurityPolicy, hashSource } from '../../src/lib/site/csp.ts';
import { ENGINE_START_LIMITS } from '../../src/lib/browser/bounded-start.ts';

const siteDir = inject('siteDir');
const OTHER_QUARTER = '2014-15 Q3';
const COMPARE = '?indicator=ni_111&indicator=ni_116&area=NTH&area=E92000001&from=2020-21+Q1&to=2025-26+Q4';
const CSP_META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"\s*\/?>/g;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(siteDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function htmlPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(dir, file));
}

describe('the Content-Security-Policy in the built pages', () => {
  const pages = htmlPages(siteDir);

  it('is on every page, first in <head> after the charset, and allows only the inline styles the page holds', () => {
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const name = relative(siteDir, file);
      const metas = [...html.matchAll(CSP_META)];
      expect(metas, name).toHaveLength(1);
      const policy = metas[0]![1]!.replaceAll('&#39;', "'");
      // Nothing the policy governs may come before it: a meta policy covers only what follows.
      const head = html.slice(0, metas[0]!.index);
      expect(head, name).not.toMatch(/<(link|style|script|img)\b/);
      for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
        expect(policy, name).toContain(directive);
      }
      expect(policy, name).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:|data:|blob:/);
      // Every inline <style> is allowed by its hash; nothing else inline can run or style.
      const styleSrc = policy.split('; ').find((d) => d.startsWith('style-src ')) ?? '';
      for (const [, text] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) expect(styleSrc, name).toContain(hashSource(text!));
      const inlineScripts = [...html.matchAll(/<script\b([^>]*)>/g)].filter(([, attrs]) => !/\bsrc=/.test(attrs!) && !/type="application\/json"/.test(attrs!));
      expect(inlineScripts, name).toEqual([]);
      expect(html, name).not.toMatch(/\sstyle="|\son[a-z]+="|javascript:/i);
    }
  });

  it('is the same policy text the layout builds', () => {
    const html = readFileSync(join(siteDir, 'index.html'), 'utf8');
    const [, content] = [...html.matchAll(CSP_META)][0]!;
    const styles = [...new Set([...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map(([, text]) => text!))];
    expect(content!.replaceAll('&#39;', "'")).toBe(contentSecurityPolicy(styles));
  });
});

interface Watched {
  context: BrowserContext;
  page: Page;
  log: RequestLog;
  violations(): Promise<string[]>;
}

/** A page that records every CSP violation the browser reports (events and console errors). */
async function watchedPage(): Promise<Watched> {
  const context = await browser.newContext();
  const log = await recordRequests(context, server.url);
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleErrors.push(message.text());
  });
  return {
    context,
    page,
    log,
    async violations() {
      const events = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
      return [...events, ...consoleErrors];
    },
  };
}

const compareStatus = (page: Page) => page.locator('#compare-status').textContent();

describe('under the policy in real Chromium', () => {
  it('reports no violation while the dashboard moves to another quarter and the compare tool answers', { timeout: 300_000 }, async () => {
    const { context, page, log, violations } = await watchedPage();
    await page.goto(server.url);
    // The hashed inline style (the council's accent colour) applies.
    expect((await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent-colour'))).trim()).not.toBe('');
    // Another quarter is a page of its own: no data engine, nothing inline.
    await page.locator('nav[aria-label="Quarter"] summary').click();
    await page.getByRole('link', { name: OTHER_QUARTER, exact: true }).click();
    await page.waitForURL(`**/quarters/${OTHER_QUARTER.toLowerCase().replace(' ', '-')}/`);
    expect(await violations()).toEqual([]);

    await page.goto(`${server.url}compare/${COMPARE}`);
    await expect
      .poll(() => page.locator('#compare-status').textContent(), { timeout: ENGINE_START_LIMITS.totalMs + 10_000 })
      .toMatch(/^(Read|The comparison could not)/);
    expect(await page.locator('#compare-status').textContent()).toMatch(/^Read [\d,]+ rows/);
    // The browser draws the chart with Plot, whose <style> the policy allows by hash.
    await page.locator('#compare-chart svg style').first().waitFor({ state: 'attached' });
    expect(await violations()).toEqual([]);

    await page.goto(`${server.url}indicators/ni_111/`);
    expect(await violations()).toEqual([]);
    // DuckDB-WASM really ran: its worker and engine were fetched, from this origin only.
    expect(log.urls.some((u) => /duckdb-(eh|mvp)\.[\w-]+\.wasm$/.test(u))).toBe(true);
    expect(log.foreign).toEqual([]);
    await context.close();
  });
});

describe('when DuckDB-WASM cannot start', () => {
  /** The compare tool after a failed start: the reason in its status, and the static page as it was. */
  async function expectStaticViewKept(page: Page, staticHeading: string, reason: RegExp): Promise<void> {
    await expect.poll(() => compareStatus(page), { timeout: ENGINE_START_LIMITS.totalMs + 10_000 }).toMatch(/could not be made/);
    const status = (await compareStatus(page)) ?? '';
    expect(status).toMatch(/^The comparison could not be made: (.+)\. The data files are on the open data page\.$/);
    expect(status).toMatch(reason);
    expect(await page.locator('h1').innerText()).toBe(staticHeading);
  }

  async function failingCompare(setUp: (context: BrowserContext) => Promise<unknown>, reason: RegExp): Promise<void> {
    const { context, page } = await watchedPage();
    await setUp(context);
    await page.goto(`${server.url}compare/${COMPARE}`);
    const staticHeading = await page.locator('h1').innerText();
    await expectStaticViewKept(page, staticHeading, reason);
    await context.close();
  }

  it('says so when the engine (wasm) is missing', async () => {
    await failingCompare(
      (context) => context.route(/duckdb-(eh|mvp)\.[\w-]+\.wasm$/, (route) => route.fulfill({ status: 404, body: 'Not found' })),
      /the data engine could not be downloaded \(HTTP 404\)/,
    );
  });

  it('says so when its worker is missing', async () => {
    await failingCompare(
      (context) => context.route(/duckdb-browser-(eh|mvp)\.worker\.[\w-]+\.js$/, (route) => route.fulfill({ status: 404, body: 'Not found' })),
      /worker could not be loaded/,
    );
  });

  it('says so under a stricter policy that forbids workers', async () => {
    await failingCompare(
      (context) =>
        context.route(
          (url) => url.pathname === '/compare/',
          async (route) => {
            const response = await route.fetch();
            const html = (await response.text()).replace("worker-src 'self'", "worker-src 'none'");
            await route.fulfill({ response, body: html });
          },
        ),
      /worker/,
    );
  });

  it('gives up on a download that never begins after the first-byte limit', async () => {
    const { context, page } = await watchedPage();
    let wasmAsked: () => void = () => {};
    const asked = new Promise<void>((resolve) => (wasmAsked = resolve));
    // Hold the engine's request open for ever, as a stuck proxy would.
    await context.route(/duckdb-(eh|mvp)\.[\w-]+\.wasm$/, () => wasmAsked());
    // The page's clock is driven by the test, so the bound is checked without waiting for it.
    await page.clock.install();
    await page.goto(`${server.url}compare/${COMPARE}`);
    const staticHeading = await page.locator('h1').innerText();
    await asked;
    expect(await compareStatus(page)).toBe('Loading the compare tool and the data…');
    await page.clock.runFor(ENGINE_START_LIMITS.firstByteMs);
    await expectStaticViewKept(page, staticHeading, /the data engine did not begin to download within 20 seconds/);
    await context.close();
  });
});
