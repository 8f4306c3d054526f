/**
 * The resources-by-need what-if in the browser. The page is rendered with the default weights;
 * this reads the weights from the URL (?population=&need=&demand=), and whenever the reader
 * changes one, recomputes every locality's share and gap with the same plain-TypeScript
 * functions the build used, rewrites the figures that depend on the weights (formula, chart,
 * table, summary) and records the weights in the URL so a reload or a shared link restores them.
 */
import { barCompare, type BarCompareOptions } from '../../charts/bar-compare.ts';
import { formatValue } from '../../lib/format/value.ts';
import { allocateByNeed, type AllocationInput } from '../../lib/resources/allocation.ts';
import { GAP_TABLE_COLUMNS, WEIGHTED_COLUMNS, formulaText, gapChartRows, gapSummary, type GapColumnKey } from '../../lib/resources/view.ts';
import { WEIGHT_KEYS, parseWeights, weightsEqual, weightsQuery, type Weights } from '../../lib/resources/weights.ts';

interface PageConfig {
  readonly inputs: readonly AllocationInput[];
  readonly names: Readonly<Record<string, string>>;
  readonly defaults: Weights;
  readonly demandAvailable: boolean;
  readonly chart: BarCompareOptions<{ area_code: string; value: number }>;
  readonly columns: readonly GapColumnKey[];
}

const config = JSON.parse(document.getElementById('resources-config')?.textContent ?? 'null') as PageConfig | null;
const form = document.getElementById('resources-weights') as HTMLFormElement | null;

/** Weights from a query string; demand stays 0 when the release has no year to measure it. */
function weightsFrom(search: string | URLSearchParams, cfg: PageConfig): Weights {
  const weights = parseWeights(search, cfg.defaults);
  return cfg.demandAvailable ? weights : { ...weights, demand: 0 };
}

function fromForm(form: HTMLFormElement, cfg: PageConfig): Weights {
  const params = new URLSearchParams();
  for (const key of WEIGHT_KEYS) {
    const input = form.elements.namedItem(key) as HTMLInputElement | null;
    if (input) params.set(key, input.value);
  }
  // A blank or out-of-range box keeps its default rather than breaking the figures.
  return weightsFrom(params, cfg);
}

function setForm(form: HTMLFormElement, weights: Weights): void {
  for (const key of WEIGHT_KEYS) {
    const input = form.elements.namedItem(key) as HTMLInputElement | null;
    if (input) input.value = String(weights[key]);
  }
}

function render(cfg: PageConfig, weights: Weights): void {
  const formula = document.getElementById('resources-formula');
  if (formula) formula.textContent = formulaText(weights);
  const allocations = allocateByNeed(cfg.inputs, weights);
  if (!allocations) return; // every weight 0: the formula line says so; the figures stay as they were
  const chart = document.getElementById(cfg.chart.id ?? '');
  if (chart) chart.replaceWith(barCompare(gapChartRows(allocations), cfg.chart));
  const summary = document.getElementById('resources-gap-summary');
  if (summary) summary.textContent = gapSummary(allocations, cfg.names);
  const body = document.querySelector('#resources-gap-table tbody');
  const rows = body ? Array.from(body.querySelectorAll('tr')) : [];
  allocations.forEach((a, i) => {
    const cells = rows[i]?.querySelectorAll('th, td');
    if (!cells) return;
    const values: Partial<Record<GapColumnKey, number>> = { share: a.resourceSharePercent, formulaFte: a.formulaFte, gap: a.gapFte };
    for (const key of WEIGHTED_COLUMNS) {
      const column = GAP_TABLE_COLUMNS.find((c) => c.key === key);
      const cell = cells[cfg.columns.indexOf(key)];
      if (!column || !cell || !('unit' in column)) continue;
      const options = 'decimals' in column ? { decimals: column.decimals } : {};
      cell.textContent = formatValue(values[key] ?? null, null, column.unit, options);
    }
  });
  document.body.dataset.resourcesWeights = weightsQuery(weights);
}

if (config && form) {
  const cfg = config;
  const nojs = document.getElementById('resources-nojs');
  if (nojs) nojs.textContent = 'The figures below change as you change a weight, and the address of the page keeps your weights.';
  const initial = weightsFrom(window.location.search, cfg);
  setForm(form, initial);
  if (!weightsEqual(initial, cfg.defaults)) render(cfg, initial);
  else document.body.dataset.resourcesWeights = weightsQuery(initial);
  const update = () => {
    const weights = fromForm(form, cfg);
    const url = new URL(window.location.href);
    url.search = weightsEqual(weights, cfg.defaults) ? '' : `?${weightsQuery(weights)}`;
    window.history.replaceState(null, '', url);
    render(cfg, weights);
  };
  form.addEventListener('input', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
}
