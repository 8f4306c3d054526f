/**
 * Other authorities' published figures, as a council downloads them (LG Inform, Fingertips, the
 * national programme's results tables): every authority's indicator values, and the national
 * programme's families attached and results claimed by authority at each claim date.
 *
 * Checked like every extract: each problem is a DataIssue naming the file, line and column, what
 * is wrong and how to fix it. Pure (text in, rows and issues out) so the pipeline's check, the
 * site build and the tests share it.
 */
import type { DataIssue } from '../issues/data-issue.ts';
import type { Comparators } from '../reference/comparators.ts';
import { parseCsv } from '../encoding/csv.ts';
import type { IndicatorCatalogue, Indicator } from '../reference/schema.ts';
import { indicatorValue } from '../stats/indicator-value.ts';

export const NATIONAL_FILES = { indicators: 'national_indicators.csv', results: 'national_results.csv' } as const;

/** The national-scale generator's shape, by authority. */
export const NATIONAL_INDICATOR_COLUMNS = ['indicator_code', 'authority_code', 'period', 'numerator', 'denominator', 'value'] as const;
/** Cumulative to the claim date, as the national programme published them. */
export const NATIONAL_RESULT_COLUMNS = ['authority_code', 'claim_date', 'families_attached', 'results_claimed'] as const;

/**
 * The national programme's phase 1 claim dates (fictional, on the pattern of the Troubled
 * Families results tables, which reported at each claim window's close).
 */
export const NATIONAL_CLAIM_DATES = ['2013-07-31', '2013-10-31', '2014-02-28', '2014-05-31', '2014-08-31', '2014-11-30', '2015-02-28', '2015-05-31'] as const;

export interface NationalIndicatorRow {
  readonly indicator_code: string;
  readonly authority_code: string;
  readonly period: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** As published, or formed from numerator and denominator when the file leaves it blank. */
  readonly value: number | null;
}

export interface NationalResultRow {
  readonly authority_code: string;
  readonly claim_date: string;
  readonly families_attached: number;
  readonly results_claimed: number;
}

export interface Parsed<T> {
  readonly rows: T[];
  readonly issues: DataIssue[];
}

type Column<C extends readonly string[]> = C[number];

/** Header and field-count checks shared by both files; yields each record as a name -> text map. */
function records<C extends readonly string[]>(file: string, text: string, columns: C, issues: DataIssue[]): { line: number; field: (name: Column<C>) => string; col: (name: Column<C>) => number }[] {
  const all = parseCsv(text);
  const head = all[0];
  const issue = (line: number, column: number, name: string | null, code: string, message: string, fix: string) =>
    issues.push({ file, line, column, column_name: name, code, severity: 'error', message, fix });
  if (!head || head.fields.every((f) => f.trim() === '')) {
    issue(0, 0, null, 'empty_file', `${file} is empty.`, `Add the header line: ${columns.join(',')}`);
    return [];
  }
  const header = head.fields.map((f) => f.trim().toLowerCase());
  let ok = true;
  for (const name of columns) {
    if (!header.includes(name)) {
      ok = false;
      issue(head.line, 0, name, 'missing_column', `The header has no "${name}" column.`, `The header must be: ${columns.join(',')}`);
    }
  }
  header.forEach((name, i) => {
    if (!columns.includes(name)) issue(head.line, i + 1, name, 'unknown_column', `Column ${i + 1} "${name}" is not a column of ${file}.`, `The header must be: ${columns.join(',')}`);
  });
  if (!ok) return [];
  const out: { line: number; field: (name: Column<C>) => string; col: (name: Column<C>) => number }[] = [];
  for (const record of all.slice(1)) {
    if (record.fields.every((f) => f.trim() === '')) continue;
    if (record.fields.length !== header.length) {
      issue(record.line, 0, null, 'wrong_field_count', `Line ${record.line} has ${record.fields.length} fields but the header has ${header.length}.`, 'Give every line one value per header column, separated by commas.');
      continue;
    }
    out.push({ line: record.line, field: (name) => (record.fields[header.indexOf(name)] ?? '').trim(), col: (name) => header.indexOf(name) + 1 });
  }
  return out;
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const PERIOD = { annual: /^\d{4}-\d{2}$/, quarterly: /^\d{4}-\d{2} Q[1-4]$/ } as const;

/** Parses and checks national_indicators.csv against the catalogue and the list of authorities. */
export function parseNationalIndicators(text: string, catalogue: IndicatorCatalogue, comparators: Comparators): Parsed<NationalIndicatorRow> {
  const file = NATIONAL_FILES.indicators;
  const issues: DataIssue[] = [];
  const indicators = new Map<string, Indicator>(catalogue.indicators.map((i) => [i.code, i]));
  const authorities = new Set(comparators.authorities.map((a) => a.code));
  const seen = new Map<string, number>();
  const rows: NationalIndicatorRow[] = [];
  for (const r of records(file, text, NATIONAL_INDICATOR_COLUMNS, issues)) {
    const before = issues.length;
    const bad = (name: (typeof NATIONAL_INDICATOR_COLUMNS)[number], code: string, message: string, fix: string) =>
      issues.push({ file, line: r.line, column: r.col(name), column_name: name, code, severity: 'error', message, fix });
    const indicator = indicators.get(r.field('indicator_code'));
    if (!indicator) bad('indicator_code', 'unknown_code', `indicator_code "${r.field('indicator_code')}" is not in the indicator catalogue.`, 'Use a code from data/reference/indicators.json, or leave the row out.');
    const authority = r.field('authority_code');
    if (!authorities.has(authority)) bad('authority_code', 'unknown_code', `authority_code "${authority}" is not in comparators.json.`, 'Use the GSS code of an authority listed in data/reference/comparators.json, or add it there.');
    const period = r.field('period');
    if (indicator && !PERIOD[indicator.frequency].test(period)) {
      bad('period', 'invalid_period', `period "${period}" is not a ${indicator.frequency === 'annual' ? 'financial year' : 'financial quarter'}, as ${indicator.code} is published.`, indicator.frequency === 'annual' ? 'Write the financial year as "2013-14".' : 'Write the quarter as "2013-14 Q1" (Q1 is April to June).');
    }
    const number = (name: 'numerator' | 'denominator' | 'value'): number | null => {
      const raw = r.field(name);
      if (raw === '') return null;
      if (!NUMBER.test(raw)) {
        bad(name, 'invalid_number', `${name} "${raw}" is not a number.`, 'Write a plain number with no commas, spaces or units, or leave it blank when unpublished.');
        return null;
      }
      return Number(raw);
    };
    const numerator = number('numerator');
    const denominator = number('denominator');
    const given = number('value');
    if (numerator !== null && numerator < 0) bad('numerator', 'negative_count', `numerator ${numerator} is negative.`, 'A count cannot be below zero: check the source.');
    if (denominator !== null && denominator <= 0) bad('denominator', 'invalid_denominator', `denominator ${denominator} is not above zero.`, 'Give the population counted in, or leave the row out.');
    if (indicator?.unit === 'percent' && numerator !== null && denominator !== null && numerator > denominator) {
      bad('numerator', 'numerator_above_denominator', `numerator ${numerator} is above denominator ${denominator} for a percentage.`, 'Check the two columns have not been swapped.');
    }
    const formed = indicator ? indicatorValue(indicator.unit, numerator, denominator) : null;
    if (indicator && given !== null && formed !== null && Math.abs(given - formed) > 0.5 * 10 ** -indicator.decimals + 1e-9) {
      bad('value', 'value_mismatch', `value ${given} does not match numerator / denominator (${formed.toFixed(indicator.decimals)}).`, 'Correct the value, or leave it blank to have it formed from numerator and denominator.');
    }
    const key = `${r.field('indicator_code')}|${authority}|${period}`;
    const first = seen.get(key);
    if (first !== undefined) bad('authority_code', 'duplicate_row', `${authority} already has a ${r.field('indicator_code')} value for ${period} on line ${first}.`, 'Keep one row per indicator, authority and period.');
    else seen.set(key, r.line);
    if (issues.length > before || !indicator) continue;
    rows.push({ indicator_code: indicator.code, authority_code: authority, period, numerator, denominator, value: given ?? formed });
  }
  return { rows, issues: byLine(issues) };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const COUNT = /^\d+$/;

/** Parses and checks national_results.csv against the list of authorities. */
export function parseNationalResults(text: string, comparators: Comparators): Parsed<NationalResultRow> {
  const file = NATIONAL_FILES.results;
  const issues: DataIssue[] = [];
  const authorities = new Set(comparators.authorities.map((a) => a.code));
  const seen = new Map<string, number>();
  const rows: NationalResultRow[] = [];
  for (const r of records(file, text, NATIONAL_RESULT_COLUMNS, issues)) {
    const before = issues.length;
    const bad = (name: (typeof NATIONAL_RESULT_COLUMNS)[number], code: string, message: string, fix: string) =>
      issues.push({ file, line: r.line, column: r.col(name), column_name: name, code, severity: 'error', message, fix });
    const authority = r.field('authority_code');
    if (!authorities.has(authority)) bad('authority_code', 'unknown_code', `authority_code "${authority}" is not in comparators.json.`, 'Use the GSS code of an authority listed in data/reference/comparators.json, or add it there.');
    const date = r.field('claim_date');
    if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
      bad('claim_date', 'invalid_date', `claim_date "${date}" is not a date.`, 'Write the date as YYYY-MM-DD, for example 2013-07-31.');
    }
    const count = (name: 'families_attached' | 'results_claimed'): number => {
      const raw = r.field(name);
      if (!COUNT.test(raw)) bad(name, 'invalid_count', `${name} "${raw}" is not a whole number.`, 'Write a whole number of families, with no commas or spaces.');
      return Number(raw);
    };
    const attached = count('families_attached');
    const claimed = count('results_claimed');
    if (issues.length === before && claimed > attached) bad('results_claimed', 'claimed_above_attached', `results_claimed ${claimed} is above families_attached ${attached}.`, 'Results are claimed for attached families only: check the two columns.');
    const key = `${authority}|${date}`;
    const first = seen.get(key);
    if (first !== undefined) bad('authority_code', 'duplicate_row', `${authority} already has results for ${date} on line ${first}.`, 'Keep one row per authority and claim date.');
    else seen.set(key, r.line);
    if (issues.length > before) continue;
    rows.push({ authority_code: authority, claim_date: date, families_attached: attached, results_claimed: claimed });
  }
  return { rows, issues: byLine(issues) };
}

/** In file order, as a reader fixes them; issues on one line keep the order of the columns' checks. */
function byLine(issues: DataIssue[]): DataIssue[] {
  return issues.sort((a, b) => a.line - b.line);
}
