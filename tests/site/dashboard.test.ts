/**
 * The dashboard in real Chromium against the built site: the static view with JavaScript off,
 * an in-place quarter change, permalinks and the back button, and no request to another origin.
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
let authority: string;

beforeAll(async () => {
  manifest = JSON.parse(readFileSync(join(siteDir, 'data/manifest.json'), 'utf8')) as Manifest;
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
    return row?.suppressed ? '[c]' : `${new Intl.NumberFormat('en-GB').format(Number(row?.total))} [rd]`;
  }
  const shown = new Intl.NumberFormat('en-GB').format(Number(year.value));
  return year.flag === null ? shown : `${shown} ${String(year.flag)}`;
}

const cardValue = (page: Page, id: string) => page.locator(`[data-card="${id}"] .key-figure__value`).innerText();

async function waitForQuarter(page: Page, quarter: string, locality = ''): Promise<void> {
  await page.waitForFunction(
    ([q, l]) => {
      const h = document.querySelector<HTMLElement>('[data-dash="heading"]');
      return h?.dataset.quarter === q && h.dataset.locality === l;
    },
    [quarter, locality] as const,
  );
}

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

  it('changes the quarter in place, with the Parquet figures, and asks only its own origin', async () => {
    const context = await browser.newContext();
    const log = await recordRequests(context, server.url);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForLoadState('networkidle');
    // The data engine must not load before the reader asks for something.
    expect(log.urls.filter((u) => /\.wasm$|duckdb|\.parquet$/.test(u))).toEqual([]);

    await page.selectOption('#quarter', OTHER_QUARTER);
    await page.locator('form[data-quarter-picker] button').click();
    await waitForQuarter(page, OTHER_QUARTER);
    expect(await cardValue(page, 'open_caseload')).toBe(await expected('families_open', OTHER_QUARTER));
    expect(await cardValue(page, 'attached_cumulative')).toBe(await expected('families_attached_cumulative', OTHER_QUARTER));
    expect(await cardValue(page, 'attached_year')).toBe(await attachedThisYear(OTHER_QUARTER));
    expect(await page.locator('h1').innerText()).toContain(OTHER_QUARTER);
    // The chart was redrawn: its table (inside a closed <details>, so read as text content) ends
    // at the chosen quarter with the authority's figure.
    const lastRow = page.locator('[data-chart="attached-trend"] tbody tr').last();
    expect((await lastRow.locator('th, td').first().textContent())?.trim()).toBe(OTHER_QUARTER);
    // The chart's table shows the number, with the [rd] symbol of a rounded figure.
    expect((await lastRow.locator('td').first().textContent())?.replace(/\s+/g, ' ').trim()).toBe(await expected('families_attached', OTHER_QUARTER));
    expect(await page.locator('[data-chart="attached-trend"] .figure__chart svg').getAttribute('role')).toBe('img');
    expect(await page.locator('[data-chart="attached-trend"] .figure__chart svg title').textContent()).toBeTruthy();
    expect(new URL(page.url()).searchParams.get('quarter')).toBe(OTHER_QUARTER);
    expect(log.foreign).toEqual([]);
    await context.close();
  });

  it('shows every locality a number at the granularity the release publishes, and says why where it cannot', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const latest = manifest.extract_period.last_quarter;
    await page.goto(server.url);
    const localities = (await page.locator('#locality option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
    expect(localities.length).toBeGreaterThan(0);
    for (const code of localities) {
      await page.selectOption('#locality', code);
      await page.locator('form[data-locality-filter] button').click();
      await waitForQuarter(page, latest, code);
      expect(await cardValue(page, 'attached_year')).toBe(await attachedThisYear(latest, code));
      const cards = page.locator('[data-card]');
      for (let i = 0; i < (await cards.count()); i++) {
        const value = await cards.nth(i).locator('.key-figure__value').innerText();
        // A card with no number says why in its own words.
        if (/^\[[a-z]+\]$/.test(value)) expect(await cards.nth(i).locator('.key-figure__sub').innerText()).toMatch(/suppressed|Published for the council as a whole only|not available/);
      }
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

  it('restores a permalink and goes back through the history', async () => {
    const context = await browser.newContext();
    const log = await recordRequests(context, server.url);
    const page = await context.newPage();
    await page.goto(`${server.url}?quarter=${encodeURIComponent(OTHER_QUARTER)}&locality=EST`);
    await waitForQuarter(page, OTHER_QUARTER, 'EST');
    expect(await page.locator('h1').innerText()).toContain('Eastbrook');
    expect(await cardValue(page, 'open_caseload')).toBe(await expected('families_open', OTHER_QUARTER, 'EST'));
    expect(await page.locator('#locality').inputValue()).toBe('EST');

    const latest = manifest.extract_period.last_quarter;
    await page.selectOption('#locality', '');
    await page.locator('form[data-locality-filter] button').click();
    await waitForQuarter(page, OTHER_QUARTER, '');
    expect(await cardValue(page, 'open_caseload')).toBe(await expected('families_open', OTHER_QUARTER));

    await page.goBack();
    await waitForQuarter(page, OTHER_QUARTER, 'EST');
    expect(await cardValue(page, 'open_caseload')).toBe(await expected('families_open', OTHER_QUARTER, 'EST'));

    await page.selectOption('#quarter', latest);
    await page.locator('form[data-quarter-picker] button').click();
    await waitForQuarter(page, latest, 'EST');
    await page.goBack();
    await waitForQuarter(page, OTHER_QUARTER, 'EST');
    expect(log.foreign).toEqual([]);
    await context.close();
  });
});
