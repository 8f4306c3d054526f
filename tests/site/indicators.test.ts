/**
 * The indicator and locality pages in real Chromium: every page generated from the catalogue
 * is built (site-wide.test.ts runs axe on each), a significance verdict and a confidence interval match values computed here
 * independently (Wilson and Byar written out below, not imported from src/lib/stats), suppressed
 * cells show "[c]", and no request leaves the origin.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTHORITY_CODE, useSiteSession } from '../browser-harness/site-session.ts';

interface CatalogueEntry {
  code: string;
  unit: string;
  polarity: string;
  decimals: number;
}
const catalogue = JSON.parse(readFileSync('data/reference/indicators.json', 'utf8')) as { indicators: CatalogueEntry[] };
const localityRows = readFileSync('data/reference/localities.csv', 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','));
const localityCodes = localityRows.map((fields) => fields[0]!);
const localityNames = Object.fromEntries(localityRows.map((fields) => [fields[0]!, fields[1]!]));
const AUTHORITY = AUTHORITY_CODE;

const site = useSiteSession();


const pages = [
  'indicators/',
  ...catalogue.indicators.map((i) => `indicators/${i.code}/`),
  'localities/',
  ...localityCodes.map((c) => `localities/${c}/`),
];

describe('indicator and locality pages', () => {
  // Axe, keyboard focus and narrow screens are checked on every built page by site-wide.test.ts.
  it('gives every indicator in the catalogue and every locality a page', async () => {
    for (const path of pages) {
      const response = await fetch(site.server.url + path);
      expect(response.status, path).toBe(200);
    }
  });

  it('made no request to another origin', () => {
    expect(site.log.foreign).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Independent statistics: Wilson score interval and Byar's approximation (exact below 10 is not
// needed: the test picks a count of at least 10).

const Z = 1.959963984540054;

function wilson(n: number, d: number): [number, number] {
  const p = n / d;
  const denom = 1 + (Z * Z) / d;
  const centre = p + (Z * Z) / (2 * d);
  const half = Z * Math.sqrt((p * (1 - p)) / d + (Z * Z) / (4 * d * d));
  return [(centre - half) / denom, (centre + half) / denom];
}

function byar(o: number): [number, number] {
  const lower = o * (1 - 1 / (9 * o) - Z / (3 * Math.sqrt(o))) ** 3;
  const upper = (o + 1) * (1 - 1 / (9 * (o + 1)) + Z / (3 * Math.sqrt(o + 1))) ** 3;
  return [lower, upper];
}

const MULTIPLIER: Record<string, number> = { percent: 100, rate_per_1000: 1000, rate_per_10000: 10000, rate_per_100000: 100000 };

function fixed(x: number, decimals: number): string {
  return x.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

interface Row {
  indicator_code: string;
  area_code: string;
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  flag: string | null;
}

async function rows(sql: string): Promise<Row[]> {
  const reader = await site.conn.runAndReadAll(sql);
  return reader.getRowObjectsJS() as unknown as Row[];
}

const parquet = () => `'${join(site.siteDir, 'data', 'indicators.parquet')}'`;

/** Verdict and interval for the first unsuppressed locality in the authority's latest valued period. */
async function checkVerdict(unitKind: 'percent' | 'rate'): Promise<void> {
  // The page compares localities in the authority's latest period with a value; take the first
  // indicator of the kind where some locality there has an unsuppressed count of at least 10.
  let found: { entry: CatalogueEntry; authority: Row; locality: Row } | undefined;
  for (const entry of catalogue.indicators) {
    const kind = entry.unit === 'percent' ? 'percent' : entry.unit.startsWith('rate_') ? 'rate' : null;
    if (kind !== unitKind || entry.polarity === 'no_judgement') continue;
    const [latest] = await rows(
      `SELECT period FROM ${parquet()} WHERE indicator_code = '${entry.code}' AND area_code = '${AUTHORITY}' AND value IS NOT NULL ORDER BY period_start DESC LIMIT 1`,
    );
    if (!latest) continue;
    const inPeriod = await rows(`SELECT * FROM ${parquet()} WHERE indicator_code = '${entry.code}' AND period = '${latest.period}'`);
    const authority = inPeriod.find((r) => r.area_code === AUTHORITY)!;
    const locality = inPeriod.find(
      (r) => localityCodes.includes(r.area_code) && r.flag === null && r.numerator !== null && r.numerator >= 10 && r.denominator,
    );
    if (locality) {
      found = { entry, authority, locality };
      break;
    }
  }
  expect(found, `an indicator with a locality count of at least 10 (${unitKind})`).toBeDefined();
  const { entry, authority, locality } = found!;
  const { numerator: n, denominator: d } = locality as { numerator: number; denominator: number };
  const m = MULTIPLIER[entry.unit]!;
  const [lo, hi] = unitKind === 'percent' ? wilson(n, d).map((x) => x * m) : byar(n).map((x) => (x / d) * m);
  const benchmark = authority.value!;
  const side = lo! > benchmark ? 'higher' : hi! < benchmark ? 'lower' : 'similar';
  const word =
    side === 'similar'
      ? 'Not significantly different'
      : (side === 'higher') === (entry.polarity === 'high_is_good')
        ? 'Significantly better'
        : 'Significantly worse';

  const page = await site.context.newPage();
  await page.goto(`${site.server.url}indicators/${entry.code}/`);
  const name = localityNames[locality.area_code]!;
  const cells = await page
    .locator(`#${entry.code}-verdicts tbody tr`, { has: page.locator('th', { hasText: name }) })
    .locator('td')
    .allInnerTexts();
  await page.close();
  const suffix = entry.unit === 'percent' ? '%' : '';
  expect(cells[1]).toBe(fixed(lo!, entry.decimals) + suffix);
  expect(cells[2]).toBe(fixed(hi!, entry.decimals) + suffix);
  expect(cells[3]).toContain(word);
}

describe('figures on an indicator page', () => {
  it('states a Wilson interval and significance verdict computed independently', async () => {
    await checkVerdict('percent');
  });

  it("states a Byar interval and significance verdict computed independently", async () => {
    await checkVerdict('rate');
  });

  it('shows a suppressed locality cell as [c], never a number', async () => {
    const [row] = await rows(
      `SELECT * FROM ${parquet()} WHERE flag = '[c]' AND area_type = 'locality' ORDER BY indicator_code, period_start LIMIT 1`,
    );
    expect(row).toBeDefined();
    const page = await site.context.newPage();
    await page.goto(`${site.server.url}indicators/${row!.indicator_code}/`);
    const table = page.locator(`#${row!.indicator_code}-localities-table`);
    const headers = await table.locator('thead th').allTextContents();
    const column = headers.findIndex((h) => h.trim() === localityNames[row!.area_code]);
    expect(column).toBeGreaterThan(0);
    const line = table.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${row!.period}$`) }) });
    const cell = (await line.locator('th, td').allTextContents())[column];
    await page.close();
    expect(cell?.trim()).toBe('[c]');
  });
});
