/**
 * The only inline style blocks the site emits, so the layout's Content-Security-Policy can allow
 * them by hash instead of allowing every inline style:
 *
 * - the council's accent colour, a custom property set from council.json at build time;
 * - Observable Plot's stylesheet, which Plot writes into every chart's <svg>, both in the built
 *   pages and when the browser redraws a chart. Its text is taken from Plot itself (a chart
 *   with no marks, drawn with the site's chart class), so a Plot upgrade cannot silently break
 *   the charts' styles under the policy.
 *
 * Build-time only: it draws with linkedom.
 */
import * as Plot from '@observablehq/plot';
import { CHART_CLASS } from './options.ts';
import { serverDocument } from './render.ts';

/** The rule that sets the accent colour; validated as #rrggbb by the council schema. */
export function accentColourRule(accentColour: string): string {
  return `:root{--accent-colour:${accentColour}}`;
}

let chartStyle: string | null | undefined;

/** The text of the <style> Plot puts in each chart; null if Plot stops writing one. */
export function chartStyleText(): string | null {
  if (chartStyle === undefined) {
    const svg = Plot.plot({ className: CHART_CLASS, marks: [], document: serverDocument() });
    chartStyle = svg.querySelector('style')?.textContent ?? null;
  }
  return chartStyle;
}

/** Every inline style block a page may hold, for the policy's hashes. */
export function inlineStyles(accentColour: string): string[] {
  const chart = chartStyleText();
  return chart === null ? [accentColourRule(accentColour)] : [accentColourRule(accentColour), chart];
}
