/**
 * Checks the built site in real Chromium: on every page axe-core finds no WCAG 2.2 AA violation;
 * on one page of each template the skip link is the first Tab stop, every focusable control shows
 * a visible focus style, nothing scrolls sideways at 320px, and print media hides the navigation.
 * Pages are found by walking the built site, so pages other parts of the project add are checked
 * without listing them.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../browser-harness/axe.ts';
import { launchBrowser, recordRequests } from '../browser-harness/browser.ts';
import { serveStatic, type StaticServer } from '../browser-harness/static-server.ts';

const siteDir = inject('siteDir');
/** Enough Tab presses to reach the page's controls without walking every link of a long table. */
const MAX_TABS = 40;

function htmlPages(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...htmlPages(path));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

/** URL path of a built file: "indicators/ni_116/index.html" → "/indicators/ni_116/". */
function pagePath(file: string): string {
  const rel = relative(siteDir, file).split(sep).join('/');
  return `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * Every page, except that the dashboard's quarter views (hundreds of pages from one template) are
 * checked by a sample: the first, a middle and the latest quarter, for the council and one locality.
 */
const pages = samplePages(htmlPages(siteDir).map(pagePath).sort());

function samplePages(all: readonly string[]): string[] {
  const views = all.filter((p) => /^\/quarters\/[^/]+\/([^/]+\/)?$/.test(p));
  const quarters = [...new Set(views.map((p) => p.split('/')[2] ?? ''))];
  const keep = new Set([quarters[0], quarters[Math.floor(quarters.length / 2)], quarters.at(-1)]);
  const locality = views.map((p) => p.split('/')[3]).find(Boolean);
  return all.filter((p) => !views.includes(p) || (keep.has(p.split('/')[2]) && [undefined, '', locality].includes(p.split('/')[3])));
}

/** The first page of each template: "/indicators/ni_111/" stands for "/indicators/<code>/". */
function onePerTemplate(all: readonly string[]): string[] {
  const seen = new Set<string>();
  return all.filter((p) => {
    const template = p.split('/').map((part, i) => (i === 2 && part !== '' ? '*' : part)).join('/');
    if (seen.has(template)) return false;
    seen.add(template);
    return true;
  });
}

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await serveStatic(siteDir);
  browser = await launchBrowser();
  context = await browser.newContext();
  await recordRequests(context, server.url);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});


describe('every built page', () => {
  it('includes the dashboard', () => {
    expect(pages).toContain('/');
  });

  // Focus order, focus styles and layout belong to a page's template and stylesheet, so they are
  // checked on one page of each template (every page of its own, one indicator page, one release …);
  // axe reads every page, since content decides what it finds.
  const templatePages = new Set(onePerTemplate(pages));

  it.each(pages)('%s has no axe violations (and, for its template, Tab reaches the skip link first, every control shows focus, it fits 320px and prints without navigation)', async (path) => {
    const page = await context.newPage();
    await page.goto(new URL(path, server.url).href);
    const violations = await axeViolations(page);
    if (!templatePages.has(path)) {
      await page.close();
      expect(violations).toEqual([]);
      return;
    }
    expect.soft(violations, 'axe').toEqual([]);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? { tag: el.tagName, href: el.getAttribute('href') } : null;
    });
    expect.soft(first, 'the first Tab stop').toEqual({ tag: 'A', href: '#main-content' });
    const unfocused: string[] = [];
    for (let i = 0; i < MAX_TABS; i++) {
      const state = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== 'rgba(0, 0, 0, 0)';
        const shadow = s.boxShadow !== 'none';
        return { visible: outline || shadow, name: `${el.tagName.toLowerCase()} ${(el.textContent ?? '').trim().slice(0, 40)}` };
      });
      if (state === null) break;
      if (!state.visible) unfocused.push(state.name);
      await page.keyboard.press('Tab');
    }
    expect.soft(unfocused, 'controls without a visible focus style').toEqual([]);

    await page.close();

    // A fresh page opened at 320px, so anything sized as the page loads is sized for the narrow
    // screen, as a phone would load it.
    const narrow = await context.newPage();
    await narrow.setViewportSize({ width: 320, height: 640 });
    await narrow.goto(new URL(path, server.url).href);
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect.soft(overflow, 'sideways scroll at 320px').toBeLessThanOrEqual(0);
    await narrow.emulateMedia({ media: 'print' });
    const print = await narrow.evaluate(() => {
      const nav = document.querySelector('.service-nav');
      const main = document.querySelector('main');
      return {
        navHidden: nav === null || getComputedStyle(nav).display === 'none',
        mainShown: main !== null && getComputedStyle(main).display !== 'none' && (main.textContent ?? '').trim().length > 0,
      };
    });
    await narrow.close();
    expect(print, 'print').toEqual({ navHidden: true, mainShown: true });
  });
});
