/**
 * `groupedBars`: a few measures side by side in each of a few groups (money by programme year:
 * up-front, results at 100% success, claimed, projected), as horizontal bars in one panel per
 * group. Every bar is named in text on its own axis and carries its value, so colour is never
 * the only cue; a suppressed or missing value draws no bar and shows its symbol ("[c]").
 * Use it for a handful of groups; for change over many periods use `lineTrend`.
 */
import * as Plot from '@observablehq/plot';
import { asSvg, finishSvg } from './accessible-svg.ts';
import { emptyChart } from './empty-chart.ts';
import { formatValue, type ChartUnit } from './format.ts';
import { plotFrame, FONT, chartDocument, chartId, textWidth, type ChartBaseOptions } from './options.ts';
import { GREYS, PALETTE } from './palette.ts';

const CHART = 'groupedBars';
const STEP = 26;
const GROUP_GAP = 34;
const LABEL_GAP = 6;

/** One bar: its group (panel), its measure within the group, and the value or the symbol. */
export interface GroupedBar {
  readonly group: string;
  readonly series: string;
  readonly value: number | null;
  /** GSS symbol shown when there is no value ("[c]", "[x]"); or a qualifier after it ("[e]"). */
  readonly flag: string | null;
}

export interface GroupedBarsOptions extends ChartBaseOptions {
  readonly unit: ChartUnit;
  readonly decimals?: number;
  /** Words for the measures, in the order they are drawn in every group. */
  readonly seriesLabels: Readonly<Record<string, string>>;
  /** What the groups are, for the description ("by programme year"). */
  readonly groupLabel: string;
}

export function groupedBars(data: readonly GroupedBar[], options: GroupedBarsOptions): SVGSVGElement {
  const document = chartDocument(CHART, options.document);
  const id = chartId(options);
  const width = options.width ?? 640;
  const series = Object.keys(options.seriesLabels);
  const groups = [...new Set(data.map((d) => d.group))];
  if (data.length === 0) return emptyChart(CHART, { document, id, title: options.title, width });
  for (const d of data) {
    if (!series.includes(d.series)) throw new Error(`${CHART}: series "${d.series}" has no entry in seriesLabels`);
    if (d.value !== null && !Number.isFinite(d.value)) throw new Error(`${CHART}: value of ${d.group} ${d.series} is not a finite number`);
  }
  const label = (key: string) => options.seriesLabels[key] ?? key;
  const valueText = (d: GroupedBar) => (d.value === null ? (d.flag ?? '[x]') : `${formatValue(d.value, options.unit, options.decimals)}${d.flag ? ` ${d.flag}` : ''}`);
  const drawn = data.filter((d) => d.value !== null);
  const missing = data.filter((d) => d.value === null);

  const labelWidth = Math.min(width * 0.45, Math.max(...series.map((s) => textWidth(label(s), FONT.label))));
  const marginLeft = Math.ceil(labelWidth) + 12;
  const marginRight = Math.ceil(Math.max(...data.map((d) => textWidth(valueText(d), FONT.label)))) + LABEL_GAP + 8;
  const max = Math.max(0, ...drawn.map((d) => d.value!));
  const height = options.height ?? groups.length * (series.length * STEP + GROUP_GAP) + 10;
  const fill = (d: GroupedBar) => PALETTE[series.indexOf(d.series) % PALETTE.length]!;

  const svg = Plot.plot({
    ...plotFrame(document, width, height),
    marginLeft,
    marginRight,
    marginTop: 28,
    marginBottom: 10,
    x: { type: 'linear', domain: [0, max || 1], axis: null },
    y: { type: 'band', domain: series, padding: 0.2 },
    fy: { domain: groups, padding: 0.15, axis: null },
    marks: [
      Plot.axisY({ tickSize: 0, tickPadding: 8, fontSize: FONT.label, label: null, lineWidth: labelWidth / FONT.label, tickFormat: label }),
      // Each panel's group named above it, at the left edge, in bold.
      Plot.text(groups, { fy: (g: string) => g, text: (g: string) => g, frameAnchor: 'top-left', dx: -marginLeft + 2, dy: -18, fontSize: FONT.label, fontWeight: 'bold', fill: GREYS.text, className: 'group-label' }),
      Plot.barX(drawn, { fy: 'group', y: 'series', x: 'value', fill, className: 'bar' }),
      Plot.ruleX([0], { stroke: GREYS.text }),
      Plot.text(drawn, {
        fy: 'group', y: 'series', x: 'value', text: valueText, dx: LABEL_GAP, textAnchor: 'start',
        fontSize: FONT.label, fill: GREYS.text, className: 'value-label',
      }),
      Plot.text(missing, {
        fy: 'group', y: 'series', x: () => 0, text: valueText, dx: LABEL_GAP, textAnchor: 'start',
        fontSize: FONT.label, fill: GREYS.secondaryText, className: 'missing-label',
      }),
    ],
  });
  return finishSvg(asSvg(svg, CHART), { id, title: options.title, description: options.description ?? describe(data, options, groups, series, valueText) });
}

function describe(data: readonly GroupedBar[], options: GroupedBarsOptions, groups: string[], series: string[], valueText: (d: GroupedBar) => string): string {
  const parts = groups.map((group) => {
    const items = series
      .map((s) => data.find((d) => d.group === group && d.series === s))
      .filter((d): d is GroupedBar => d !== undefined)
      .map((d) => `${options.seriesLabels[d.series] ?? d.series} ${valueText(d)}`);
    return `${group}: ${items.join(', ')}.`;
  });
  return `Bar chart ${options.groupLabel}. ${parts.join(' ')}`;
}
