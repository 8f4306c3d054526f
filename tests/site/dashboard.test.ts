/**
 * The dashboard in real Chromium against the built site: every quarter's and area's view is a
 * static page that reads with JavaScript off, the links between them, old permalinks, and no
 * request to another origin.
 * Expected figures are read from the built site's Parquet with native DuckDB and plain SQL
 * written here, independently of the page's own query and model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, recordRequests } from '../browser-harness/browser.ts';
import { serveStatic, type StaticServer } from '../browser-harness/static-server.ts';
import type { Manifest } from '../../src/lib/outputs/tables.ts';

const siteDir = inject('siteDir');
const OTHER_QUARTER = '2014-15 Q3';
let server: StaticServer;
let browser: Browser;
let conn: DuckDBConnection;
let manifest: Manifest;
let roundingBase: number;
let authority: string;

beforeAll(async () => {
  manifest = JSON.parse(readFileSync(join(siteDir, 'data/manifest.json'), 'utf8')) as Manifest;
  roundingBase = (JSON.parse(readFileSync('data/reference/disclosure.json', 'utf8')) as { rounding_base: number }).rounding_base;
  authority = (JSON.parse(readFileSync('data/reference/programme.json', 'utf8')) as { authority: { code: string } }).authority.code;
  const instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  for (const table of ['programme', 'outcomes', 'claims', 'periods']) {
    await conn.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet('${join(siteDir, 'data', `${table}.parquet`)}')`);
  }
  server = await serveStatic(siteDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  conn?.closeSync();
});

/** A published programme figure as the page should show it: "1,234" or its symbol. */
async function expected(measure: string, quarter: string, area = authority): Promise<string> {
  const reader = await conn.runAndReadAll(
    `SELECT value, flag FROM programme WHERE measure = $1 AND quarter = $2 AND area_code = $3 AND breakdown = 'all'`,
    [measure, quarter, area],
  );
  const [row] = reader.getRowObjectsJS();
  if (!row) return '[x]';
  if (row.value === null) return String(row.flag);
  const shown = new Intl.NumberFormat('en-GB').format(Number(row.value));
  // A figure rounded to protect a hidden one carries its symbol ([rd]) beside the number.
  return row.flag === null ? shown : `${shown} ${String(row.flag)}`;
}

/**
 * Families attached from Q1 of the quarter's financial year to the quarter, by an area: the sum
 * of its quarters when every one is published exactly, else the release's own figure for the
 * year to date (periods.parquet), as the public release shows it.
 */
async function attachedThisYear(quarter: string, area = authority): Promise<string> {
  const reader = await conn.runAndReadAll(
    `SELECT sum(value) AS total, bool_and(value IS NOT NULL AND flag IS NULL) AS exact, bool_or(value IS NULL) AS suppressed, count(*) AS n FROM programme
     WHERE measure = 'families_attached' AND area_code = $1 AND breakdown = 'all'
       AND substr(quarter, 1, 7) = substr($2, 1, 7) AND quarter <= $2`,
    [area, quarter],
  );
  const [row] = reader.getRowObjectsJS();
  if (row?.exact) return new Intl.NumberFormat('en-GB').format(Number(row.total));
  // The year to date is the financial year itself when the quarter is its last.
  const whole = await conn.runAndReadAll(
    `SELECT value, flag FROM periods
     WHERE measure = 'families_attached' AND area_code = $1 AND breakdown = 'all'
       AND period_type IN ('financial_year_to_date', 'financial_year')
       AND CAST(period_end AS DATE) = (SELECT DISTINCT CAST(quarter_start AS DATE) + INTERVAL 3 MONTH - INTERVAL 1 DAY FROM programme WHERE quarter = $2)`,
    [area, quarter],
  );
  const [year] = whole.getRowObjectsJS();
  if (!year || year.value === null) {
    // Nothing better published: the quarters' sum, rounded if they are, or a symbol.
    if (Number(row?.n ?? 0) === 0) return year ? String(year.flag) : '[x]';
    if (row?.suppressed) return '[c]';
    // Rounded parts make a rounded sum: rounded again to the release's base, so it reads as one.
    const base = manifest.suppression.rounding_base ?? roundingBase;
    return `${new Intl.NumberFormat('en-GB').format(Math.round(Number(row?.total) / base) * base)} [rd]`;
  }
  const shown = new Intl.NumberFormat('en-GB').format(Number(year.value));
  return year.flag === null ? shown : `${shown} ${String(year.flag)}`;
}

const cardValue = (page: Page, id: string) => page.locator(`[data-card="${id}"] .key-figure__value`).innerText();

describe('dashboard', () => {
  it('shows the latest quarter in full with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
    const latest = manifest.extract_period.last_quarter;
    expect(await page.locator('h1').innerText()).toContain(latest);
    expect(await cardValue(page, 'open_caseload')).toBe(await expected('families_open', latest));
    expect(await cardValue(page, 'attached_cumulative')).toBe(await expected('families_attached_cumulative', latest));
    expect(await cardValue(page, 'attached_year')).toBe(await attachedThisYear(latest));
    for (const id of ['attached-trend', 'open-trend']) {
      expect(await page.locator(`[data-chart="${id}"] .figure__chart svg`).count()).toBe(1);
    }
    const authorityRow = page.locator('[data-dash-table] tbody tr').last();
    expect(await authorityRow.locator('td').nth(3).innerText()).toBe(await expected('families_open', latest));
    const statuses = await page.locator('[data-card] .tag').allInnerTexts();
    expect(statuses.every((s) => /On track|At risk|Off track|No target|Cannot be judged/.test(s))).toBe(true);
    expect(await page.locator('[data-dash="what-changed"]').innerText()).toContain(latest);
    await context.close();
  });
  it('gives every quarter a page of its own that reads with JavaScript off and matches the Parquet', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const reader = await conn.runAndReadAll(`SELECT DISTINCT quarter FROM programme ORDER BY quarter`);
    const quarters = reader.getRowObjectsJS().map((r) => String(r.quarter));
    expect(quarters).toContain(manifest.extract_period.first_quarter);
    for (const quarter of quarters) {
      const response = await page.goto(new URL(`quarters/${quarter.toLowerCase().replace(" ", "-")}/`, server.url).href);
      expect(response?.status()).toBe(200);
      expect(await page.locator('h1').innerText()).toContain(quarter);
      expect(await cardValue(page, 'open_caseload')).toBe(await expected('families_open', quarter));
      expect(await cardValue(page, 'attached_cumulative')).toBe(await expected('families_attached_cumulative', quarter));
      expect(await cardValue(page, 'attached_year')).toBe(await attachedThisYear(quarter));
      // The chart's table ends at the page's quarter, with its figure and any [rd] symbol.
      const lastRow = page.locator('[data-chart="attached-trend"] tbody tr').last();
      expect((await lastRow.locator('th').textContent())?.trim()).toBe(quarter);
      expect((await lastRow.locator('td').first().textContent())?.replace(/\s+/g, ' ').trim()).toBe(await expected('families_attached', quarter));
    }
    await context.close();
  }, 400_000);

  it('moves between quarters and areas by plain links, loading no data engine and asking only its own origin', async () => {
    const context = await browser.newContext();
    const log = await recordRequests(context, server.url);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('nav[aria-label="Quarter"] summary').click();
    await page.getByRole('link', { name: OTHER_QUARTER, exact: true }).click();
    await page.waitForURL(`**/quarters/${OTHER_QUARTER.toLowerCase().replace(' ', '-')}/`);
    expect(await page.locator('h1').innerText()).toContain(OTHER_QUARTER);
    expect(await cardValue(page, 'open_caseload')).toBe(await expected('families_open', OTHER_QUARTER));
    await page.locator('nav[aria-label="Area"]').getByRole('link', { name: 'Eastbrook' }).click();
    await page.waitForURL(`**/quarters/${OTHER_QUARTER.toLowerCase().replace(' ', '-')}/eastbrook/`);
    expect(await page.locator('h1').innerText()).toBe(`Eastbrook: ${OTHER_QUARTER}`);
    expect(await page.locator('nav[aria-label="Area"] [aria-current="page"]').innerText()).toBe('Eastbrook');
    await page.goBack();
    expect(await page.locator('h1').innerText()).not.toContain('Eastbrook');
    expect(log.urls.filter((u) => /\.wasm$|duckdb|\.parquet$/.test(u))).toEqual([]);
    expect(log.foreign).toEqual([]);
    await context.close();
  });

  it('shows every locality a number at the granularity the release publishes, and says why where it cannot', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const latest = manifest.extract_period.last_quarter;
    await page.goto(server.url);
    const areas = await page.locator('nav[aria-label="Area"] a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    const localities = areas.filter((href) => !/\/quarters\/[^/]+\/$/.test(new URL(href).pathname));
    expect(localities.length).toBeGreaterThan(0);
    for (const href of localities) {
      await page.goto(href);
      const cards = page.locator('[data-card]');
      for (let i = 0; i < (await cards.count()); i++) {
        const value = await cards.nth(i).locator('.key-figure__value').innerText();
        // A card with no number says why in its own words.
        if (/^\[[a-z]+\]$/.test(value)) expect(await cards.nth(i).locator('.key-figure__sub').innerText()).toMatch(/suppressed|Published for the council as a whole only|too few to publish|not available/);
      }
      expect(await cardValue(page, 'attached_cumulative')).toMatch(/\d/);
      for (const id of ['attached-trend', 'open-trend']) {
        const summary = await page.locator(`[data-chart="${id}"] .figure__summary`).innerText();
        expect(summary).not.toMatch(/between 0 and 0|between (\S+) and \1 /);
      }
      // The release publishes no locality's quarters: its chart is drawn by financial year instead.
      const periods = await page.locator('[data-chart="attached-trend"] tbody th').allTextContents();
      const yearToDate = latest.endsWith('Q4') ? latest.slice(0, 7) : `${latest.slice(0, 7)} to Q${latest.slice(-1)}`;
      expect(periods.map((p) => p.trim())).toContain(yearToDate);
      expect(periods.every((p) => /^\s*\d{4}-\d{2}( to Q\d)?\s*$/.test(p))).toBe(true);
    }
    await context.close();
  }, 400_000);

  it('sends an old permalink on to its view’s own page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}?quarter=${encodeURIComponent(OTHER_QUARTER)}&locality=EST`);
    await page.waitForURL(`**/quarters/${OTHER_QUARTER.toLowerCase().replace(' ', '-')}/eastbrook/`);
    expect(await page.locator('h1').innerText()).toBe(`Eastbrook: ${OTHER_QUARTER}`);
    expect(await cardValue(page, 'open_caseload')).toBe(await expected('families_open', OTHER_QUARTER, 'EST'));
    await context.close();
  });
});
