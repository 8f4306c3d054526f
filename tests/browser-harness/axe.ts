/** axe-core in the page under test, with the WCAG 2.2 AA rule set this project is held to. */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

const AXE_PATH = 'node_modules/axe-core/axe.min.js';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeFinding {
  id: string;
  help: string;
  nodes: string[];
}

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}

/** Runs axe on the page as it is now; an empty list means no violations. */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the debugging protocol, not added as a <script>: the site's
  // Content-Security-Policy rightly refuses an inline script.
  await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  }, AXE_TAGS);
}

/**
 * Axe findings on a page opened fresh at `url`, once `ready` says the page has settled (an
 * explorer has answered its query, say); the page is closed afterwards.
 */
export async function axeViolationsAt(context: BrowserContext, url: string, ready: (page: Page) => Promise<unknown> = async () => {}): Promise<AxeFinding[]> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await ready(page);
    return await axeViolations(page);
  } finally {
    await page.close();
  }
}
