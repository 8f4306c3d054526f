/**
 * The finance page in real Chromium: York's published grant table is reproduced from the York
 * example framework; each year's claimed figure is the published claim amount for that
 * financial year (read here from periods.parquet with native DuckDB), or its symbol when hidden;
 * the page reads with JavaScript off and passes axe.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../browser-harness/axe.ts';
import { AUTHORITY_CODE, useSiteSession } from '../browser-harness/site-session.ts';

const site = useSiteSession();

async function tableRows(page: Page, id: string): Promise<string[][]> {
  return page.$$eval(`#${id} tbody tr`, (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent?.trim() ?? '')));
}

describe('finance', () => {
  it("reproduces York's 2012 grant table to the thousand pounds, with JavaScript off", async () => {
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${site.server.url}finance/`);
    expect(await tableRows(page, 'finance-york')).toEqual([
      ['Up-front grant', '330', '240', '96', '666'],
      ['Payment by results (at 100% success)', '82', '160', '144', '386'],
      ['Total', '412', '400', '240', '1,052'],
    ]);
    await noJs.close();
  });

  it('shows each year the published claim amount, or its symbol, never a number made from a symbol', async () => {
    const file = join(site.siteDir, 'data', 'periods.parquet').replaceAll("'", "''");
    const reader = await site.conn.runAndReadAll(`
      SELECT period, value, flag FROM read_parquet('${file}')
      WHERE "table" = 'claims' AND measure = 'claim_amount_gbp' AND breakdown = 'all'
        AND period_type = 'financial_year' AND area_code = '${AUTHORITY_CODE}'`);
    const published = new Map(reader.getRowObjectsJS().map((r) => [String(r.period), { value: r.value as number | null, flag: r.flag as string | null }]));
    const page = await site.context.newPage();
    await page.goto(`${site.server.url}finance/`);
    const rows = (await tableRows(page, 'finance-by-year-table')).filter((r) => r[0] !== 'Total');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const want = published.get(row[0]!);
      const claimed = row[5]!;
      if (!want || want.value === null) expect(claimed).toBe(want?.flag ?? '[x]');
      else expect(Number(claimed.replace(/,/g, '').replace(/\s*\[\w+\]$/, ''))).toBe(Math.round(want.value));
    }
    // Up-front and results at 100% add up to the grant in every year.
    for (const row of rows) {
      const [upFront, results, total] = [row[2]!, row[3]!, row[4]!].map((t) => Number(t.replace(/,/g, '')));
      expect(upFront! + results!).toBe(total);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('made no request to another origin', () => {
    expect(site.log.foreign).toEqual([]);
  });
});
