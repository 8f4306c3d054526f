/**
 * Benchmark of the compare tool at national scale: 3.6 million indicator rows (scripts/generate/
 * national.ts) served over HTTP with range requests, queried by the real compare page in
 * Chromium through ?src=. Prints the bytes fetched, the time from DuckDB ready to the answer, and
 * the file size. Goal: an answer within 1.5 s once DuckDB is ready. Times are printed, never asserted.
 *
 *   npm run bench -- compare
 * It builds the sample site into .cache/test-site first if that folder has none.
 */
import { SAMPLE_SITE_DIR } from '../build/sample-site.ts';
import { benchNationalPage, kb } from './served-file.ts';
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

export async function benchCompare(siteDir = SAMPLE_SITE_DIR): Promise<void> {
  const file = { path: NATIONAL_FILE, name: 'national.parquet', generate: async (f: string) => (await generateNational(f)).rows };
  await benchNationalPage(siteDir, file, async ({ page, siteUrl, servedPath, fileBytes, show }) => {
    for (const [i, codes] of SELECTIONS.entries()) {
      await show(`${siteUrl}compare/?${query(codes, servedPath)}`, i);
      await page.waitForFunction((n) => document.getElementById('compare-status')?.dataset.run === String(n), i + 1, { timeout: 120_000 });
      const stats = await page.evaluate(() => ({ ...document.getElementById('compare-status')!.dataset }));
      const ms = Number(stats.queryMs);
      console.log(
        `Selection ${i + 1} (${codes.join(', ')}): ${Number(stats.rows).toLocaleString('en-GB')} rows; fetched ${kb(Number(stats.bytes))} of ${kb(fileBytes)} ` +
          `(${((100 * Number(stats.bytes)) / fileBytes).toFixed(2)}%); answered in ${ms.toFixed(0)} ms once DuckDB was ready ` +
          `(goal ${GOAL_MS} ms: ${ms <= GOAL_MS ? 'met' : 'missed'}).`,
      );
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCompare();
