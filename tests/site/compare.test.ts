/**
 * The compare tool in real Chromium: a deep link answers on DuckDB-WASM, says how much it read,
 * and its CSV download holds exactly the rows native DuckDB selects from the same Parquet; the
 * form keeps the choice in the URL and the back button restores it; without JavaScript the page
 * points to the open data; the compare and open-data pages pass axe; nothing leaves the origin.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolationsAt } from '../browser-harness/axe.ts';
import { AUTHORITY_CODE, useSiteSession } from '../browser-harness/site-session.ts';

const AUTHORITY = AUTHORITY_CODE;
const SELECTION = `indicator=ni_111&indicator=ni_116&area=${AUTHORITY}&area=NTH&area=E92000001&from=2020-21+Q1&to=2025-26+Q4`;

const site = useSiteSession();

/**
 * Downloads a link as the reader would (a click, the browser's download), and returns the file's
 * path: fetching the blob: URL from the page would break the site's connect-src 'self'.
 */
async function download(page: Page, selector: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return file.path();
}

async function answered(page: Page): Promise<string> {
  await page.waitForFunction(() => document.getElementById('compare-status')?.dataset.rows !== undefined, null, { timeout: 60_000 });
  return (await page.locator('#compare-status').textContent()) ?? '';
}


/** SELECTION made with native DuckDB from the published Parquet, independently of the site. */
function expectedSelection() {
  const file = join(site.siteDir, 'data', 'indicators.parquet').replaceAll("'", "''");
  return site.conn.runAndReadAll(`
    SELECT indicator_code, area_code, area_type, period, CAST(period_start AS VARCHAR) AS period_start,
           numerator, denominator, value, ci_lower, ci_upper, flag
    FROM read_parquet('${file}')
    WHERE indicator_code IN ('ni_111', 'ni_116') AND area_code IN ('${AUTHORITY}', 'NTH', 'E92000001')
      AND period_start BETWEEN DATE '2020-04-01' AND DATE '2026-03-31'
    ORDER BY indicator_code, area_code, period_start, period`);
}

/** The expected CSV, written here from native DuckDB rows without the site's CSV code. */
async function expectedCsv(): Promise<string> {
  const reader = await expectedSelection();
  const numeric = new Set(['numerator', 'denominator', 'value', 'ci_lower', 'ci_upper']);
  const columns = reader.columnNames();
  const lines = [columns.join(',')];
  for (const row of reader.getRowObjectsJS()) {
    lines.push(
      columns
        .map((c) => {
          const v = row[c];
          if (v === null) return numeric.has(c) ? ((row.flag as string | null) ?? '[x]') : '';
          return String(v);
        })
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('compare tool', () => {
  it('answers a deep link and says how much it read', async () => {
    const page = await site.context.newPage();
    await page.goto(`${site.server.url}compare/?${SELECTION}`);
    const status = await answered(page);
    expect(status).toMatch(/^Read [\d,]+ rows \([\d,.]+ (bytes|KB|MB)\) from indicators\.parquet/);
    // The form shows the choice the URL holds.
    expect(await page.locator('#indicator-ni_111').isChecked()).toBe(true);
    expect(await page.locator('#indicator-ni_116').isChecked()).toBe(true);
    expect(await page.locator('#area-NTH').isChecked()).toBe(true);
    expect(await page.locator('#compare-from').inputValue()).toBe('2020-21 Q1');
    await page.close();
  });

  it('downloads exactly the selection as CSV', async () => {
    const page = await site.context.newPage();
    await page.goto(`${site.server.url}compare/?${SELECTION}`);
    await answered(page);
    expect(await page.locator('#compare-download-csv').getAttribute('href')).toMatch(/^blob:/);
    const csv = readFileSync(await download(page, '#compare-download-csv'), 'utf8');
    await page.close();
    const expected = await expectedCsv();
    expect(csv.split('\r\n').length).toBeGreaterThan(10);
    expect(csv).toBe(expected);
  });

  it('downloads exactly the selection as Parquet', async () => {
    const page = await site.context.newPage();
    await page.goto(`${site.server.url}compare/?${SELECTION}`);
    await answered(page);
    await page.waitForFunction(() => !document.getElementById('compare-download-parquet')?.hidden);
    expect(await page.locator('#compare-download-parquet').getAttribute('href')).toMatch(/^blob:/);
    const file = await download(page, '#compare-download-parquet');
    await page.close();
    // Read the downloaded file with native DuckDB and compare it, cell by cell, with the same
    // selection made from the published Parquet.
    const got = await site.conn.runAndReadAll(`SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`);
    const want = await expectedSelection();
    expect(got.columnNames()).toEqual(want.columnNames());
    expect(got.getRowObjectsJson()).toEqual(want.getRowObjectsJson());
  });

  it('keeps the choice in the URL and restores it with the back button', async () => {
    const page = await site.context.newPage();
    await page.goto(`${site.server.url}compare/?${SELECTION}`);
    await answered(page);
    await page.locator('#indicator-ni_116').uncheck();
    await page.locator('#area-NTH').uncheck();
    await page.locator('#compare-form button[type="submit"]').click();
    await page.waitForURL((url) => !url.search.includes('ni_116'));
    expect(page.url()).toContain('indicator=ni_111');
    await page.goBack();
    await page.waitForURL((url) => url.search.includes('ni_116'));
    await page.waitForFunction(() => (document.getElementById('indicator-ni_116') as HTMLInputElement | null)?.checked === true);
    expect(await page.locator('#area-NTH').isChecked()).toBe(true);
    await page.close();
  });

  it('explains without JavaScript that the tool needs it and links the open data', async () => {
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${site.server.url}compare/`);
    expect(await page.locator('#compare-nojs').isVisible()).toBe(true);
    expect(await page.locator('#compare-nojs a[href$="/data/"]').count()).toBe(1);
    await noJs.close();
  });

  it.each(['compare/', `compare/?${SELECTION}`, 'data/'])('%s passes axe', async (path) => {
    expect(await axeViolationsAt(site.context, site.server.url + path, (page) => (path.includes('?') ? answered(page) : Promise.resolve()))).toEqual([]);
  });

  it('made no request to another origin', () => {
    expect(site.log.foreign).toEqual([]);
  });
});
