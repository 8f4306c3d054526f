/**
 * Headless Chromium for browser tests, using the system browser (never a downloaded one) with
 * background networking off, so the only requests a test sees are the ones the page makes.
 */
import { chromium, type Browser, type BrowserContext, type Request } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface RequestLog {
  /** Every URL requested by pages and their workers, in order. */
  readonly urls: string[];
  /** Requests to any origin other than the allowed one; these were aborted. */
  readonly foreign: string[];
}

/**
 * Record every request in the context (pages and dedicated workers) and abort any that leaves
 * `origin`, so a leak shows up in the test instead of reaching the internet.
 */
export async function recordRequests(context: BrowserContext, origin: string): Promise<RequestLog> {
  const log: RequestLog = { urls: [], foreign: [] };
  const allowed = new URL(origin).origin;
  const isLocal = (url: string): boolean => url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === allowed;
  context.on('request', (request: Request) => log.urls.push(request.url()));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    log.foreign.push(url);
    return route.abort('blockedbyclient');
  });
  return log;
}
