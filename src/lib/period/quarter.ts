/**
 * Financial-year quarters, the unit every table in this project is keyed by.
 * UK public-sector years run April to March, so Q1 is April-June and "2013-14 Q2" is
 * July-September 2013. Labels are the canonical key in data; dates are ISO `yyyy-mm-dd`.
 */

export interface FinancialQuarter {
  /** Calendar year in which the financial year starts (2013 for 2013-14). */
  readonly startYear: number;
  /** 1 = April-June ... 4 = January-March. */
  readonly quarter: 1 | 2 | 3 | 4;
}

/**
 * A quarter with every form the code needs, made once where a label enters (a URL, the release's
 * extract period) and carried through to the SQL: its label keys the published rows, its first
 * day is the queries' parameter.
 */
export interface Quarter extends FinancialQuarter {
  /** "2013-14 Q2" */
  readonly label: string;
  /** First day, ISO: "2013-07-01". */
  readonly start: string;
  /** Last day, ISO: "2013-09-30". */
  readonly end: string;
}

export function toQuarter(q: FinancialQuarter): Quarter {
  return { startYear: q.startYear, quarter: q.quarter, label: quarterLabel(q), start: quarterStart(q), end: quarterEnd(q) };
}

/** A quarter from its label ("2013-14 Q2"); null when the text is not one. */
export function readQuarter(label: string): Quarter | null {
  const q = parseQuarter(label);
  return q ? toQuarter(q) : null;
}

const LABEL = /^(\d{4})-(\d{2}) Q([1-4])$/;
const YEAR_LABEL = /^(\d{4})-(\d{2})$/;

/** "2013-14" for the financial year starting in April 2013. */
export function financialYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** Parses "2013-14"; returns the start year or null when the label is not a financial year. */
export function parseFinancialYear(label: string): number | null {
  const m = YEAR_LABEL.exec(label);
  if (!m) return null;
  const start = Number(m[1]);
  return Number(m[2]) === (start + 1) % 100 ? start : null;
}

export function quarterLabel(q: FinancialQuarter): string {
  return `${financialYearLabel(q.startYear)} Q${q.quarter}`;
}

/** Parses "2013-14 Q2"; null when the text is not a well-formed quarter label. */
export function parseQuarter(label: string): FinancialQuarter | null {
  const m = LABEL.exec(label);
  if (!m) return null;
  const startYear = Number(m[1]);
  if (Number(m[2]) !== (startYear + 1) % 100) return null;
  return { startYear, quarter: Number(m[3]) as 1 | 2 | 3 | 4 };
}

/** The quarter containing an ISO date (yyyy-mm-dd). */
export function quarterOfDate(iso: string): FinancialQuarter {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const startYear = month >= 4 ? year : year - 1;
  const quarter = (Math.floor(((month + 8) % 12) / 3) + 1) as 1 | 2 | 3 | 4;
  return { startYear, quarter };
}

/** First day of the quarter as an ISO date. */
export function quarterStart(q: FinancialQuarter): string {
  const month = 4 + (q.quarter - 1) * 3;
  const year = month > 12 ? q.startYear + 1 : q.startYear;
  return `${year}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-01`;
}

/** Last day of the quarter as an ISO date. */
export function quarterEnd(q: FinancialQuarter): string {
  const next = addQuarters(q, 1);
  const d = new Date(`${quarterStart(next)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function addQuarters(q: FinancialQuarter, n: number): FinancialQuarter {
  const index = quarterIndex(q) + n;
  return { startYear: Math.floor(index / 4), quarter: ((index % 4) + 1) as 1 | 2 | 3 | 4 };
}

/** A monotone integer for ordering and differencing quarters. */
export function quarterIndex(q: FinancialQuarter): number {
  return q.startYear * 4 + (q.quarter - 1);
}

/** Every quarter from `first` to `last` inclusive. */
export function quarterRange(first: FinancialQuarter, last: FinancialQuarter): FinancialQuarter[] {
  const out: FinancialQuarter[] = [];
  for (let i = quarterIndex(first); i <= quarterIndex(last); i++) {
    out.push({ startYear: Math.floor(i / 4), quarter: ((i % 4) + 1) as 1 | 2 | 3 | 4 });
  }
  return out;
}

/** The latest quarter that has fully ended on or before an ISO date. */
export function latestCompleteQuarter(isoToday: string): FinancialQuarter {
  return addQuarters(quarterOfDate(isoToday), -1);
}

/** "July to September 2013": how a quarter reads in prose. */
export function quarterMonths(q: FinancialQuarter): string {
  const start = new Date(`${quarterStart(q)}T00:00:00Z`);
  const end = new Date(`${quarterEnd(q)}T00:00:00Z`);
  const month = (d: Date) => d.toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `${month(start)} to ${month(end)} ${end.getUTCFullYear()}`;
}
