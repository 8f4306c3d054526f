/**
 * The rows of a locality profile's "programme in this locality" table: running totals and stocks
 * where the release publishes them for the locality, and otherwise its flows over the longer
 * periods that end with the latest quarter. A measure the release does not publish for
 * localities is left out and named in `unpublished`, so the page says so in words rather than
 * showing a row of [x].
 */
import type { PlainRow } from '../data/plain-row.ts';
import { rowFlagged } from '../data/flagged-value.ts';
import type { Flagged } from '../tables/cells.ts';

// A type, not an interface, so that it is a table row (which needs an index signature).
export type CohortRow = {
  readonly measure: string;
  readonly value: Flagged;
};

export interface LocalityCohort {
  readonly rows: readonly CohortRow[];
  /** What the release publishes for the council as a whole only, in words. */
  readonly unpublished: readonly string[];
}

const FLOWS = [
  ['families_identified', 'Families identified'],
  ['families_attached', 'Families attached'],
  ['families_closed', 'Families whose case closed'],
] as const;

/** Period types in the order a reader goes from recent to whole. */
const SPANS = [
  ['financial_year_to_date', (label: string) => `in ${label}`],
  ['financial_year', (label: string) => `in ${label}`],
  ['rolling_year', (label: string) => `in the ${label}`],
  ['programme_to_date', (label: string) => `since the programme began (${label})`],
] as const;

/**
 * `stocks`: rows of indicatorLocalityCohort (attached to date, open, outcomes sustained);
 * `periods`: rows of localityPeriods, for one locality.
 */
export function localityCohort(stocks: readonly PlainRow[], periods: readonly PlainRow[]): LocalityCohort {
  const rows: CohortRow[] = [];
  const unpublished: string[] = [];
  const quarter = String(stocks.find((r) => typeof r.quarter === 'string')?.quarter ?? 'the latest quarter');
  const stock = (measure: string) => stocks.find((r) => r.measure === measure);
  const running = stock('families_attached_cumulative');
  const toDate = periods.some((r) => r.measure === 'families_attached' && r.period_type === 'programme_to_date');
  if (running) rows.push({ measure: `Families attached since the programme began, to the end of ${quarter}`, value: rowFlagged(running) });
  else if (!toDate) unpublished.push('the running total of families attached');
  for (const [measure, words] of FLOWS) {
    for (const [type, span] of SPANS) {
      // The running total, where published, already says what the programme-to-date flow would.
      if (running && measure === 'families_attached' && type === 'programme_to_date') continue;
      const row = periods.find((r) => r.measure === measure && r.period_type === type);
      if (row) rows.push({ measure: `${words} ${span(String(row.period))}`, value: rowFlagged(row) });
    }
  }
  for (const [measure, text, missing] of [
    ['families_open', `Families open at the end of ${quarter}`, 'open cases'],
    ['outcomes_sustained', 'Outcomes sustained since the programme began', 'outcomes'],
  ] as const) {
    const row = stock(measure);
    if (row) rows.push({ measure: text, value: rowFlagged(row) });
    else unpublished.push(missing);
  }
  return { rows, unpublished };
}
