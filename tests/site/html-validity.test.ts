/**
 * Every page of the built site passes the Nu HTML Checker (vnu-jar, the W3C validator) with no
 * errors. All pages go through one JVM run: starting Java once per page would cost more than the
 * checking. Pages are found by walking the built site, so new pages are checked without listing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';

const siteDir = inject('siteDir');
const require = createRequire(import.meta.url);
// vnu-jar's main module exports the path of the jar it ships.
const VNU_JAR = String(require('vnu-jar'));

const vnuReport = z.object({
  messages: z.array(z.object({ type: z.string(), subType: z.string().optional(), url: z.string().optional(), message: z.string(), lastLine: z.number().optional(), extract: z.string().optional() })),
});

/**
 * Errors whose fix lies in a file another part of the project owns, listed here so the test
 * states them rather than hiding them. KNOWN ERRORS, NOT ACCEPTED ONES: each must be fixed at its
 * source and removed from this list; the last test fails when an entry no longer occurs.
 */
const KNOWN_ELSEWHERE: readonly { page: RegExp; message: RegExp; fixIn: string }[] = [];

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...htmlFiles(path));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out.sort();
}

const pagePath = (file: string) => `/${relative(siteDir, file).split(sep).join('/').replace(/(^|\/)index\.html$/, '$1')}`;
const files = htmlFiles(siteDir);
const pages = files.map(pagePath);
const errorsByPage = new Map<string, string[]>();

beforeAll(() => {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.status !== 0) throw new Error('Java is needed for the Nu HTML Checker: install a JRE (.ci/run does).');
  let output = '';
  try {
    // vnu reports on stderr and exits 1 when it finds an error.
    execFileSync('java', ['-Xss8m', '-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    output = String((error as { stderr?: unknown }).stderr ?? '');
    if (!output.trim().startsWith('{')) throw error;
  }
  const report = output.trim() === '' ? { messages: [] } : vnuReport.parse(JSON.parse(output));
  for (const m of report.messages) {
    if (m.type !== 'error' && m.subType !== 'fatal') continue;
    const file = m.url ? decodeURIComponent(new URL(m.url).pathname) : '';
    const page = pagePath(file);
    errorsByPage.set(page, [...(errorsByPage.get(page) ?? []), `line ${m.lastLine ?? '?'}: ${m.message}${m.extract ? ` (${m.extract.trim().slice(0, 120)})` : ''}`]);
  }
}, 300_000);

describe('Nu HTML Checker', () => {
  it('checks the pages of the built site', () => {
    expect(pages).toContain('/');
    expect(pages).toContain('/data/');
  });

  it.each(pages)('%s has no errors', (page) => {
    const known = KNOWN_ELSEWHERE.filter((k) => k.page.test(page));
    const errors = (errorsByPage.get(page) ?? []).filter((e) => !known.some((k) => k.message.test(e)));
    expect(errors).toEqual([]);
  });

  it('lists only known errors that still occur', () => {
    const stale = KNOWN_ELSEWHERE.filter((k) => ![...errorsByPage].some(([page, errors]) => k.page.test(page) && errors.some((e) => k.message.test(e))));
    expect(stale).toEqual([]);
  });
});
