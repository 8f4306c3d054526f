/**
 * Build-time helpers: a DOM for Plot to draw into under Node, and serialisation of a chart to
 * the SVG string an Astro page inlines. Import this only from build-time code; it pulls in
 * linkedom, which the browser does not need.
 *
 * Output is deterministic: ids and class names are fixed by the chart functions, and
 * coordinates are rounded to two decimal places here so that floating-point noise
 * (159.99999999999997) never changes a page or a snapshot.
 */
import { parseHTML } from 'linkedom';

/** Attributes whose numbers are coordinates or lengths, safe to round. */
const GEOMETRY = ['d', 'transform', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'points', 'viewBox', 'dx', 'dy'];
const NUMBER = /-?\d*\.\d+(?:e[-+]?\d+)?/gi;

let shared: Document | undefined;

/**
 * A document for Plot's `document` option at build time. One is shared: charts are created
 * in it but never attached, so they cannot interfere with each other.
 */
export function serverDocument(): Document {
  shared ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return shared;
}

/** The chart's SVG markup, with coordinates rounded; the chart itself is left unchanged. */
export function renderToString(svg: Element): string {
  const copy = svg.cloneNode(true) as Element;
  roundGeometry(copy);
  return copy.outerHTML;
}

function roundGeometry(root: Element): void {
  for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const name of GEOMETRY) {
      const value = element.getAttribute(name);
      if (value === null || !value.includes('.')) continue;
      element.setAttribute(name, value.replace(NUMBER, roundNumber));
    }
  }
}

function roundNumber(text: string): string {
  const rounded = Math.round(Number(text) * 100) / 100;
  // Avoid "-0", which differs from "0" only by floating-point accident.
  return String(rounded === 0 ? 0 : rounded);
}
