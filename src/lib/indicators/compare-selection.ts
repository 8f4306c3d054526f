/**
 * The compare tool's choice, kept in the URL so it can be bookmarked, shared and restored by the
 * back button: ?indicator=ni_111&indicator=ni_116&area=NTH&from=2020-21+Q1&to=2025-26+Q4.
 * Parsing never trusts the URL: unknown codes are dropped and periods must be quarter labels.
 */
import { parseQuarter, quarterEnd, quarterStart } from '../period/quarter.ts';
import type { CompareParam } from '../sql/compare-selection.ts';
import { listParam } from '../sql/query.ts';

export interface CompareSelection {
  readonly indicators: readonly string[];
  readonly areas: readonly string[];
  readonly from: string;
  readonly to: string;
}

export interface CompareOptions {
  readonly indicatorCodes: readonly string[];
  readonly areaCodes: readonly string[];
  /** Quarter labels offered, oldest first. */
  readonly quarters: readonly string[];
  /**
   * Also accept codes not offered that match this pattern: for a file other than the published
   * one (the national benchmark), whose codes the page cannot list.
   */
  readonly codePattern?: RegExp;
}

/** The choice in `params`, or null when the URL holds no valid choice of indicator and area. */
export function parseCompareSelection(params: URLSearchParams, options: CompareOptions): CompareSelection | null {
  const known = (list: readonly string[]) => (code: string) => list.includes(code) || (options.codePattern?.test(code) ?? false);
  const indicators = [...new Set(params.getAll('indicator'))].filter(known(options.indicatorCodes));
  const areas = [...new Set(params.getAll('area'))].filter(known(options.areaCodes));
  if (indicators.length === 0 || areas.length === 0 || options.quarters.length === 0) return null;
  let from = validQuarter(params.get('from')) ?? options.quarters[0]!;
  let to = validQuarter(params.get('to')) ?? options.quarters.at(-1)!;
  if (quarterStartOf(from) > quarterStartOf(to)) [from, to] = [to, from];
  return { indicators, areas, from, to };
}

function validQuarter(label: string | null): string | null {
  return label !== null && parseQuarter(label) !== null ? label : null;
}

/** The URL query for a choice, in a fixed order so equal choices give equal URLs. */
export function compareSelectionQuery(selection: CompareSelection): string {
  const params = new URLSearchParams();
  for (const code of selection.indicators) params.append('indicator', code);
  for (const code of selection.areas) params.append('area', code);
  params.set('from', selection.from);
  params.set('to', selection.to);
  return params.toString();
}

export function quarterStartOf(label: string): string {
  const q = parseQuarter(label);
  if (!q) throw new RangeError(`"${label}" is not a quarter such as "2013-14 Q2"`);
  return quarterStart(q);
}

/**
 * The ISO range for the SQL: the first day of `from` to the last day of `to`, so an annual
 * period starting in April of a chosen year is included.
 */
export function selectionDateRange(selection: Pick<CompareSelection, 'from' | 'to'>): { fromStart: string; toEnd: string } {
  const to = parseQuarter(selection.to);
  if (!to) throw new RangeError(`"${selection.to}" is not a quarter such as "2013-14 Q2"`);
  return { fromStart: quarterStartOf(selection.from), toEnd: quarterEnd(to) };
}

/**
 * Which rows a choice selects, stated once: the indicator and area codes, and the days a period
 * must start between. The browser prunes row groups and rows with it, then runs the selection SQL
 * with the same values as parameters, so the three filters cannot disagree.
 */
export interface SelectionFilter {
  readonly indicatorCodes: readonly string[];
  readonly areaCodes: readonly string[];
  /** First day of the first quarter (ISO). */
  readonly fromStart: string;
  /** Last day of the last quarter (ISO). */
  readonly toEnd: string;
}

export function selectionFilter(selection: CompareSelection): SelectionFilter {
  return { indicatorCodes: selection.indicators, areaCodes: selection.areas, ...selectionDateRange(selection) };
}

/** The parameters of compareSelectionSql. */
export function selectionParams(filter: SelectionFilter): Record<CompareParam, string> {
  return {
    indicator_codes: listParam(filter.indicatorCodes),
    area_codes: listParam(filter.areaCodes),
    from_start: filter.fromStart,
    to_end: filter.toEnd,
  };
}

/** The rows to decode from the file: a chosen indicator in a chosen area (a hyparquet filter). */
export function selectionRowFilter(filter: SelectionFilter): Record<'indicator_code' | 'area_code', { $in: string[] }> {
  return { indicator_code: { $in: [...filter.indicatorCodes] }, area_code: { $in: [...filter.areaCodes] } };
}

/** Whether periods starting between `min` and `max` (ISO days; null when unknown) may be chosen. */
export function periodStartsMayMatch(filter: SelectionFilter, min: string | null, max: string | null): boolean {
  return min === null || max === null || (max >= filter.fromStart && min <= filter.toEnd);
}
