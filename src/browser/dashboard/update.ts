/**
 * Redraws the dashboard for another quarter or locality in the browser: loads the published
 * tables into DuckDB-WASM, runs the same SQL as the build, builds the same model and writes it
 * into the elements the page marks with data attributes. Loaded only by ./enhance.ts, on demand.
 */
import { cellText } from '../../components/DataTable/cellText.ts';
import type { TableColumn, TableRow } from '../../components/DataTable/types.ts';
import { loadPublished, queryShared } from '../../lib/browser/published.ts';
import type { DashboardConfig } from '../../lib/dashboard/config.ts';
import { CHART_IDS, chartCsv, chartData, drawChart, type ChartData, type DashboardChartId } from '../../components/dashboard/dashboard-charts.ts';
import { buildDashboard, normaliseSelection, selectionParams, type DashboardModel } from '../../lib/dashboard/model.ts';
import { STATUS_LABELS } from '../../lib/format/status.ts';
import { splitSymbols, SYMBOL_MEANINGS } from '../../lib/format/symbols.ts';
import { dashboardSeries } from '../../lib/sql/dashboard-series.ts';
import type { UrlSelection } from './selection.ts';

export interface RenderedSelection {
  readonly quarter: string;
  readonly locality: string | null;
  readonly heading: string;
  readonly model: DashboardModel;
  readonly charts: readonly { id: DashboardChartId; svg: SVGSVGElement; data: ChartData; csv: string }[];
}

const ARROWS = { up: 'M8 2 14 10H10V14H6V10H2Z', down: 'M8 14 14 6H10V2H6V6H2Z', none: 'M2 6H14V10H2Z' } as const;

function readConfig(): DashboardConfig {
  const text = document.getElementById('dashboard-config')?.textContent;
  if (!text) throw new Error('the page is missing its dashboard settings');
  return JSON.parse(text) as DashboardConfig;
}

/** Everything computed before the page is touched, so a failure leaves the static view whole. */
export async function renderSelection(wanted: UrlSelection): Promise<RenderedSelection> {
  const config = readConfig();
  const selection = normaliseSelection(config, wanted.quarter, wanted.locality);
  await loadPublished(['programme', 'outcomes', 'claims', 'periods']);
  const rows = await queryShared(dashboardSeries, selectionParams(selection));
  const model = buildDashboard(rows, config, selection);
  const charts = CHART_IDS.map((id) => ({ id, svg: drawChart(id, model), data: chartData(id, model), csv: chartCsv(id, model) }));
  return { quarter: selection.quarter.label, locality: selection.locality, heading: model.heading, model, charts };
}

const csvUrls = new Map<DashboardChartId, string>();

export function applyToPage(result: RenderedSelection): void {
  const { model } = result;
  setText(document.querySelector('[data-dash="heading"]'), model.heading);
  setText(document.querySelector('[data-dash="what-changed"]'), model.whatChanged);

  for (const card of model.cards) {
    const li = document.querySelector(`[data-card="${card.id}"]`);
    if (!li) continue;
    const label = li.querySelector('.key-figure__label');
    setText(label?.querySelector('a') ?? label ?? null, card.label);
    setText(li.querySelector('.key-figure__value'), card.value);
    setText(li.querySelector('.key-figure__sub'), card.subText);
    setText(li.querySelector('.key-figure__change span'), card.change.text);
    li.querySelector('.key-figure__arrow path')?.setAttribute('d', ARROWS[card.change.direction]);
    const tag = li.querySelector<HTMLElement>('.tag');
    if (tag) {
      for (const c of [...tag.classList]) if (c.startsWith('tag--')) tag.classList.remove(c);
      tag.classList.add(`tag--${card.status}`);
      tag.dataset.status = card.status;
      const last = tag.lastChild;
      if (last && last.nodeType === Node.TEXT_NODE) last.textContent = STATUS_LABELS[card.status];
      else tag.append(STATUS_LABELS[card.status]);
    }
  }

  for (const chart of result.charts) {
    const root = document.querySelector(`[data-chart="${chart.id}"]`);
    if (!root) continue;
    const source = chart.id === 'attached-trend' ? model.attachedChart : model.openChart;
    root.querySelector('.figure__chart')?.replaceChildren(chart.svg);
    setText(root.querySelector('.figure__subtitle'), source.caption);
    setText(root.querySelector('.figure__summary'), source.summary);
    const table = root.querySelector('table');
    if (table) fillTable(table, chart.data.columns, chart.data.rows);
    const link = root.querySelector<HTMLAnchorElement>('.figure__download a');
    if (link) {
      const old = csvUrls.get(chart.id);
      if (old) URL.revokeObjectURL(old);
      const url = URL.createObjectURL(new Blob([chart.csv], { type: 'text/csv' }));
      csvUrls.set(chart.id, url);
      link.href = url;
      link.download = `${chart.id}-${result.quarter.replace(' ', '-')}${result.locality ? `-${result.locality}` : ''}.csv`;
    }
  }

  const localityTable = document.querySelector('[data-dash-table] table');
  if (localityTable) {
    setText(localityTable.querySelector('caption'), model.table.caption);
    fillTable(localityTable, model.table.columns, model.table.rows);
  }
}

function setText(element: Element | null, text: string): void {
  if (element) element.textContent = text;
}

/**
 * Rewrites a DataTable's body. New rows and cells are shallow clones of the built ones, so they
 * keep the component's classes and scoped-style attributes without repeating its template.
 */
function fillTable(table: Element, columns: readonly TableColumn[], rows: readonly TableRow[]): void {
  const body = table.querySelector('tbody');
  const templateRow = body?.querySelector('tr');
  if (!body || !templateRow) return;
  const templateCells = [...templateRow.children];
  const templateAbbr = table.querySelector('abbr');
  const fresh = rows.map((row) => {
    const tr = templateRow.cloneNode(false) as HTMLTableRowElement;
    columns.forEach((column, c) => {
      const cell = (templateCells[c] ?? templateCells[templateCells.length - 1])?.cloneNode(false) as HTMLElement | undefined;
      if (!cell) return;
      for (const part of splitSymbols(cellText(column, row))) {
        if (part.kind === 'text') cell.append(part.text);
        else {
          const abbr = (templateAbbr?.cloneNode(false) as HTMLElement | undefined) ?? document.createElement('abbr');
          abbr.title = SYMBOL_MEANINGS[part.symbol].description;
          abbr.textContent = part.symbol;
          cell.append(abbr);
        }
      }
      tr.append(cell);
    });
    return tr;
  });
  body.replaceChildren(...fresh);
}
