/**
 * The cohort page in real Chromium: with JavaScript off it shows every cohort year's committed
 * number from the sample's cohort profile (phase 1 profiled 40% / 50% / 10% as Havering's was:
 * 190 / 238 / 48 of 476) and Havering's example profile as its report printed it (166 / 208 / 41
 * of 415), each stage as cohort.parquet publishes it (read here with native
 * DuckDB) or its symbol, the families due next quarter as a count, and passes axe.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Manifest } from '../../src/lib/outputs/tables.ts';
import { axeViolations } from '../browser-harness/axe.ts';
import { AUTHORITY_CODE, useSiteSession } from '../browser-harness/site-session.ts';

const site = useSiteSession();

async function tableRows(page: Page, id: string): Promise<string[][]> {
  return page.$$eval(`#${id} tbody tr`, (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent?.trim() ?? '')));
}

const STAGES = ['families_identified', 'families_attached', 'families_achieved', 'families_sustained', 'families_claimed'];

describe('cohort page', () => {
  it('shows the funnel against the committed numbers, as published, with JavaScript off, and passes axe', async () => {
    const file = join(site.siteDir, 'data', 'cohort.parquet').replaceAll("'", "''");
    const reader = await site.conn.runAndReadAll(`
      SELECT cohort_year, measure, value, flag FROM read_parquet('${file}')
      WHERE area_code = '${AUTHORITY_CODE}' AND breakdown = 'all'`);
    const published = new Map(reader.getRowObjectsJS().map((r) => [`${String(r.cohort_year)}|${String(r.measure)}`, { value: r.value as number | null, flag: r.flag as string | null }]));
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${site.server.url}cohort/`);
    const rows = await tableRows(page, 'cohort-funnel-table');
    const byYear = new Map(rows.map((r) => [r[0], r]));
    expect(['2012-13', '2013-14', '2014-15'].map((y) => byYear.get(y)?.[2])).toEqual(['190', '238', '48']);
    expect(byYear.get('All cohorts')?.[2]).toBe('2,000');
    // Havering's 415 families profiled 40% / 50% / 10%, as its 2013 report printed them.
    expect(await tableRows(page, 'cohort-havering')).toEqual([
      ['2012-13', '40%', '166'],
      ['2013-14', '50%', '208'],
      ['2014-15', '10%', '41'],
      ['Total', '100%', '415'],
    ]);
    for (const row of rows) {
      const year = row[0] === 'All cohorts' ? 'all' : (row[0] as string);
      STAGES.forEach((m, k) => {
        const want = published.get(`${year}|${m}`);
        const text = row[3 + k] as string;
        if (!want || want.value === null) expect(text, `${year} ${m}`).toBe(want?.flag ?? '[x]');
        else expect(Number(text.replace(/,/g, '').replace(/\s*\[\w+\]$/, '')), `${year} ${m}`).toBe(want.value);
      });
    }
    const due = published.get('all|families_due_next_quarter');
    const dueText = (await page.textContent('#cohort-due')) ?? '';
    expect(dueText).toContain(due?.value === null || due === undefined ? (due?.flag ?? '[x]') : String(due.value));
    expect(await page.$$eval('#cohort-lag-table tbody tr', (trs) => trs.length)).toBe(10);
    expect(await page.$$eval('#cohort-locality-links a', (as) => as.map((a) => a.getAttribute('href')))).toContain('/localities/NTH/');
    expect(await page.$$eval('nav a', (as) => as.map((a) => a.getAttribute('href')))).toContain('/cohort/');
    await noJs.close();
    // axe runs as a script in the page, so it needs JavaScript on.
    const withJs = await site.context.newPage();
    await withJs.goto(`${site.server.url}cohort/`);
    expect(await axeViolations(withJs)).toEqual([]);
    await withJs.close();
  });

  it('publishes no count from 1 to 4 in the cohort table, and its audit passed', async () => {
    const file = join(site.siteDir, 'data', 'cohort.parquet').replaceAll("'", "''");
    const reader = await site.conn.runAndReadAll(`SELECT count(*) AS n, count(*) FILTER (WHERE value > 0 AND value < 5) AS small, count(*) FILTER (WHERE flag = '[c]') AS hidden FROM read_parquet('${file}')`);
    const [row] = reader.getRowObjectsJS();
    expect(Number(row?.n)).toBeGreaterThan(0);
    expect(Number(row?.small)).toBe(0);
    expect(Number(row?.hidden)).toBeGreaterThan(0);
    const manifest = JSON.parse(readFileSync(join(site.siteDir, 'data', 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.suppression.audit?.passed).toBe(true);
    expect(manifest.outputs.map((o) => o.file)).toContain('cohort.parquet');
  });

  it('made no request to another origin', () => {
    expect(site.log.foreign).toEqual([]);
  });
});
