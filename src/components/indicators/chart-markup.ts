/**
 * A chart's SVG markup for a page. The chart is one image named by its <title> and <desc>; Plot
 * also puts aria-label on inner groups ("rule", "area"), which axe reports as prohibited on
 * elements without a role, and which say nothing a reader needs. They are removed here.
 */
import { renderToString } from '../../charts/render.ts';

export function chartMarkup(svg: Element): string {
  for (const element of Array.from(svg.querySelectorAll('[aria-label]'))) element.removeAttribute('aria-label');
  return renderToString(svg);
}
