/**
 * `smallMultiples`: one small line chart per area, on a shared value scale, with a reference
 * series (usually the authority) repeated in every panel as a dashed grey line. Use it when
 * there are too many areas for one `lineTrend` (more than four), or when each area's shape
 * matters more than reading exact values.
 *
 * Panels are Plot facets in a grid (fx = column, fy = row), so the whole figure is one SVG.
 * The reference line's mark has no facet channels, which makes Plot repeat it in each panel.
 * Gaps work as in `lineTrend`: every series has a point for every period, null where missing.
 */
import * as Plot from '@observablehq/plot';
import { asSvg, finishSvg } from './accessible-svg.ts';
import { chartCanvas } from './chart-canvas.ts';
import { describeTrend } from './describe.ts';
import { emptyChart } from './empty-chart.ts';
import { formatTick } from './format.ts';
import { FONT, plotFrame, textWidth, type ChartBaseOptions } from './options.ts';
import { GREYS, PALETTE } from './palette.ts';
import { lastDefined, periodTicks, trendExtent, trendModel, type TrendDataOptions, type TrendPoint, type TrendSeries } from './trend-data.ts';
import { valueDomain } from './value-scale.ts';

const CHART = 'smallMultiples';

export interface SmallMultiplesOptions<T> extends ChartBaseOptions, TrendDataOptions<T> {
  /** Series key drawn in every panel as a dashed grey reference line, such as the authority. */
  readonly reference?: string;
  /** Panels per row. Default 3 (fewer when there are fewer panels). */
  readonly columns?: number;
  /** Height of each panel's plotting area in px. Default 120. */
  readonly panelHeight?: number;
  /** Start the shared value axis at zero. Default true. */
  readonly zero?: boolean;
}

interface PanelPoint extends TrendPoint {
  readonly col: number;
  readonly row: number;
}

const GAP = { x: 24, y: 34 } as const;
const MARGIN = { bottom: 30 } as const;

export function smallMultiples<T extends object>(data: readonly T[], options: SmallMultiplesOptions<T>): SVGSVGElement {
  const canvas = chartCanvas(CHART, options, 640);
  const { document, id, width } = canvas;
  const model = trendModel(data, options, CHART);
  const reference = options.reference === undefined ? undefined : model.series.find((s) => s.key === options.reference);
  const panels = model.series.filter((s) => s !== reference);
  const extent = trendExtent(model);
  if (!extent || panels.length === 0) return emptyChart(CHART, canvas);

  const { unit, decimals } = model;
  const columns = Math.max(1, Math.min(options.columns ?? 3, panels.length));
  const rows = Math.ceil(panels.length / columns);
  const panelHeight = options.panelHeight ?? 120;
  const domain = valueDomain(extent, { zero: options.zero ?? true, unit });
  const marginLeft = Math.max(36, ...domain.map((v) => textWidth(formatTick(v, unit, decimals), FONT.tick) + 12));
  const marginTop = reference ? 52 : 28;
  const height = options.height ?? marginTop + MARGIN.bottom + rows * (panelHeight + GAP.y) - GAP.y;
  // The latest period's tick label is centred on the last point: leave room for its right half.
  const marginRight = Math.max(12, textWidth(model.periods[model.periods.length - 1] ?? '', FONT.tick) / 2 - 8);
  const plotWidth = width - marginLeft - marginRight;
  const panelWidth = (plotWidth + GAP.x) / columns - GAP.x;
  const panelStep = { x: panelWidth + GAP.x, y: (height - marginTop - MARGIN.bottom + GAP.y) / rows };

  const place = (i: number) => ({ col: i % columns, row: Math.floor(i / columns) });
  const points: PanelPoint[] = panels.flatMap((s, i) => s.points.map((p) => ({ ...p, ...place(i) })));
  const titles = panels.map((s, i) => ({ label: s.label, ...place(i) }));
  const lastPoints = panels.flatMap((s, i) => {
    const last = lastDefined(s);
    return last ? [{ ...last, ...place(i) }] : [];
  });
  const isolated = panels.flatMap((s, i) => isolatedPoints(s).map((p) => ({ ...p, ...place(i) })));
  const emptyPanels = panels.flatMap((s, i) => (lastDefined(s) ? [] : [{ ...place(i) }]));
  const tickCount = Math.max(2, Math.floor(panelHeight / 45));

  const marks: Plot.Markish[] = [
    Plot.gridY({ ticks: tickCount, stroke: GREYS.grid, strokeOpacity: 1 }),
    Plot.axisY({ ticks: tickCount, tickSize: 0, tickFormat: (v: number) => formatTick(v, unit, decimals), label: null, fontSize: FONT.tick }),
    Plot.axisX({ ticks: periodTicks(model.periods, panelWidth, FONT.tick), tickSize: 4, label: null, fontSize: FONT.tick }),
    domain[0] <= 0 && domain[1] >= 0 ? Plot.ruleY([0], { stroke: GREYS.text }) : null,
  ];
  if (reference) {
    marks.push(
      Plot.lineY(reference.points, { x: 'period', y: 'value', stroke: GREYS.reference, strokeWidth: 1.5, strokeDasharray: '6 3', className: 'reference-line' }),
      Plot.text([`Dashed grey line in each panel: ${reference.label}`], {
        frameAnchor: 'top-left',
        lineAnchor: 'bottom',
        textAnchor: 'start',
        dx: -marginLeft + 4,
        dy: -30,
        fontSize: FONT.label,
        fill: GREYS.text,
        facet: 'super',
        className: 'reference-key',
      }),
    );
  }
  marks.push(
    Plot.lineY(points, { x: 'period', y: 'value', fx: 'col', fy: 'row', stroke: PALETTE[0], strokeWidth: 2, className: 'series-line' }),
    Plot.dot([...lastPoints, ...isolated], { x: 'period', y: 'value', fx: 'col', fy: 'row', r: 3.5, fill: PALETTE[0], className: 'series-points' }),
    Plot.text(titles, {
      fx: 'col',
      fy: 'row',
      text: 'label',
      frameAnchor: 'top-left',
      lineAnchor: 'bottom',
      textAnchor: 'start',
      dy: -8,
      fontSize: FONT.label,
      fontWeight: 'bold',
      fill: GREYS.text,
      lineWidth: panelWidth / FONT.label,
      textOverflow: 'ellipsis',
      className: 'panel-title',
    }),
  );
  if (emptyPanels.length > 0) {
    marks.push(Plot.text(emptyPanels, { fx: 'col', fy: 'row', text: () => 'No published values', frameAnchor: 'middle', fontSize: FONT.tick, fill: GREYS.secondaryText, className: 'panel-empty' }));
  }

  const svg = Plot.plot({
    ...plotFrame(document, width, height),
    marginTop,
    marginBottom: MARGIN.bottom,
    marginLeft,
    marginRight,
    fx: { domain: range(columns), paddingInner: GAP.x / panelStep.x, paddingOuter: 0, axis: null },
    fy: { domain: range(rows), paddingInner: GAP.y / panelStep.y, paddingOuter: 0, axis: null },
    x: { type: 'point', domain: model.periods, padding: 0.3 },
    y: { type: 'linear', domain, nice: false },
    marks,
  });
  const summary = describeTrend('Small multiple line charts', model, panels);
  return finishSvg(asSvg(svg, CHART), {
    id,
    title: options.title,
    description: options.description ?? (reference ? `${summary} Each panel also shows ${reference.label} as a dashed grey line.` : summary),
  });
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Points with no neighbour on either side: a line alone would not show them. */
function isolatedPoints(series: TrendSeries): TrendPoint[] {
  const last = lastDefined(series);
  return series.points.filter(
    (p, i) => p.value !== null && p !== last && (series.points[i - 1]?.value ?? null) === null && (series.points[i + 1]?.value ?? null) === null,
  );
}
