/**
 * The last step of every chart: turns what Plot returns into the root SVG the site ships.
 * Runs in the browser as well as at build time, so redrawn charts are as accessible as the
 * pre-rendered ones.
 *
 * - role="img" with <title> and <desc> referenced by aria-labelledby / aria-describedby
 *   (better supported than Plot's aria-description);
 * - fonts inherit from the page;
 * - Plot numbers clip paths, markers and patterns from module-wide counters ("plot-clip-7"),
 *   so the ids depend on how many charts were drawn before. They are renamed after the
 *   chart's own id, which makes output deterministic and unique on the page.
 */
import { FONT } from './options.ts';

export interface FinishOptions {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const PLOT_ID = /^plot-(clip|marker|pattern)-\d+$/;
const REFERENCING_ATTRIBUTES = ['clip-path', 'marker-start', 'marker-mid', 'marker-end', 'fill', 'stroke', 'mask', 'href', 'xlink:href'];

/** Checks that Plot returned a bare SVG (charts always pass figure: false). */
export function asSvg(node: Element, chart: string): SVGSVGElement {
  if (node.tagName.toLowerCase() !== 'svg') throw new Error(`${chart}: Plot returned <${node.tagName.toLowerCase()}>, expected <svg>`);
  return node as SVGSVGElement;
}

export function finishSvg(svg: SVGSVGElement, options: FinishOptions): SVGSVGElement {
  const document = svg.ownerDocument;
  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;

  svg.setAttribute('id', options.id);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', titleId);
  svg.setAttribute('aria-describedby', descId);
  // Plot names its mark groups ("line", "dot") with aria-label on plain <g> elements, which ARIA
  // prohibits (axe: aria-prohibited-attr). The whole chart is one image named by its <title> and
  // described by its <desc>, so neither it nor its marks need names of their own.
  // A mark's series name stays available to scripts and tests as data-series.
  for (const el of [svg, ...svg.querySelectorAll('[aria-label], [aria-description]')]) {
    const series = el.getAttribute('aria-description');
    if (series !== null && el !== svg) el.setAttribute('data-series', series);
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  svg.setAttribute('font-family', 'inherit');
  svg.setAttribute('font-size', String(FONT.tick));

  const title = document.createElementNS(SVG_NS, 'title');
  title.setAttribute('id', titleId);
  title.textContent = options.title;
  const desc = document.createElementNS(SVG_NS, 'desc');
  desc.setAttribute('id', descId);
  desc.textContent = options.description;
  // <title> must be the first child to name the element.
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, desc);

  scopeIds(svg, options.id);
  return svg;
}

function scopeIds(svg: SVGSVGElement, prefix: string): void {
  const renamed = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const element of Array.from(svg.querySelectorAll('[id]'))) {
    const id = element.getAttribute('id') ?? '';
    const kind = PLOT_ID.exec(id)?.[1];
    if (!kind) continue;
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    const scoped = `${prefix}-${kind}-${n}`;
    renamed.set(id, scoped);
    element.setAttribute('id', scoped);
  }
  if (renamed.size === 0) return;
  for (const element of Array.from(svg.querySelectorAll('*'))) {
    for (const name of REFERENCING_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (!value || !value.includes('#')) continue;
      const updated = value.replace(/#(plot-(?:clip|marker|pattern)-\d+)/g, (match, old: string) => {
        const scoped = renamed.get(old);
        return scoped ? `#${scoped}` : match;
      });
      if (updated !== value) element.setAttribute(name, updated);
    }
  }
}
