/**
 * What a chart draws when there is nothing to draw: the reason in words, never a blank
 * space. Used when a filter (quarter, locality) leaves no published values.
 */
import * as Plot from '@observablehq/plot';
import { asSvg, finishSvg } from './accessible-svg.ts';
import { CHART_CLASS, FONT } from './options.ts';
import { GREYS } from './palette.ts';

export const NO_DATA_MESSAGE = 'No published values to show for this selection.';

export interface EmptyChartOptions {
  readonly document: Document;
  readonly id: string;
  readonly title: string;
  readonly width: number;
  /** Default 64: room for one line of text. */
  readonly height?: number;
  readonly message?: string;
}

export function emptyChart(chart: string, options: EmptyChartOptions): SVGSVGElement {
  const message = options.message ?? NO_DATA_MESSAGE;
  const svg = Plot.plot({
    document: options.document,
    className: CHART_CLASS,
    figure: false,
    width: options.width,
    height: options.height ?? 64,
    margin: 0,
    marks: [Plot.text([message], { frameAnchor: 'middle', fontSize: FONT.label, fill: GREYS.text })],
  });
  return finishSvg(asSvg(svg, chart), { id: options.id, title: options.title, description: message });
}
