/**
 * `rankDots`: every authority's value for one indicator and period as a dot, in rank order
 * (best on the left), with the council and its statistical neighbours marked. Roles are shown by
 * shape and size as well as colour (council: a large labelled diamond; neighbours: triangles;
 * every other authority: a small grey circle); pages print RANK_DOT_KEY beside the chart and the
 * description names the council's rank, so nothing relies on colour. An
 * optional dashed rule marks a benchmark such as England. Authorities without a value have no
 * rank and are counted in the description instead.
 */
import * as Plot from '@observablehq/plot';
import { asSvg, finishSvg } from './accessible-svg.ts';
import { emptyChart } from './empty-chart.ts';
import { formatTick, formatValue, type ChartUnit } from './format.ts';
import { plotFrame, FONT, chartDocument, chartId, type ChartBaseOptions } from './options.ts';
import { GREYS, PALETTE } from './palette.ts';

const CHART = 'rankDots';

export type RankRole = 'council' | 'neighbour' | 'other';

export interface RankDot {
  readonly name: string;
  readonly value: number | null;
  readonly rank: number | null;
  readonly role: RankRole;
}

export interface RankDotsOptions extends ChartBaseOptions {
  readonly unit: ChartUnit;
  readonly decimals?: number;
  /** Value axis label, e.g. "Re-referrals (%)". */
  readonly valueLabel: string;
  /** A benchmark drawn as a dashed horizontal rule with its name. */
  readonly benchmark?: { readonly value: number; readonly label: string };
}

const ROLE_STYLE: Record<RankRole, { symbol: string; r: number; fill: string; stroke: string }> = {
  other: { symbol: 'circle', r: 2.5, fill: GREYS.reference, stroke: 'none' },
  neighbour: { symbol: 'triangle', r: 5, fill: PALETTE[1], stroke: GREYS.text },
  council: { symbol: 'diamond', r: 8, fill: PALETTE[0], stroke: GREYS.text },
};
/** The key a page prints beside the chart: shape first, so colour is never the only cue. */
export const RANK_DOT_KEY: Readonly<Record<RankRole, string>> = {
  council: 'large blue diamond, labelled',
  neighbour: 'green triangles',
  other: 'small grey circles',
};

export function rankDots(data: readonly RankDot[], options: RankDotsOptions): SVGSVGElement {
  const document = chartDocument(CHART, options.document);
  const id = chartId(options);
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const ranked = data.filter((d): d is RankDot & { value: number; rank: number } => d.value !== null && d.rank !== null);
  if (ranked.length === 0) return emptyChart(CHART, { document, id, title: options.title, width, height });
  // Draw others first so the council and neighbours sit on top; the order of x is the rank.
  const order: RankRole[] = ['other', 'neighbour', 'council'];
  const positioned = ranked.map((d, i) => ({ ...d, position: i + 1 }));
  positioned.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  positioned.forEach((d, i) => (d.position = i + 1));
  const council = positioned.find((d) => d.role === 'council');
  const marks: Plot.Markish[] = [
    Plot.gridY({ stroke: GREYS.grid, strokeOpacity: 1 }),
    Plot.axisY({ label: options.valueLabel, tickFormat: (v: number) => formatTick(v, options.unit, options.decimals) }),
    Plot.axisX({ label: 'Rank (1 = first)', ticks: [1, ...[25, 50, 75, 100, 125, 150].filter((t) => t <= positioned.length)] }),
  ];
  if (options.benchmark) {
    marks.push(
      Plot.ruleY([options.benchmark.value], { stroke: GREYS.text, strokeDasharray: '6 4', className: 'benchmark-line' }),
      Plot.text([options.benchmark], { y: 'value', frameAnchor: 'right', dy: -8, text: (b: { label: string; value: number }) => `${b.label} ${formatValue(b.value, options.unit, options.decimals)}`, fontSize: FONT.tick, fill: GREYS.text, textAnchor: 'end', className: 'benchmark-label' }),
    );
  }
  for (const role of order) {
    const style = ROLE_STYLE[role];
    marks.push(Plot.dot(positioned.filter((d) => d.role === role), { x: 'position', y: 'value', symbol: style.symbol, r: style.r, fill: style.fill, stroke: style.stroke, strokeWidth: 1, className: `rank-${role}` }));
  }
  if (council) {
    marks.push(
      Plot.text([council], { x: 'position', y: 'value', text: (d: RankDot) => `${d.name}: ${formatValue(d.value as number, options.unit, options.decimals)}, rank ${d.rank}`, dy: -16, fontSize: FONT.label, fontWeight: 'bold', fill: GREYS.text, stroke: GREYS.background, strokeWidth: 4, paintOrder: 'stroke', textAnchor: council.position > positioned.length / 2 ? 'end' : 'start', className: 'council-label' }),
    );
  }
  const svg = Plot.plot({
    ...plotFrame(document, width, height),
    marginTop: 28,
    marginLeft: 56,
    marginBottom: 40,
    x: { type: 'linear', domain: [0, positioned.length + 1], axis: null },
    y: { type: 'linear', nice: true, axis: null },
    marks,
  });
  return finishSvg(asSvg(svg, CHART), { id, title: options.title, description: options.description ?? describeRankDots(data, options) });
}

export function describeRankDots(data: readonly RankDot[], options: Pick<RankDotsOptions, 'unit' | 'decimals' | 'valueLabel' | 'benchmark'>): string {
  const ranked = data.filter((d) => d.value !== null && d.rank !== null);
  const missing = data.length - ranked.length;
  const council = ranked.find((d) => d.role === 'council');
  const neighbours = ranked.filter((d) => d.role === 'neighbour');
  const parts = [`Dot plot of ${options.valueLabel} for ${ranked.length} authorities in rank order.`];
  if (council) parts.push(`${council.name} ranks ${council.rank} of ${ranked.length} with ${formatValue(council.value as number, options.unit, options.decimals)}.`);
  if (neighbours.length > 0) {
    const ranks = neighbours.map((d) => d.rank as number);
    parts.push(`Its ${neighbours.length} statistical neighbours with a value rank from ${Math.min(...ranks)} to ${Math.max(...ranks)}.`);
  }
  if (options.benchmark) parts.push(`${options.benchmark.label}: ${formatValue(options.benchmark.value, options.unit, options.decimals)}.`);
  if (missing > 0) parts.push(`${missing} authorit${missing === 1 ? 'y has' : 'ies have'} no published value and no rank.`);
  return parts.join(' ');
}
