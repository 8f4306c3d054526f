import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { LOADING_MESSAGE, failureMessage, liveStatus, reasonOf } from './status.ts';

function page(html: string): Document {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

describe('failureMessage', () => {
  it('names the reason and the quarter the static figures show', () => {
    expect(failureMessage('fetch failed 404', '2013-14 Q2')).toBe(
      "Couldn't load the interactive view: fetch failed 404. The figures shown are for 2013-14 Q2.",
    );
  });

  it('does not double the full stop of a reason that has one', () => {
    expect(failureMessage('Out of memory. ', '2024-25 Q4')).toBe(
      "Couldn't load the interactive view: Out of memory. The figures shown are for 2024-25 Q4.",
    );
  });

  it('still reads as a sentence with an empty reason', () => {
    expect(failureMessage('', '2024-25 Q4')).toBe(
      "Couldn't load the interactive view: an unknown error. The figures shown are for 2024-25 Q4.",
    );
  });
});

describe('reasonOf', () => {
  it('takes the message of an Error, a string as it is, and nothing from anything else', () => {
    expect(reasonOf(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
    expect(reasonOf('worker crashed')).toBe('worker crashed');
    expect(reasonOf({ code: 1 })).toBe('an unknown error');
  });
});

describe('liveStatus', () => {
  it('makes the element a polite status region and announces each step', () => {
    const document = page('<p id="status"></p><figure id="chart"></figure>');
    const region = document.getElementById('status') as unknown as HTMLElement;
    const chart = document.getElementById('chart') as unknown as HTMLElement;
    const status = liveStatus(region, { quarter: '2013-14 Q2', busy: chart });
    expect(region.getAttribute('role')).toBe('status');
    expect(region.getAttribute('aria-live')).toBe('polite');

    status.loading();
    expect(region.textContent).toBe(LOADING_MESSAGE);
    expect(chart.getAttribute('aria-busy')).toBe('true');

    status.failed(new Error('fetch failed 404'));
    expect(region.textContent).toBe(failureMessage('fetch failed 404', '2013-14 Q2'));
    expect(chart.hasAttribute('aria-busy')).toBe(false);

    status.ready('Showing 2014-15 Q1.');
    expect(region.textContent).toBe('Showing 2014-15 Q1.');
    status.ready();
    expect(region.textContent).toBe('');
  });

  it("keeps a region's own politeness", () => {
    const document = page('<div id="status" role="alert" aria-live="assertive"></div>');
    const region = document.getElementById('status') as unknown as HTMLElement;
    liveStatus(region, { quarter: '2013-14 Q2' });
    expect(region.getAttribute('role')).toBe('alert');
    expect(region.getAttribute('aria-live')).toBe('assertive');
  });
});
