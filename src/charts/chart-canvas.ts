/**
 * What every chart settles before it draws anything: the document to draw in, its id, its
 * title and its width. The same four are what `emptyChart` needs, so a chart with nothing to
 * show passes its canvas straight on.
 */
import { chartDocument, chartId, type ChartBaseOptions } from './options.ts';

export interface ChartCanvas {
  readonly document: Document;
  readonly id: string;
  readonly title: string;
  readonly width: number;
}

/** Resolves the document first, so a missing one is the error a reader sees before any other. */
export function chartCanvas(chart: string, options: ChartBaseOptions, defaultWidth: number): ChartCanvas {
  const document = chartDocument(chart, options.document);
  return { document, id: chartId(options), title: options.title, width: options.width ?? defaultWidth };
}
