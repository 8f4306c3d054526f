/**
 * A national-scale Parquet file for a browser benchmark: generated once into .cache, then served
 * from the built site's own origin (the pages read same-origin files only), as `/bench/<name>`.
 */
import { existsSync, linkSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, recordRequests } from '../../tests/browser-harness/browser.ts';
import { serveStatic } from '../../tests/browser-harness/static-server.ts';
import { ensureSampleSite } from '../build/sample-site.ts';

export const kb = (bytes: number): string => `${Math.round(bytes / 1024).toLocaleString('en-GB')} KB`;

export async function serveFromSite(siteDir: string, file: string, name: string, generate: (file: string) => Promise<number>): Promise<{ readonly path: string; readonly fileBytes: number; readonly remove: () => void }> {
  if (!existsSync(file)) {
    const started = performance.now();
    const rows = await generate(file);
    console.log(`Generated ${rows.toLocaleString('en-GB')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const benchDir = join(siteDir, 'bench');
  const served = join(benchDir, name);
  mkdirSync(benchDir, { recursive: true });
  rmSync(served, { force: true });
  linkSync(file, served);
  return { path: `/bench/${name}`, fileBytes: statSync(served).size, remove: () => rmSync(served, { force: true }) };
}

/** What a browser benchmark gets: one page of the built site and the served national file. */
export interface NationalBench {
  readonly page: Page;
  readonly siteUrl: string;
  readonly servedPath: string;
  readonly fileBytes: number;
  /**
   * Shows the page at `url`: the first choice loads it, later ones change the address in place,
   * as the page's own links do, so DuckDB is already running.
   */
  readonly show: (url: string, choice: number) => Promise<void>;
}

/**
 * Builds the sample site if needed, serves the national file from it, opens one Chromium page and
 * runs `choices` on it; then prints the file size and any request to another origin, and tidies up.
 */
export async function benchNationalPage(
  siteDir: string,
  file: { readonly path: string; readonly name: string; readonly generate: (file: string) => Promise<number> },
  choices: (bench: NationalBench) => Promise<void>,
): Promise<void> {
  ensureSampleSite(siteDir);
  const { path: servedPath, fileBytes, remove } = await serveFromSite(siteDir, file.path, file.name, file.generate);
  const server = await serveStatic(siteDir);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const log = await recordRequests(context, server.url);
    const page = await context.newPage();
    const show = async (url: string, choice: number): Promise<void> => {
      if (choice === 0) await page.goto(url);
      else {
        await page.evaluate((u) => {
          history.pushState(null, '', u);
          dispatchEvent(new PopStateEvent('popstate'));
        }, url);
      }
    };
    await choices({ page, siteUrl: server.url, servedPath, fileBytes, show });
    console.log(`Whole file: ${kb(fileBytes)}. Requests to other origins: ${log.foreign.length}.`);
  } finally {
    await browser.close();
    await server.close();
    remove();
  }
}
