/**
 * `lineTrend`: one measure over financial quarters (or years) for up to four series, such as
 * the authority and its localities, or a locality against England. Use it for "how has this
 * changed"; with more than four series use `smallMultiples`, and for one area at one time
 * use `barCompare`.
 *
 * Series are named by direct labels at their last point (no legend), and differ by colour,
 * dash and marker symbol. A null value, or a period with no row, leaves a gap in the line:
 * the data model gives every series a point in every period and Plot breaks lines at null y,
 * so a suppressed quarter is never bridged. Isolated points between gaps always get a marker,
 * otherwise they would draw nothing.
 */
import * as Plot from '@observablehq/plot';
import { asSvg, finishSvg } from './accessible-svg.ts';
import { chartCanvas } from './chart-canvas.ts';
import { describeTrend } from './describe.ts';
import { emptyChart } from './empty-chart.ts';
import { formatTick, formatValue } from './format.ts';
import { spreadLabels } from './label-layout.ts';
import { FONT, plotFrame, textWidth, type ChartBaseOptions } from './options.ts';
import { GREYS, seriesStyles, type SeriesStyle } from './palette.ts';
import { lastDefined, periodTicks, trendExtent, trendModel, type TrendDataOptions, type TrendModel, type TrendPoint, type TrendSeries } from './trend-data.ts';
import { linearMap, valueDomain } from './value-scale.ts';

const CHART = 'lineTrend';

export interface LineTrendOptions<T> extends ChartBaseOptions, TrendDataOptions<T> {
  /** Series keys to emphasise; all others are drawn in grey. */
  readonly highlight?: string | readonly string[];
  /** Start the value axis at zero. Default true. */
  readonly zero?: boolean;
  /** Mark every point. Default: when there are 20 periods or fewer. */
  readonly markers?: boolean;
  /** Add the latest value to each direct label ("York 45.2%"). Default false. */
  readonly labelValues?: boolean;
  /** Text of the target line's label. Default "Target". */
  readonly targetLabel?: string;
}

interface EndLabel {
  readonly period: string;
  readonly value: number;
  readonly text: string;
  readonly colour: string;
  readonly bold: boolean;
}

const MARGIN = { top: 32, bottom: 36 } as const;
const LINE_HEIGHT = 1.25;
/** Point-scale padding: a little room either side of the first and last periods. */
const X_PADDING = 0.3;

export function lineTrend<T extends object>(data: readonly T[], options: LineTrendOptions<T>): SVGSVGElement {
  const canvas = chartCanvas(CHART, options, 640);
  const { document, id, width } = canvas;
  const height = options.height ?? 360;
  const model = trendModel(data, options, CHART);
  const extent = trendExtent(model);
  if (!extent || !model.series.some((s) => lastDefined(s) !== null)) {
    return emptyChart(CHART, canvas);
  }

  const highlight = typeof options.highlight === 'string' ? [options.highlight] : (options.highlight ?? []);
  const styles = seriesStyles(
    model.series.map((s) => s.key),
    { highlight },
  );
  const { unit, decimals } = model;
  const domain = valueDomain(extent, { zero: options.zero ?? true, unit });

  const labels = endLabels(model, styles, options);
  const labelWidth = Math.min(width * 0.3, Math.max(0, ...labels.map((l) => textWidth(l.text, FONT.label))));
  const marginRight = Math.max(16, Math.ceil(labelWidth) + 14);
  const marginLeft = Math.max(40, ...domain.map((v) => textWidth(formatTick(v, unit, decimals), FONT.tick) + 14));
  const range: [number, number] = [height - MARGIN.bottom, MARGIN.top];
  const placed = placeLabels(labels, linearMap(domain, range), labelWidth, range);

  const markers = options.markers ?? model.periods.length <= 20;
  // Grey series first, so emphasised lines are drawn on top of them.
  const drawOrder = [...model.series].sort((a, b) => Number(styleOf(styles, a).emphasised) - Number(styleOf(styles, b).emphasised));
  const plotWidth = width - marginLeft - marginRight;
  const tickCount = Math.max(2, Math.floor((range[0] - range[1]) / 50));
  // Labels at the latest period start past the plot's edge, clear of the target line.
  const lastPeriod = model.periods[model.periods.length - 1];
  const edgeGap = (X_PADDING * plotWidth) / (model.periods.length - 1 + 2 * X_PADDING);

  const marks: Plot.Markish[] = [
    Plot.gridY({ ticks: tickCount, stroke: GREYS.grid, strokeOpacity: 1 }),
    Plot.axisY({
      ticks: tickCount,
      tickSize: 0,
      tickFormat: (v: number) => formatTick(v, unit, decimals),
      label: model.yLabel,
      labelAnchor: 'top',
      labelArrow: 'none',
      fontSize: FONT.tick,
    }),
    Plot.axisX({ ticks: periodTicks(model.periods, plotWidth, FONT.tick), tickSize: 4, label: null, fontSize: FONT.tick }),
    domain[0] <= 0 && domain[1] >= 0 ? Plot.ruleY([0], { stroke: GREYS.text }) : null,
  ];
  if (model.hasInterval) {
    for (const s of drawOrder) {
      marks.push(
        Plot.areaY(s.points, { x: 'period', y1: 'lower', y2: 'upper', fill: styleOf(styles, s).colour, fillOpacity: 0.15, className: 'series-interval', ariaDescription: `${s.label} 95% confidence interval` }),
      );
    }
  }
  marks.push(...targetMarks(model));
  for (const s of drawOrder) {
    const style = styleOf(styles, s);
    marks.push(
      Plot.lineY(s.points, {
        x: 'period',
        y: 'value',
        stroke: style.colour,
        strokeWidth: style.strokeWidth,
        strokeDasharray: style.dash,
        className: 'series-line',
        ariaDescription: s.label,
      }),
      Plot.dot(markedPoints(s, markers), {
        x: 'period',
        y: 'value',
        symbol: style.symbol,
        fill: style.colour,
        stroke: GREYS.background,
        strokeWidth: 1,
        r: 4,
        className: 'series-points',
        ariaDescription: s.label,
      }),
    );
  }
  for (const label of placed) {
    marks.push(
      Plot.text([label], {
        x: 'period',
        y: 'y',
        text: 'text',
        textAnchor: 'start',
        lineAnchor: 'middle',
        dx: label.period === lastPeriod ? edgeGap + 6 : 8,
        lineWidth: labelWidth / FONT.label,
        fontSize: FONT.label,
        fontWeight: label.bold ? 'bold' : 'normal',
        fill: label.colour,
        stroke: GREYS.background,
        strokeWidth: 4,
        paintOrder: 'stroke',
        className: 'direct-label',
      }),
    );
  }

  const svg = Plot.plot({
    ...plotFrame(document, width, height),
    marginTop: MARGIN.top,
    marginBottom: MARGIN.bottom,
    marginLeft,
    marginRight,
    x: { type: 'point', domain: model.periods, padding: X_PADDING },
    y: { type: 'linear', domain, range, nice: false },
    marks,
  });
  return finishSvg(asSvg(svg, CHART), {
    id,
    title: options.title,
    description: options.description ?? describeTrend('Line chart', model),
  });
}

function styleOf(styles: Map<string, SeriesStyle>, series: TrendSeries): SeriesStyle {
  const style = styles.get(series.key);
  if (!style) throw new Error(`${CHART}: no style for series "${series.key}"`);
  return style;
}

/** Points that get a marker: all of them, or only the last and any isolated by gaps. */
function markedPoints(series: TrendSeries, all: boolean): TrendPoint[] {
  const points = series.points;
  const last = lastDefined(series);
  return points.filter((p, i) => {
    if (p.value === null) return false;
    if (all || p === last) return true;
    return (points[i - 1]?.value ?? null) === null && (points[i + 1]?.value ?? null) === null;
  });
}

function targetMarks(model: TrendModel): Plot.Markish[] {
  const target = model.target;
  if (!target) return [];
  const style = { stroke: GREYS.text, strokeWidth: 1.5, strokeDasharray: '6 4', className: 'target' };
  const values = target.filter((t): t is number => t !== null);
  if (values.length > 0 && values.every((t) => t === values[0])) return [Plot.ruleY([values[0]], style)];
  return [Plot.lineY(model.periods.map((period, i) => ({ period, value: target[i] ?? null })), { x: 'period', y: 'value', ...style })];
}

function endLabels<T>(model: TrendModel, styles: Map<string, SeriesStyle>, options: LineTrendOptions<T>): EndLabel[] {
  const labels: EndLabel[] = [];
  for (const s of model.series) {
    const last = lastDefined(s);
    if (!last || last.value === null) continue;
    const style = styleOf(styles, s);
    const text = options.labelValues ? `${s.label} ${formatValue(last.value, model.unit, model.decimals)}` : s.label;
    labels.push({ period: last.period, value: last.value, text, colour: style.labelColour, bold: style.emphasised && (options.highlight ?? []).length > 0 });
  }
  if (model.target) {
    for (let i = model.periods.length - 1; i >= 0; i--) {
      const value = model.target[i];
      const period = model.periods[i];
      if (value === null || value === undefined || period === undefined) continue;
      labels.push({ period, value, text: options.targetLabel ?? 'Target', colour: GREYS.text, bold: false });
      break;
    }
  }
  return labels;
}

/**
 * Nudges labels that end at the same period apart, returning their y in data units. Labels may
 * rise into the top margin but stop just below the baseline, clear of the period labels.
 */
function placeLabels(
  labels: readonly EndLabel[],
  y: ReturnType<typeof linearMap>,
  labelWidth: number,
  range: readonly [number, number],
): (EndLabel & { y: number })[] {
  const byPeriod = new Map<string, EndLabel[]>();
  for (const label of labels) byPeriod.set(label.period, [...(byPeriod.get(label.period) ?? []), label]);
  const placed: (EndLabel & { y: number })[] = [];
  for (const group of byPeriod.values()) {
    const boxes = group.map((l) => ({
      y: y.apply(l.value),
      height: Math.max(1, Math.ceil(textWidth(l.text, FONT.label) / Math.max(1, labelWidth))) * FONT.label * LINE_HEIGHT,
    }));
    const centres = spreadLabels(boxes, 0, range[0] + 4);
    group.forEach((label, i) => placed.push({ ...label, y: y.invert(centres[i] ?? y.apply(label.value)) }));
  }
  return placed;
}
