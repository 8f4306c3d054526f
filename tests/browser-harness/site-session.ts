/**
 * One browser session against the built site for a test file: the site served on 127.0.0.1,
 * Chromium with a context that records (and blocks) requests to any other origin, and native
 * DuckDB for checking figures against the published Parquet independently.
 */
import { readFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser, recordRequests, type RequestLog } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

export interface SiteSession {
  siteDir: string;
  server: StaticServer;
  browser: Browser;
  context: BrowserContext;
  log: RequestLog;
  conn: DuckDBConnection;
  close(): Promise<void>;
}

export async function openSiteSession(siteDir: string): Promise<SiteSession> {
  const server = await serveStatic(siteDir);
  const browser = await launchBrowser();
  const context = await browser.newContext();
  const log = await recordRequests(context, server.url);
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  return {
    siteDir,
    server,
    browser,
    context,
    log,
    conn,
    async close() {
      conn.closeSync();
      await browser.close();
      await server.close();
    },
  };
}

/**
 * One session for a test file: opened on the site the global setup built before the file's tests
 * run, closed after them. The fields are there from the first test on.
 */
export function useSiteSession(): SiteSession {
  const site = {} as SiteSession;
  beforeAll(async () => {
    Object.assign(site, await openSiteSession(inject('siteDir')));
  });
  afterAll(async () => {
    if ('close' in site) await site.close();
  });
  return site;
}

/** The authority's ONS code from the reference data the site was built from. */
export const AUTHORITY_CODE = (JSON.parse(readFileSync('data/reference/programme.json', 'utf8')) as { authority: { code: string } }).authority.code;
