/**
 * The compare page in the browser. Small on purpose: it restores the form from the URL and, on
 * the reader's choice (or a deep link), imports the engine (DuckDB-WASM, hyparquet, Plot). The
 * choice lives in the URL (pushState), so the back button returns to earlier choices.
 */
import { setStatus, sourceUrl } from '../shared/range-read.ts';
import { compareSelectionQuery, parseCompareSelection, type CompareOptions, type CompareSelection } from '../../lib/indicators/compare-selection.ts';
import { renderResult, type CatalogueEntry } from './render-result.ts';

interface PageConfig extends CompareOptions {
  readonly catalogue: readonly CatalogueEntry[];
  readonly areaNames: Readonly<Record<string, string>>;
  readonly defaultSrc: string;
}

/** Codes that are safe as list parameters (no commas or quotes), for a ?src= file. */
const SAFE_CODE = /^[A-Za-z0-9_]{1,24}$/;

function config(): PageConfig {
  const element = document.getElementById('compare-config');
  const cfg = JSON.parse(element?.textContent ?? '{}') as PageConfig;
  // A benchmark file (?src=) holds codes the form does not list: accept any safe code then.
  return new URLSearchParams(window.location.search).has('src') ? { ...cfg, codePattern: SAFE_CODE } : cfg;
}

/** The Parquet to query: the published file, or (for the benchmark) a same-origin ?src= path. */

function restoreForm(form: HTMLFormElement, selection: CompareSelection | null): void {
  if (!selection) return;
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name="indicator"]')) box.checked = selection.indicators.includes(box.value);
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name="area"]')) box.checked = selection.areas.includes(box.value);
  const from = form.elements.namedItem('from') as HTMLSelectElement | null;
  const to = form.elements.namedItem('to') as HTMLSelectElement | null;
  if (from) from.value = selection.from;
  if (to) to.value = selection.to;
}

const status = (text: string) => setStatus('compare-status', text);

async function show(selection: CompareSelection, cfg: PageConfig): Promise<void> {
  status('Loading the compare tool and the data…');
  try {
    const { runCompare } = await import('./run-compare.ts');
    const { selectionParquet } = await import('../../lib/indicators/selection-parquet.ts');
    const result = await runCompare(sourceUrl(cfg.defaultSrc), selection);
    renderResult(result, selection, cfg.catalogue, cfg.areaNames);
    const parquet = selectionParquet(result.rows);
    const link = document.getElementById('compare-download-parquet') as HTMLAnchorElement | null;
    if (link) {
      if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
      link.href = URL.createObjectURL(new Blob([parquet.slice().buffer as ArrayBuffer], { type: 'application/vnd.apache.parquet' }));
      link.hidden = false;
    }
  } catch (error) {
    status(`The comparison could not be made: ${error instanceof Error ? error.message : String(error)}. The data files are on the open data page.`);
  }
}

function selectionFromForm(form: HTMLFormElement, cfg: PageConfig): CompareSelection | null {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (typeof value === 'string') params.append(key, value);
  return parseCompareSelection(params, cfg);
}

function start(): void {
  const form = document.getElementById('compare-form') as HTMLFormElement | null;
  if (!form) return;
  const cfg = config();
  document.getElementById('compare-nojs')?.setAttribute('hidden', '');
  document.getElementById('compare-output')?.removeAttribute('hidden');
  const fromUrl = () => parseCompareSelection(new URLSearchParams(window.location.search), cfg);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const selection = selectionFromForm(form, cfg);
    if (!selection) {
      status('Choose at least one indicator and one area.');
      return;
    }
    const src = new URLSearchParams(window.location.search).get('src');
    const query = compareSelectionQuery(selection) + (src ? `&src=${encodeURIComponent(src)}` : '');
    history.pushState(null, '', `?${query}`);
    void show(selection, cfg);
  });

  window.addEventListener('popstate', () => {
    const selection = fromUrl();
    restoreForm(form, selection);
    if (selection) void show(selection, cfg);
  });

  // A deep link (a shared or bookmarked comparison) is the reader's choice: show it at once.
  const initial = fromUrl();
  restoreForm(form, initial);
  if (initial) void show(initial, cfg);
}

start();
