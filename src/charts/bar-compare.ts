/**
 * `barCompare`: one measure for several areas at one time (localities and the authority in a
 * quarter), as horizontal bars sorted by value. Use it for "which areas are highest or lowest"
 * and for comparisons with a benchmark; for change over time use `lineTrend`.
 *
 * Every bar carries its value as text, so there is no value axis. A suppressed or missing
 * value draws no bar and shows its GSS symbol ("[c]") where the bar would start. Comparisons
 * with a benchmark appear as a symbol and a word in a column at the right, never by colour.
 */
import * as Plot from '@observablehq/plot';
import { asSvg, finishSvg } from './accessible-svg.ts';
import { barModel, type BarDataOptions, type BarModel, type BarRow, type Comparison } from './bar-data.ts';
import { chartCanvas } from './chart-canvas.ts';
import { emptyChart } from './empty-chart.ts';
import { formatValue } from './format.ts';
import { FONT, plotFrame, textWidth, type ChartBaseOptions } from './options.ts';
import { GREYS, PALETTE } from './palette.ts';

const CHART = 'barCompare';

export interface BarCompareOptions<T> extends ChartBaseOptions, BarDataOptions<T> {
  /** Area keys to emphasise; every other bar is drawn in grey. */
  readonly highlight?: string | readonly string[];
  /** The period shown, for the generated description ("in 2014-15 Q4"). */
  readonly period?: string;
}

/** Marker and fill for each comparison: shape and fill differ, and the word is always drawn. */
const COMPARISON_MARKS: Record<Comparison, { symbol: string; fill: string } | null> = {
  better: { symbol: 'circle', fill: PALETTE[0] },
  similar: { symbol: 'circle', fill: GREYS.background },
  worse: { symbol: 'diamond', fill: PALETTE[2] },
  higher: { symbol: 'square', fill: PALETTE[0] },
  lower: { symbol: 'square', fill: GREYS.background },
  not_compared: null,
};

const STEP = 34;
const LABEL_GAP = 6;

export function barCompare<T extends object>(data: readonly T[], options: BarCompareOptions<T>): SVGSVGElement {
  const canvas = chartCanvas(CHART, options, 640);
  const { document, id, width } = canvas;
  const model = barModel(data, options, CHART);
  if (model.rows.length === 0) return emptyChart(CHART, canvas);

  const { unit, decimals } = model;
  const highlight = typeof options.highlight === 'string' ? [options.highlight] : (options.highlight ?? []);
  const fillOf = (row: BarRow) => (highlight.length === 0 || highlight.includes(row.key) ? PALETTE[0] : GREYS.reference);
  const valueText = (row: BarRow) => (row.value === null ? row.symbol : formatValue(row.value, unit, decimals));
  const wordOf = (row: BarRow) => (row.comparison ? model.comparisonLabels[row.comparison] : '');

  const marginTop = model.benchmark ? 30 : 10;
  const marginBottom = model.target ? 30 : 10;
  const height = options.height ?? marginTop + marginBottom + model.rows.length * STEP;
  const areaWidth = Math.min(width * 0.4, Math.max(...model.rows.map((r) => textWidth(r.label, FONT.label))));
  const marginLeft = Math.ceil(areaWidth) + 12;
  const marginRight = model.hasComparison ? Math.max(...model.rows.map((r) => textWidth(wordOf(r), FONT.label))) + 40 : 12;
  const plotWidth = width - marginLeft - marginRight;
  const labelRoom = Math.max(...model.rows.map((r) => textWidth(valueText(r), FONT.label))) + LABEL_GAP + 4;
  const domain = valueDomain(model, plotWidth, labelRoom);

  const end = (row: BarRow) => (row.value === null ? 0 : row.value >= 0 ? Math.max(row.value, row.upper ?? row.value) : Math.min(row.value, row.lower ?? row.value));
  const drawn = model.rows.filter((r) => r.value !== null);
  const missing = model.rows.filter((r) => r.value === null);
  const withInterval = drawn.filter((r) => r.lower !== null && r.upper !== null);

  const marks: Plot.Markish[] = [
    Plot.axisY({ tickSize: 0, tickPadding: 8, fontSize: FONT.label, label: null, lineWidth: areaWidth / FONT.label, tickFormat: (key: string) => labelOf(model, key) }),
    Plot.barX(drawn, { y: 'key', x: 'value', fill: fillOf, className: 'bar' }),
    Plot.ruleX([0], { stroke: GREYS.text }),
  ];
  if (withInterval.length > 0) {
    // A white casing keeps the dark whiskers visible where they cross a dark bar.
    for (const [stroke, strokeWidth] of [
      [GREYS.background, 4],
      [GREYS.text, 1.5],
    ] as const) {
      const style = { y: 'key', stroke, strokeWidth, className: 'interval' };
      marks.push(
        Plot.ruleY(withInterval, { ...style, x1: 'lower', x2: 'upper' }),
        Plot.tickX(withInterval, { ...style, x: 'lower', inset: 9 }),
        Plot.tickX(withInterval, { ...style, x: 'upper', inset: 9 }),
      );
    }
  }
  marks.push(...referenceMarks(model, unit, decimals));
  for (const [rows, sign] of [
    [drawn.filter((r) => (r.value ?? 0) >= 0), 1],
    [drawn.filter((r) => (r.value ?? 0) < 0), -1],
  ] as const) {
    if (rows.length === 0) continue;
    marks.push(
      Plot.text(rows, {
        y: 'key',
        x: end,
        text: valueText,
        dx: sign * LABEL_GAP,
        textAnchor: sign > 0 ? 'start' : 'end',
        fontSize: FONT.label,
        fill: GREYS.text,
        stroke: GREYS.background,
        strokeWidth: 4,
        paintOrder: 'stroke',
        className: 'value-label',
      }),
    );
  }
  if (missing.length > 0) {
    marks.push(
      Plot.text(missing, { y: 'key', x: () => 0, text: 'symbol', dx: LABEL_GAP, textAnchor: 'start', fontSize: FONT.label, fill: GREYS.secondaryText, className: 'missing-label' }),
    );
  }
  if (model.hasComparison) marks.push(...comparisonMarks(model, wordOf));

  const svg = Plot.plot({
    ...plotFrame(document, width, height),
    marginTop,
    marginBottom,
    marginLeft,
    marginRight,
    x: { type: 'linear', domain, nice: false, axis: null },
    y: { type: 'band', domain: model.rows.map((r) => r.key), padding: 0.25 },
    marks,
  });
  return finishSvg(asSvg(svg, CHART), {
    id,
    title: options.title,
    description: options.description ?? describeBars(model, options.period, options.sort),
  });
}

function labelOf(model: BarModel, key: string): string {
  return model.rows.find((r) => r.key === key)?.label ?? key;
}

/**
 * A domain wide enough that the value label after the longest bar stays inside the plot:
 * the bars may use plotWidth - labelRoom pixels, so the domain is stretched by that ratio.
 */
function valueDomain(model: BarModel, plotWidth: number, labelRoom: number): [number, number] {
  const values = model.rows.flatMap((r) => [r.value, r.lower, r.upper]).filter((v): v is number => v !== null);
  for (const reference of [model.benchmark, model.target]) if (reference) values.push(reference.value);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const span = hi - lo || 1;
  const usable = Math.max(plotWidth * 0.5, plotWidth - labelRoom * (lo < 0 ? 2 : 1));
  const stretch = (span * plotWidth) / usable - span;
  return [lo < 0 ? lo - stretch / 2 : lo, hi > 0 || lo === 0 ? hi + (lo < 0 ? stretch / 2 : stretch) : hi];
}

function referenceMarks(model: BarModel, unit: BarModel['unit'], decimals: number | undefined): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  const line = (reference: { value: number; label: string }, dash: string, anchor: 'top' | 'bottom', className: string) => [
    Plot.ruleX([reference], { x: 'value', stroke: GREYS.text, strokeWidth: 1.5, strokeDasharray: dash, className }),
    Plot.text([reference], {
      x: 'value',
      text: (r: { value: number; label: string }) => `${r.label}: ${formatValue(r.value, unit, decimals)}`,
      frameAnchor: anchor,
      lineAnchor: anchor === 'top' ? 'bottom' : 'top',
      dy: anchor === 'top' ? -6 : 6,
      fontSize: FONT.label,
      fill: GREYS.text,
      className: `${className}-label`,
    }),
  ];
  if (model.benchmark) marks.push(...line(model.benchmark, '4 3', 'top', 'benchmark'));
  if (model.target) marks.push(...line(model.target, '8 4', 'bottom', 'target'));
  return marks;
}

function comparisonMarks(model: BarModel, wordOf: (row: BarRow) => string): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  for (const [comparison, style] of Object.entries(COMPARISON_MARKS)) {
    const rows = model.rows.filter((r) => r.comparison === comparison);
    if (!style || rows.length === 0) continue;
    marks.push(
      Plot.dot(rows, { y: 'key', frameAnchor: 'right', dx: 16, r: 5, symbol: style.symbol, fill: style.fill, stroke: GREYS.text, strokeWidth: 1.5, className: 'comparison-symbol' }),
    );
  }
  marks.push(
    Plot.text(
      model.rows.filter((r) => r.comparison !== null),
      { y: 'key', text: wordOf, frameAnchor: 'right', textAnchor: 'start', dx: 28, fontSize: FONT.label, fill: GREYS.text, className: 'comparison-label' },
    ),
  );
  return marks;
}

function describeBars(model: BarModel, period: string | undefined, sort: BarCompareOptions<object>['sort']): string {
  const when = period ? ` in ${period}` : '';
  const parts = [`Bar chart of ${model.valueLabel} by area${when}, ${orderWord(sort)}.`];
  const items = model.rows.map((row) => {
    const value = row.value === null ? `${row.symbol} (${symbolMeaning(row.symbol)})` : formatValue(row.value, model.unit, model.decimals);
    const comparison = row.comparison && row.comparison !== 'not_compared' ? `, ${model.comparisonLabels[row.comparison].toLowerCase()}` : '';
    return `${row.label} ${value}${comparison}`;
  });
  parts.push(`${items.join('; ')}.`);
  for (const reference of [model.benchmark, model.target]) {
    if (reference) parts.push(`${reference.label}: ${formatValue(reference.value, model.unit, model.decimals)}.`);
  }
  return parts.join(' ');
}

function orderWord(sort: BarCompareOptions<object>['sort']): string {
  if (sort === 'none') return 'in the order given';
  return sort === 'ascending' ? 'lowest first' : 'highest first';
}

function symbolMeaning(symbol: string): string {
  if (symbol === '[c]') return 'suppressed';
  if (symbol === '[z]') return 'not applicable';
  return 'not available';
}
