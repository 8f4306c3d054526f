/**
 * The resources-by-need page in real Chromium: the default weights render at build time and
 * read with JavaScript off; changing a weight recomputes every locality's share and FTE gap
 * (checked against the formula computed here, independently, from the reference files and the
 * published Parquet); the URL keeps the weights and a reload restores them; axe passes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../browser-harness/axe.ts';
import { useSiteSession } from '../browser-harness/site-session.ts';

const site = useSiteSession();

interface Weights {
  population: number;
  need: number;
  demand: number;
}

interface Expected {
  name: string;
  share: number;
  formulaFte: number;
  fte: number;
  gap: number;
}

const DEFAULTS = (JSON.parse(readFileSync('data/reference/resource-formula.json', 'utf8')) as { weights: Weights }).weights;

/** Population, deprivation and names from localities.csv; FTE from staffing.json; demand from periods.parquet. */
async function expected(weights: Weights): Promise<Expected[]> {
  const lines = readFileSync('data/reference/localities.csv', 'utf8').trim().split('\n').slice(1);
  const localities = lines.map((line) => {
    const f = line.split(',');
    return { code: f[0]!, name: f[1]!, population: Number(f[3]), deprivation: Number(f[4]) };
  });
  const posts = (JSON.parse(readFileSync('data/reference/staffing.json', 'utf8')) as { posts: { locality_code: string; fte: number }[] }).posts;
  const fte = new Map(localities.map((l) => [l.code, posts.filter((p) => p.locality_code === l.code).reduce((a, p) => a + p.fte, 0)]));
  // Latest financial year in which every locality's families_identified is published with a number.
  const file = join(site.siteDir, 'data', 'periods.parquet').replaceAll("'", "''");
  const reader = await site.conn.runAndReadAll(`
    WITH y AS (
      SELECT period FROM read_parquet('${file}')
      WHERE "table" = 'programme' AND measure = 'families_identified' AND period_type = 'financial_year' AND area_type = 'locality'
      GROUP BY period HAVING count(*) = ${localities.length} AND count(value) = ${localities.length}
      ORDER BY period DESC LIMIT 1)
    SELECT area_code, value FROM read_parquet('${file}') JOIN y USING (period)
    WHERE "table" = 'programme' AND measure = 'families_identified' AND period_type = 'financial_year' AND area_type = 'locality'`);
  const demand = new Map(reader.getRowObjectsJS().map((r) => [String(r.area_code), Number(r.value)]));
  expect(demand.size).toBe(localities.length);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const pop = sum(localities.map((l) => l.population));
  const need = sum(localities.map((l) => l.population * l.deprivation));
  const dem = sum(localities.map((l) => demand.get(l.code)!));
  const staff = sum([...fte.values()]);
  const w = weights.population + weights.need + weights.demand;
  return localities.map((l) => {
    const share =
      (weights.population / w) * (l.population / pop) + (weights.need / w) * ((l.population * l.deprivation) / need) + (weights.demand / w) * (demand.get(l.code)! / dem);
    const formulaFte = share * staff;
    return { name: l.name, share: share * 100, formulaFte, fte: fte.get(l.code)!, gap: fte.get(l.code)! - formulaFte };
  });
}

/** The gap table as the page shows it: share, formula FTE, FTE in post and gap, by locality. */
async function shown(page: Page): Promise<Expected[]> {
  const rows = await page.$$eval('#resources-gap-table tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent?.trim() ?? '')));
  const num = (text: string) => Number(text.replace(/[%,]/g, '').replace('−', '-'));
  return rows.map((cells) => ({ name: cells[0]!, share: num(cells[4]!), formulaFte: num(cells[5]!), fte: num(cells[6]!), gap: num(cells[7]!) }));
}

function expectClose(got: Expected[], want: Expected[]): void {
  expect(got.map((r) => r.name)).toEqual(want.map((r) => r.name));
  got.forEach((row, i) => {
    const w = want[i]!;
    expect(row.share).toBeCloseTo(w.share, 1);
    expect(row.formulaFte).toBeCloseTo(w.formulaFte, 2);
    expect(row.fte).toBeCloseTo(w.fte, 2);
    expect(row.gap).toBeCloseTo(w.gap, 2);
  });
}

async function setWeights(page: Page, weights: Weights): Promise<void> {
  for (const [key, value] of Object.entries(weights)) await page.locator(`#weight-${key}`).fill(String(value));
}

describe('resources by need', () => {
  it('renders the default weights at build time, readable with JavaScript off', async () => {
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${site.server.url}resources/`);
    expectClose(await shown(page), await expected(DEFAULTS));
    expect(await page.locator('#resources-gap-chart').count()).toBe(1);
    expect(await page.locator('#resources-formula').textContent()).toContain('Share =');
    expect(await page.locator('#weight-need').inputValue()).toBe(String(DEFAULTS.need));
    await noJs.close();
  });

  it('recomputes when a weight changes, keeps the weights in the URL and restores them on reload', async () => {
    const page = await site.context.newPage();
    await page.goto(`${site.server.url}resources/`);
    await page.waitForFunction(() => document.body.dataset.resourcesWeights !== undefined);
    const weights = { population: 100, need: 0, demand: 0 };
    await setWeights(page, weights);
    // replaceState changes the URL without a navigation, so wait on the location itself.
    await page.waitForFunction(() => window.location.search === '?population=100&need=0&demand=0');
    expectClose(await shown(page), await expected(weights));
    expect(await page.locator('#resources-formula').textContent()).toContain('100.0% × share of population aged 0 to 19');
    // The chart is redrawn too: its description names the locality with the new largest shortfall.
    const want = await expected(weights);
    const worst = [...want].sort((a, b) => a.gap - b.gap)[0]!;
    expect(await page.locator('#resources-gap-summary').textContent()).toContain(`${worst.name} has the largest shortfall`);
    expect(await page.locator('#resources-gap-chart desc').textContent()).toContain(worst.name);

    await page.reload();
    await page.waitForFunction(() => document.body.dataset.resourcesWeights === 'population=100&need=0&demand=0');
    expect(await page.locator('#weight-population').inputValue()).toBe('100');
    expectClose(await shown(page), want);
    await page.close();
  });

  it('restores weights from a shared link', async () => {
    const weights = { population: 10, need: 20, demand: 70 };
    const page = await site.context.newPage();
    await page.goto(`${site.server.url}resources/?population=10&need=20&demand=70`);
    await page.waitForFunction(() => document.body.dataset.resourcesWeights === 'population=10&need=20&demand=70');
    expectClose(await shown(page), await expected(weights));
    await page.close();
  });

  it('passes axe, with default and changed weights', async () => {
    const page = await site.context.newPage();
    await page.goto(`${site.server.url}resources/?population=50&need=50&demand=0`);
    await page.waitForFunction(() => document.body.dataset.resourcesWeights !== undefined);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${site.server.url}resources/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('made no request to another origin', () => {
    expect(site.log.foreign).toEqual([]);
  });
});
