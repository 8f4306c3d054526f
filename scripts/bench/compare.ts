/**
 * Benchmark of the compare tool at national scale: 3.6 million indicator rows (scripts/generate/
 * national.ts) served over HTTP with range requests, queried by the real compare page in
 * Chromium through ?src=. Prints the bytes fetched, the time from DuckDB ready to the answer, and
 * the file size. Goal: an answer within 1.5 s once DuckDB is ready. Times are printed, never asserted.
 *
 *   npm run bench -- compare
 * It builds the sample site into .cache/test-site first if that folder has none.
 */
import { launchBrowser, recordRequests } from '../../tests/browser-harness/browser.ts';
import { serveStatic } from '../../tests/browser-harness/static-server.ts';
import { ensureSampleSite, SAMPLE_SITE_DIR } from '../build/sample-site.ts';
import { serveFromSite } from './served-file.ts';
import { generateNational, nationalAreaCode, nationalIndicatorCode } from '../generate/national.ts';

export const NATIONAL_FILE = '.cache/national/indicators.parquet';
const GOAL_MS = 1500;

const SELECTIONS = [
  // Two indicators for three localities of one authority, five years of quarters.
  [nationalIndicatorCode(7), nationalIndicatorCode(8), nationalAreaCode(42, 1), nationalAreaCode(42, 2), nationalAreaCode(42, 3)],
  // A second, different choice once everything is warm.
  [nationalIndicatorCode(31), nationalAreaCode(120, 5), nationalAreaCode(121, 5)],
] as const;

function query(codes: readonly string[], src: string): string {
  const params = new URLSearchParams();
  for (const code of codes) params.append(code.startsWith('nat_') ? 'indicator' : 'area', code);
  params.set('from', '2020-21 Q1');
  params.set('to', '2024-25 Q4');
  params.set('src', src);
  return params.toString();
}

const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-GB')} KB`;

export async function benchCompare(siteDir = SAMPLE_SITE_DIR): Promise<void> {
  ensureSampleSite(siteDir);
  const { path: servedPath, fileBytes, remove } = await serveFromSite(siteDir, NATIONAL_FILE, 'national.parquet', async (file) => (await generateNational(file)).rows);

  const server = await serveStatic(siteDir);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const log = await recordRequests(context, server.url);
    const page = await context.newPage();
    for (const [i, codes] of SELECTIONS.entries()) {
      const url = `${server.url}compare/?${query(codes, servedPath)}`;
      if (i === 0) {
        await page.goto(url);
      } else {
        // Same page, a new choice: DuckDB is already running.
        await page.evaluate((u) => {
          history.pushState(null, '', u);
          dispatchEvent(new PopStateEvent('popstate'));
        }, url);
      }
      await page.waitForFunction(
        (n) => document.getElementById('compare-status')?.dataset.run === String(n),
        i + 1,
        { timeout: 120_000 },
      );
      const stats = await page.evaluate(() => ({ ...document.getElementById('compare-status')!.dataset }));
      const ms = Number(stats.queryMs);
      console.log(
        `Selection ${i + 1} (${codes.join(', ')}): ${Number(stats.rows).toLocaleString('en-GB')} rows; fetched ${kb(Number(stats.bytes))} of ${kb(fileBytes)} ` +
          `(${((100 * Number(stats.bytes)) / fileBytes).toFixed(2)}%); answered in ${ms.toFixed(0)} ms once DuckDB was ready ` +
          `(goal ${GOAL_MS} ms: ${ms <= GOAL_MS ? 'met' : 'missed'}).`,
      );
    }
    console.log(`Whole file: ${kb(fileBytes)}. Requests to other origins: ${log.foreign.length}.`);
  } finally {
    await browser.close();
    await server.close();
    remove();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCompare();
