/**
 * Progressive enhancement of the dashboard: the pickers redraw the page in place instead of
 * reloading it, and the URL keeps the state. Nothing heavy loads until the reader changes
 * something (or opens a permalink): then ./update.ts, DuckDB-WASM and the Parquet files are
 * fetched once, and the static view stays if any of that fails.
 */
import { readSelection, sameSelection, selectionSearch, type UrlSelection } from './selection.ts';

type Updater = typeof import('./update.ts');

const status = document.querySelector<HTMLElement>('[data-dash-status]');
const quarterForm = document.querySelector<HTMLFormElement>('form[data-quarter-picker]');
const localityForm = document.querySelector<HTMLFormElement>('form[data-locality-filter]');
const quarterSelect = quarterForm?.querySelector<HTMLSelectElement>('select[name="quarter"]') ?? null;
const localitySelect = localityForm?.querySelector<HTMLSelectElement>('select[name="locality"]') ?? null;
const heading = document.querySelector<HTMLElement>('[data-dash="heading"]');

if (status && quarterForm && localityForm && quarterSelect && localitySelect && heading) {
  const staticQuarter = quarterSelect.value;
  const staticView: UrlSelection = { quarter: staticQuarter, locality: null };
  let shown: UrlSelection = staticView;
  let updater: Promise<Updater> | null = null;
  let engineReady = false;
  let pending = 0;

  heading.dataset.quarter = staticQuarter;
  heading.dataset.locality = '';

  const syncControls = (selection: UrlSelection) => {
    quarterSelect.value = selection.quarter ?? staticQuarter;
    localitySelect.value = selection.locality ?? '';
    const hiddenQuarter = localityForm.querySelector<HTMLInputElement>('input[name="quarter"]');
    if (hiddenQuarter) hiddenQuarter.value = selection.quarter ?? staticQuarter;
  };

  const show = async (wanted: UrlSelection, push: boolean) => {
    const selection: UrlSelection = { quarter: wanted.quarter ?? staticQuarter, locality: wanted.locality };
    if (push) history.pushState(null, '', `${location.pathname}${selectionSearch(selection, staticQuarter)}`);
    syncControls(selection);
    if (sameSelection(selection, shown)) return;
    const ticket = ++pending;
    status.textContent = engineReady ? 'Updating the figures…' : 'Loading the data engine…';
    try {
      updater ??= import('./update.ts');
      const module = await updater;
      const result = await module.renderSelection(selection);
      engineReady = true;
      // A later choice may have finished first; only the latest one may write the page.
      if (ticket !== pending) return;
      module.applyToPage(result);
      shown = { quarter: result.quarter, locality: result.locality };
      heading.dataset.quarter = result.quarter;
      heading.dataset.locality = result.locality ?? '';
      status.textContent = `Showing ${result.heading}.`;
    } catch (error) {
      updater = null;
      const reason = error instanceof Error ? error.message : String(error);
      status.textContent =
        `The figures could not be updated in your browser (${reason}). ` +
        `The page still shows ${staticQuarter} for the whole council; reload the page to try again.`;
      syncControls(shown);
    }
  };

  quarterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void show({ quarter: quarterSelect.value, locality: localitySelect.value || null }, true);
  });
  localityForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void show({ quarter: quarterSelect.value, locality: localitySelect.value || null }, true);
  });
  window.addEventListener('popstate', () => void show(readSelection(location.search), false));

  const fromUrl = readSelection(location.search);
  if (!sameSelection({ quarter: fromUrl.quarter ?? staticQuarter, locality: fromUrl.locality }, staticView)) void show(fromUrl, false);
}
