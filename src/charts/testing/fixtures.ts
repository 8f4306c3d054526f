/** Shared options for chart tests: one document, fixed ids, synthetic fixtures. */
import { serverDocument } from '../render.ts';

export const document = serverDocument();

/** All the text drawn in <text> elements of a chart, in document order. */
export function texts(svg: Element): string[] {
  return Array.from(svg.querySelectorAll('text')).map((t) => t.textContent ?? '');
}

/** The `d` attribute of every path under elements with the given class. */
export function pathsOf(svg: Element, className: string): string[] {
  return Array.from(svg.querySelectorAll(`.${className} path`)).map((p) => p.getAttribute('d') ?? '');
}

/** How many separate runs a path draws: one per "M" (move-to) command. */
export function segments(d: string): number {
  return (d.match(/M/g) ?? []).length;
}

/** Path data of the mark with this class that draws the named series (its data-series). */
export function seriesPaths(svg: Element, className: string, series: string): string[] {
  const group = Array.from(svg.querySelectorAll(`.${className}`)).find((g) => g.getAttribute('data-series') === series);
  return group ? Array.from(group.querySelectorAll('path')).map((p) => p.getAttribute('d') ?? '') : [];
}
