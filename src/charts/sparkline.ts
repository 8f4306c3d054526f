/**
 * `sparkline`: a tiny trend line for a headline card, beside the figure it explains. No axes,
 * no labels; the latest point is marked. It shows shape only, so the card must state the
 * value in text; the accessible name (`title`) says what the line is, and the generated
 * description gives the first and latest values.
 */
import * as Plot from '@observablehq/plot';
import { asSvg, finishSvg } from './accessible-svg.ts';
import { chartCanvas } from './chart-canvas.ts';
import { describeTrend } from './describe.ts';
import { emptyChart } from './empty-chart.ts';
import { plotFrame, type ChartBaseOptions } from './options.ts';
import { PALETTE } from './palette.ts';
import { lastDefined, trendExtent, trendModel, type TrendDataOptions, type TrendPoint } from './trend-data.ts';
import { valueDomain } from './value-scale.ts';

const CHART = 'sparkline';

/** One series: the rows' x and y fields only (no series, interval or target). */
export interface SparklineOptions<T> extends ChartBaseOptions, Pick<TrendDataOptions<T>, 'x' | 'y' | 'flag' | 'periods' | 'yLabel' | 'xLabel' | 'unit' | 'decimals'> {
  /** Start the value scale at zero. Default false: a sparkline shows the shape of change. */
  readonly zero?: boolean;
}

export function sparkline<T extends object>(data: readonly T[], options: SparklineOptions<T>): SVGSVGElement {
  const canvas = chartCanvas(CHART, options, 120);
  const { document, id, width } = canvas;
  const height = options.height ?? 32;
  const model = trendModel(data, { ...options, series: null }, CHART);
  const series = model.series[0];
  const last = series ? lastDefined(series) : null;
  const extent = trendExtent(model);
  if (!series || !last || !extent) return emptyChart(CHART, { ...canvas, height, message: 'No data' });

  const isolated = series.points.filter(
    (p, i) => p.value !== null && p !== last && (series.points[i - 1]?.value ?? null) === null && (series.points[i + 1]?.value ?? null) === null,
  );
  const svg = Plot.plot({
    ...plotFrame(document, width, height),
    margin: 5,
    axis: null,
    x: { type: 'point', domain: model.periods },
    y: { type: 'linear', domain: valueDomain(extent, { zero: options.zero ?? false, unit: model.unit }), nice: false },
    marks: [
      Plot.lineY(series.points, { x: 'period', y: 'value', stroke: PALETTE[0], strokeWidth: 2, className: 'series-line' }),
      Plot.dot([...isolated, last] satisfies TrendPoint[], { x: 'period', y: 'value', r: 3, fill: PALETTE[0], className: 'series-points' }),
    ],
  });
  return finishSvg(asSvg(svg, CHART), {
    id,
    title: options.title,
    description: options.description ?? describeTrend('Sparkline', model),
  });
}
