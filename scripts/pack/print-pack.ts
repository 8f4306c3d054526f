/**
 * Prints a quarter's evidence pack page from a built site to PDF through Chromium's own print
 * (the same engine a reader's "Print" uses): A4, tagged (headings and tables become PDF
 * structure) with an outline from the headings, page numbers in the footer and, for the internal
 * pack, the marking in the header of every page. The site is served from 127.0.0.1 so the page
 * loads its stylesheets exactly as published; nothing is fetched from anywhere else. The PDF is
 * written to a temporary file and renamed, so a failed run leaves the last good pack whole.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { launchBrowser } from '../../tests/browser-harness/browser.ts';
import { serveStatic } from '../../tests/browser-harness/static-server.ts';
import { INTERNAL_MARKING, packPath, packTitle } from '../../src/lib/pack/sections.ts';
import type { Progress } from '../pipeline/progress.ts';
import type { PackOptions } from './options.ts';
import { CommandError } from '../cli/main.ts';

export interface PrintedPack {
  readonly out: string;
  readonly pages: number;
}

/** Page furniture: Chromium fills the spans of class pageNumber and totalPages. */
export function pageTemplates(quarter: string, internal: boolean): { headerTemplate: string; footerTemplate: string } {
  const style = 'font-family: Arial, sans-serif; font-size: 9pt; width: 100%; margin: 0 15mm; color: #000;';
  const marking = internal ? `<strong>${INTERNAL_MARKING}</strong>` : '';
  return {
    headerTemplate: `<div style="${style} display: flex; justify-content: space-between;"><span>${escapeHtml(packTitle(quarter))}</span>${marking}</div>`,
    footerTemplate:
      `<div style="${style} display: flex; justify-content: space-between;">` +
      `<span>${internal ? `${INTERNAL_MARKING}` : 'Public release'}</span>` +
      '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>',
  };
}

export async function printPack(options: PackOptions, progress: Progress): Promise<PrintedPack> {
  const server = await progress.step(`Serving ${options.siteDir}`, () => serveStatic(options.siteDir));
  try {
    const browser = await progress.step('Starting Chromium', () => launchBrowser());
    try {
      const page = await browser.newPage();
      const url = new URL(packPath(options.quarter).slice(1), server.url).href;
      await progress.step(`Opening the ${options.quarter} pack (${packPath(options.quarter)})`, async () => {
        const response = await page.goto(url, { waitUntil: 'load' });
        if (!response || !response.ok()) throw new CommandError(`${options.siteDir} answered ${response?.status() ?? 'nothing'} for ${packPath(options.quarter)}: rebuild the site (npm run build, or npm run build:board).`);
      });
      const pdf = await progress.step('Printing to PDF', () =>
        page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          ...pageTemplates(options.quarter, options.audience === 'board'),
          margin: { top: '20mm', bottom: '20mm', left: '15mm', right: '15mm' },
          tagged: true,
          outline: true,
        }),
      );
      await writeAtomically(options.out, pdf);
      return { out: options.out, pages: pdfPageCount(pdf) };
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

/** Pages in a PDF as Chromium writes it: one /Type /Page object each. */
export function pdfPageCount(pdf: Uint8Array): number {
  return Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

async function writeAtomically(out: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  const temp = `${out}.${process.pid}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, out);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}
