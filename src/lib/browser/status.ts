/**
 * Words for the page's live region while an interactive view loads. Every page is complete
 * without JavaScript (the default view is rendered at build time), so a failure says which
 * figures the reader is still looking at rather than leaving an empty chart.
 */

export const LOADING_MESSAGE = 'Loading the data engine…';

export function failureMessage(reason: string, quarter: string): string {
  // The reason is embedded mid-sentence: drop its own full stop to avoid "..".
  const trimmed = reason.trim().replace(/[.\s]+$/, '') || 'an unknown error';
  return `Couldn't load the interactive view: ${trimmed}. The figures shown are for ${quarter}.`;
}

/** A short, readable reason from whatever was thrown. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return 'an unknown error';
}

export interface LiveStatus {
  loading(): void;
  /** Announce success; an empty message clears the region. */
  ready(message?: string): void;
  failed(error: unknown): void;
}

/**
 * Drive a live region. The element is made a polite `role="status"` region unless the page
 * already chose its politeness; `busy` (e.g. the figure being replaced) gets aria-busy while
 * loading so assistive technology waits for the new content.
 */
export function liveStatus(region: HTMLElement, options: { quarter: string; busy?: HTMLElement }): LiveStatus {
  if (!region.hasAttribute('role')) region.setAttribute('role', 'status');
  if (!region.hasAttribute('aria-live')) region.setAttribute('aria-live', 'polite');
  const setBusy = (busy: boolean): void => {
    if (!options.busy) return;
    if (busy) options.busy.setAttribute('aria-busy', 'true');
    else options.busy.removeAttribute('aria-busy');
  };
  return {
    loading() {
      setBusy(true);
      region.textContent = LOADING_MESSAGE;
    },
    ready(message = '') {
      setBusy(false);
      region.textContent = message;
    },
    failed(error) {
      setBusy(false);
      region.textContent = failureMessage(reasonOf(error), options.quarter);
    },
  };
}
