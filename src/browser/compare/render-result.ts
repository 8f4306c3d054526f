/**
 * Draws the compare tool's answer: what was read, a table of the selection, a chart of the first
 * indicator, and the CSV download (a Blob URL of exactly the selected rows).
 */
import type { CompareSelection } from '../../lib/indicators/compare-selection.ts';
import type { SelectionRow } from '../../lib/indicators/selection-csv.ts';
import type { CompareResult } from './run-compare.ts';
import { formatValue } from '../../lib/format/value.ts';
import { isGssFlag } from '../../lib/format/symbols.ts';
import type { Unit } from '../../lib/reference/schema.ts';

export interface CatalogueEntry {
  readonly code: string;
  readonly title: string;
  readonly unit: Unit;
  readonly decimals: number;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('en-GB')} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
}

export function cell(tag: 'td' | 'th', text: string, numeric = false): HTMLElement {
  const element = document.createElement(tag);
  element.className = tag === 'th' ? 'table__header' : `table__cell${numeric ? ' table__cell--numeric' : ''}`;
  if (tag === 'th') element.setAttribute('scope', 'row');
  element.textContent = text;
  return element;
}

export function renderResult(
  result: CompareResult,
  selection: CompareSelection,
  catalogue: readonly CatalogueEntry[],
  areaNames: Readonly<Record<string, string>>,
): void {
  const status = document.getElementById('compare-status');
  if (status) {
    status.textContent = `Read ${result.rowsRead.toLocaleString('en-GB')} rows (${formatBytes(result.bytesFetched)}) from indicators.parquet; ${result.rows.length.toLocaleString('en-GB')} rows match your choice.`;
    status.dataset.rows = String(result.rows.length);
    status.dataset.bytes = String(result.bytesFetched);
    status.dataset.queryMs = result.queryMs.toFixed(0);
    status.dataset.fileBytes = String(result.fileBytes);
    // Counts answers, so a test or benchmark can wait for this one rather than an earlier one.
    status.dataset.run = String(Number(status.dataset.run ?? '0') + 1);
  }
  const byCode = new Map(catalogue.map((c) => [c.code, c]));
  const body = document.getElementById('compare-table-body');
  if (body) {
    body.replaceChildren(
      ...result.rows.map((row) => {
        const entry = byCode.get(String(row.indicator_code));
        const flag = typeof row.flag === 'string' && isGssFlag(row.flag) ? row.flag : null;
        const show = (v: string | number | null) =>
          formatValue(typeof v === 'number' ? v : null, flag, entry?.unit ?? 'value', { decimals: entry?.decimals ?? 1 });
        const tr = document.createElement('tr');
        tr.append(
          cell('th', entry?.title ?? String(row.indicator_code)),
          cell('td', areaNames[String(row.area_code)] ?? String(row.area_code)),
          cell('td', String(row.period)),
          cell('td', show(row.value), true),
          cell('td', show(row.ci_lower), true),
          cell('td', show(row.ci_upper), true),
        );
        return tr;
      }),
    );
  }
  const csv = document.getElementById('compare-download-csv') as HTMLAnchorElement | null;
  if (csv) {
    if (csv.href.startsWith('blob:')) URL.revokeObjectURL(csv.href);
    csv.href = URL.createObjectURL(new Blob([result.csv], { type: 'text/csv;charset=utf-8' }));
    csv.hidden = false;
  }
  void drawChart(result.rows, selection, byCode, areaNames);
}

async function drawChart(
  rows: readonly SelectionRow[],
  selection: CompareSelection,
  byCode: ReadonlyMap<string, CatalogueEntry>,
  areaNames: Readonly<Record<string, string>>,
): Promise<void> {
  const holder = document.getElementById('compare-chart');
  if (!holder) return;
  const code = selection.indicators[0]!;
  const entry = byCode.get(code);
  const chartRows = rows.filter((r) => r.indicator_code === code).map((r) => ({ ...r }));
  const options = {
    id: 'compare-chart-svg',
    title: `${entry?.title ?? code} by area`,
    x: 'period',
    series: 'area_code',
    seriesLabels: areaNames,
    unit: entry?.unit ?? 'value',
    decimals: entry?.decimals ?? 1,
    yLabel: entry?.title ?? code,
  } as const;
  const { lineTrend } = await import('../../charts/line-trend.ts');
  const { smallMultiples } = await import('../../charts/small-multiples.ts');
  const svg = selection.areas.length <= 4 ? lineTrend(chartRows, options) : smallMultiples(chartRows, options);
  const caption = document.getElementById('compare-chart-caption');
  if (caption) caption.textContent = `${entry?.title ?? code}, ${selection.from} to ${selection.to}. The table below holds every selected indicator.`;
  holder.replaceChildren(svg);
}
