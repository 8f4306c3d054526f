/**
 * The national explorer in the browser. Small on purpose: it restores the form from the URL and,
 * on the reader's choice (or a deep link), imports the engine (DuckDB-WASM and hyparquet). The
 * choice lives in the URL (pushState), so the back button returns to earlier choices. The static
 * table stays until an answer replaces it.
 */
import { setStatus, sourceUrl } from '../shared/range-read.ts';
import { explorerQuery, parseExplorerChoice, type ExplorerChoice, type ExplorerConfig } from '../../lib/benchmarking/explorer.ts';

function config(): ExplorerConfig {
  return JSON.parse(document.getElementById('explorer-config')?.textContent ?? '{}') as ExplorerConfig;
}

/** The Parquet to read: the site's file, or (for the benchmark) a same-origin ?src= path. */

/** With ?src= (the benchmark's national-scale file) any indicator and period code is accepted. */
function choiceFrom(params: URLSearchParams, cfg: ExplorerConfig): ExplorerChoice {
  if (params.has('src') && params.get('indicator') && params.get('period')) {
    return { indicator: params.get('indicator') ?? '', period: params.get('period') ?? '', filter: parseExplorerChoice(params, cfg).filter };
  }
  return parseExplorerChoice(params, cfg);
}

function setPeriods(form: HTMLFormElement, cfg: ExplorerConfig, indicator: string, period: string): void {
  const select = form.elements.namedItem('period') as HTMLSelectElement | null;
  if (!select) return;
  const periods = cfg.indicators.find((i) => i.code === indicator)?.periods ?? [];
  select.replaceChildren(...periods.map((p) => new Option(p, p, false, p === period)));
  if (periods.includes(period)) select.value = period;
}

function restoreForm(form: HTMLFormElement, cfg: ExplorerConfig, choice: ExplorerChoice): void {
  const indicator = form.elements.namedItem('indicator') as HTMLSelectElement | null;
  const filter = form.elements.namedItem('filter') as HTMLSelectElement | null;
  if (indicator && cfg.indicators.some((i) => i.code === choice.indicator)) indicator.value = choice.indicator;
  setPeriods(form, cfg, indicator?.value ?? choice.indicator, choice.period);
  if (filter) filter.value = choice.filter;
}

const status = (text: string) => setStatus('explorer-status', text);

async function show(choice: ExplorerChoice, cfg: ExplorerConfig): Promise<void> {
  status('Loading the explorer and the data…');
  try {
    const { runExplorer, renderExplorer } = await import('./run-explorer.ts');
    const result = await runExplorer(sourceUrl(cfg.src), choice, cfg);
    renderExplorer(result, choice, cfg);
  } catch (error) {
    status(`The ranking could not be made: ${error instanceof Error ? error.message : String(error)}. Every figure is in national.parquet.`);
  }
}

function start(): void {
  const form = document.getElementById('explorer-form') as HTMLFormElement | null;
  if (!form) return;
  const cfg = config();
  document.getElementById('explorer-nojs')?.setAttribute('hidden', '');
  const fromUrl = () => choiceFrom(new URLSearchParams(window.location.search), cfg);

  (form.elements.namedItem('indicator') as HTMLSelectElement | null)?.addEventListener('change', (event) => {
    const indicator = (event.target as HTMLSelectElement).value;
    setPeriods(form, cfg, indicator, cfg.indicators.find((i) => i.code === indicator)?.periods.at(-1) ?? '');
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === 'string') params.append(key, value);
    const choice = parseExplorerChoice(params, cfg);
    const src = new URLSearchParams(window.location.search).get('src');
    history.pushState(null, '', `?${explorerQuery(choice)}${src ? `&src=${encodeURIComponent(src)}` : ''}`);
    void show(choice, cfg);
  });

  window.addEventListener('popstate', () => {
    const choice = fromUrl();
    restoreForm(form, cfg, choice);
    void show(choice, cfg);
  });

  // A deep link is the reader's choice: answer it at once. Without one, the default view rendered
  // at build time (and its CSV) stands, and DuckDB-WASM is not loaded until a choice is made.
  const initial = fromUrl();
  restoreForm(form, cfg, initial);
  if (new URLSearchParams(window.location.search).has('indicator')) void show(initial, cfg);
}

start();
