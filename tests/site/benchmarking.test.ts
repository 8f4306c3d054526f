/**
 * Benchmarking in real Chromium against the built site: the indicator page's rank, quartile and
 * neighbour average match values computed here from the national CSV (independently of
 * src/lib/benchmarking); the explorer's static default view, its DuckDB-WASM answer to a deep
 * link and its CSV download equal the selection made here; it reads only part of the file; the
 * choice is kept in the URL; axe passes; nothing leaves the origin.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, axeViolationsAt } from '../browser-harness/axe.ts';
import { useSiteSession } from '../browser-harness/site-session.ts';

interface Comparators {
  authority: string;
  regions: { code: string; name: string }[];
  authorities: { code: string; name: string; region: string }[];
  groups: { code: string; title: string; members: string[] }[];
}
const comparators = JSON.parse(readFileSync('data/reference/comparators.json', 'utf8')) as Comparators;
const catalogue = JSON.parse(readFileSync('data/reference/indicators.json', 'utf8')) as { indicators: { code: string; polarity: string; decimals: number; short_title: string }[] };
const national = readFileSync('data/sample/national/national_indicators.csv', 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [indicator, authority, period, , , value] = line.split(',');
    return { indicator: indicator!, authority: authority!, period: period!, value: value === '' ? null : Number(value) };
  });

/** Rank by counting strictly better values; quartile by position in the ranked list. */
function expectedRanking(indicator: string, period: string, members?: readonly string[]) {
  const polarity = catalogue.indicators.find((i) => i.code === indicator)!.polarity;
  const rows = national.filter((r) => r.indicator === indicator && r.period === period && (!members || members.includes(r.authority)));
  const values = rows.filter((r) => r.value !== null).map((r) => r.value!);
  return rows.map((r) => {
    if (r.value === null) return { ...r, rank: null, quartile: null };
    const better = values.filter((v) => (polarity === 'low_is_good' ? v < r.value! : v > r.value!)).length;
    return { ...r, rank: better + 1, quartile: Math.floor((4 * better) / values.length) + 1 };
  });
}

const latestPeriod = (indicator: string) => national.filter((r) => r.indicator === indicator && r.authority === comparators.authority && r.value !== null).map((r) => r.period).sort().at(-1)!;

const site = useSiteSession();

async function answered(page: Page, run = 1): Promise<void> {
  await page.waitForFunction((n) => Number(document.getElementById('explorer-status')?.dataset.run ?? '0') >= n, run, { timeout: 90_000 });
}

async function tableRows(page: Page): Promise<string[][]> {
  return page.locator('#explorer-table-body tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent?.trim() ?? '')));
}

describe('benchmarking on the indicator pages', () => {
  it.each(['ni_116', 're_referrals', 'cp_plans'])('%s: rank, quartile and neighbour average match an independent count', async (code) => {
    const indicator = catalogue.indicators.find((i) => i.code === code)!;
    const period = latestPeriod(code);
    const page = await site.context.newPage();
    await page.goto(`${site.server.url}indicators/${code}/`);
    const ranking = expectedRanking(code, period);
    const own = ranking.find((r) => r.authority === comparators.authority)!;
    const ranked = ranking.filter((r) => r.rank !== null).length;
    const ranksTable = page.locator(`#${code}-benchmark-ranks`);
    const allRow = ranksTable.locator('tbody tr').first();
    expect(await allRow.locator('th').textContent()).toContain('All authorities');
    const cells = await allRow.locator('td').allTextContents();
    expect(cells.slice(0, 2).map((c) => c.trim())).toEqual([String(own.rank), String(ranked)]);
    const words = indicator.polarity === 'no_judgement' ? ['highest quarter', 'second-highest quarter', 'second-lowest quarter', 'lowest quarter'] : ['top quartile', 'second quartile', 'third quartile', 'bottom quartile'];
    expect(cells[2]?.trim()).toBe(words[own.quartile! - 1]);
    // Group ranks are among the council and its neighbours.
    for (const [i, group] of comparators.groups.entries()) {
      const within = expectedRanking(code, period, [comparators.authority, ...group.members]).find((r) => r.authority === comparators.authority)!;
      const row = ranksTable.locator('tbody tr').nth(i + 1);
      expect((await row.locator('td').first().textContent())?.trim()).toBe(String(within.rank));
      // The neighbour average is the mean of the neighbours' published values.
      const values = national.filter((r) => r.indicator === code && r.period === period && group.members.includes(r.authority) && r.value !== null).map((r) => r.value!);
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const lineRow = page.locator(`#${code}-benchmark-lines tbody tr`).nth(i);
      expect(await lineRow.locator('th').textContent()).toContain(group.title);
      const shown = (await lineRow.locator('td').first().textContent()) ?? '';
      expect(Number(shown.replace(/[^\d.]/g, ''))).toBeCloseTo(mean, indicator.decimals - 0.3);
      expect(((await lineRow.locator('td').nth(1).textContent()) ?? '').trim()).toBe(String(values.length));
    }
    // The chart marks the council and its neighbours by shape, and its table lists every authority.
    expect(await page.locator(`#${code}-benchmark svg .rank-council path`).count()).toBe(1);
    expect(await page.locator(`#${code}-benchmark table tbody tr`).count()).toBe(comparators.authorities.length);
    await page.close();
  });

  it('passes axe with the section', async () => {
    const page = await site.context.newPage();
    await page.goto(`${site.server.url}indicators/ni_116/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('benchmarking on the dashboard', () => {
  it("states the programme's rank and quartile at each claim date as counted here", async () => {
    const results = readFileSync('data/sample/national/national_results.csv', 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    const dates = [...new Set(results.map((r) => r[1]!))].sort();
    const page = await site.context.newPage();
    await page.goto(site.server.url);
    const rows = await page.locator('#programme-quartile tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent?.trim() ?? '')));
    expect(rows).toHaveLength(dates.length);
    const words = ['top quartile', 'second quartile', 'third quartile', 'bottom quartile'];
    dates.forEach((date, i) => {
      const rates = results.filter((r) => r[1] === date && Number(r[2]) > 0).map((r) => ({ code: r[0], rate: Number(r[3]) / Number(r[2]) }));
      const own = rates.find((r) => r.code === comparators.authority)!;
      const better = rates.filter((r) => r.rate > own.rate).length;
      expect(rows[i]![4]).toBe(`${better + 1} of ${rates.length}`);
      expect(rows[i]![5]).toBe(words[Math.floor((4 * better) / rates.length)]);
      expect(rows[i]![3]).toBe(`${(100 * own.rate).toFixed(1)}%`);
    });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('national explorer', () => {
  const first = catalogue.indicators[0]!;

  it('renders its default view at build time, readable without JavaScript', async () => {
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${site.server.url}benchmarking/`);
    const rows = await tableRows(page);
    const expected = expectedRanking(first.code, latestPeriod(first.code)).sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.authority.localeCompare(b.authority));
    expect(rows.map((r) => r[0])).toEqual(expected.map((r) => (r.rank === null ? '[x]' : String(r.rank))));
    expect(rows).toHaveLength(150);
    expect(await page.locator('#explorer-nojs').isVisible()).toBe(true);
    await noJs.close();
  });

  it('answers a deep link with DuckDB-WASM, reading part of the file, and downloads exactly its rows', async () => {
    const code = 're_referrals';
    const group = comparators.groups[0]!;
    const period = latestPeriod(code);
    const page = await site.context.newPage();
    await page.goto(`${site.server.url}benchmarking/?indicator=${code}&period=${encodeURIComponent(period)}&filter=group:${group.code}`);
    await answered(page);
    const status = page.locator('#explorer-status');
    const bytes = Number(await status.getAttribute('data-bytes'));
    const fileBytes = Number(await status.getAttribute('data-file-bytes'));
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(fileBytes);
    expect(await page.locator('#explorer-indicator').inputValue()).toBe(code);
    expect(await page.locator('#explorer-filter').inputValue()).toBe(`group:${group.code}`);

    // Ranks are national; the filter keeps the council and its neighbours.
    const members = [comparators.authority, ...group.members];
    const expected = expectedRanking(code, period)
      .filter((r) => members.includes(r.authority))
      .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.authority.localeCompare(b.authority));
    const rows = await tableRows(page);
    expect(rows.map((r) => r[0])).toEqual(expected.map((r) => (r.rank === null ? '[x]' : String(r.rank))));

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#explorer-download-csv').click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    const names = new Map(comparators.authorities.map((a) => [a.code, a]));
    const regions = new Map(comparators.regions.map((r) => [r.code, r.name]));
    const raw = readFileSync('data/sample/national/national_indicators.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const lines = expected.map((r) => {
      const fields = raw.find((f) => f[0] === code && f[1] === r.authority && f[2] === period)!;
      const a = names.get(r.authority)!;
      const num = (s: string | undefined) => (s === undefined || s === '' ? '[x]' : String(Number(s)));
      return [r.rank ?? '[x]', r.quartile ?? '[x]', r.authority, a.name, regions.get(a.region), num(fields[3]), num(fields[4]), num(fields[5])].join(',');
    });
    expect(csv).toBe(`${['rank,quartile,authority_code,authority_name,region,numerator,denominator,value', ...lines].join('\r\n')}\r\n`);
    await page.close();
  });

  it('keeps the choice in the URL and restores it with the back button', async () => {
    const page = await site.context.newPage();
    await page.goto(`${site.server.url}benchmarking/?indicator=ni_116&period=${encodeURIComponent(latestPeriod('ni_116'))}`);
    await answered(page);
    await page.locator('#explorer-filter').selectOption('region:E12000008');
    await page.locator('#explorer-form button[type="submit"]').click();
    await page.waitForURL((url) => url.search.includes('filter=region'));
    await answered(page, 2);
    expect((await tableRows(page)).length).toBe(comparators.authorities.filter((a) => a.region === 'E12000008').length);
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('filter'));
    await answered(page, 3);
    expect((await tableRows(page)).length).toBe(150);
    await page.close();
  });

  it.each(['benchmarking/', 'benchmarking/?indicator=ni_116&period=2024-25&filter=group:cipfa'])('%s passes axe', async (path) => {
    expect(await axeViolationsAt(site.context, site.server.url + path, (page) => (path.includes('?') ? answered(page) : Promise.resolve()))).toEqual([]);
  });

  it('made no request to another origin', () => {
    expect(site.log.foreign).toEqual([]);
  });
});
