/**
 * The periods the public release may publish a count over, besides the quarter: each financial
 * year, the financial year to date, the four quarters to the latest quarter, and the programme to
 * date. Labels and dates are made here once, for the pipeline that writes them and the site that
 * shows them.
 */
import type { PeriodType } from '../reference/schema.ts';
import { addQuarters, financialYearLabel, quarterEnd, quarterIndex, quarterLabel, quarterStart, type FinancialQuarter } from './quarter.ts';

export interface ReleasePeriod {
  readonly type: PeriodType;
  /** "2025-26 Q2", "2025-26", "2026-27 to Q2", "4 quarters to 2026-27 Q2", "to 2026-27 Q2". */
  readonly label: string;
  readonly start: string;
  readonly end: string;
  /** The quarters it adds up, first to last. */
  readonly quarters: readonly FinancialQuarter[];
}

/** Every period of each type over the quarters first..last (the release's extract period). */
export function releasePeriods(type: PeriodType, first: FinancialQuarter, last: FinancialQuarter): ReleasePeriod[] {
  const span = (from: FinancialQuarter, to: FinancialQuarter) => {
    const out: FinancialQuarter[] = [];
    for (let i = quarterIndex(from); i <= quarterIndex(to); i++) out.push(addQuarters(from, i - quarterIndex(from)));
    return out;
  };
  const period = (label: string, quarters: FinancialQuarter[]): ReleasePeriod => ({
    type,
    label,
    start: quarterStart(quarters[0] as FinancialQuarter),
    end: quarterEnd(quarters.at(-1) as FinancialQuarter),
    quarters,
  });
  switch (type) {
    case 'quarter':
      return span(first, last).map((q) => period(quarterLabel(q), [q]));
    case 'financial_year': {
      // Complete years only: the year in progress is the financial year to date.
      const out: ReleasePeriod[] = [];
      for (let y = first.startYear; y < last.startYear || (y === last.startYear && last.quarter === 4); y++) {
        const from = y === first.startYear ? first : { startYear: y, quarter: 1 as const };
        out.push(period(financialYearLabel(y), span(from, { startYear: y, quarter: 4 })));
      }
      return out;
    }
    case 'financial_year_to_date': {
      if (last.quarter === 4) return [];
      const from = last.startYear === first.startYear ? first : { startYear: last.startYear, quarter: 1 as const };
      return [period(`${financialYearLabel(last.startYear)} to Q${last.quarter}`, span(from, last))];
    }
    case 'rolling_year': {
      // Only the latest window: every window would give each quarter back by differencing.
      const from = quarterIndex(last) - quarterIndex(first) >= 3 ? addQuarters(last, -3) : first;
      return [period(`4 quarters to ${quarterLabel(last)}`, span(from, last))];
    }
    case 'programme_to_date':
      return [period(`to ${quarterLabel(last)}`, span(first, last))];
  }
}

/** How a period type reads in a sentence or a column heading. */
export const PERIOD_TYPE_NAMES: Record<PeriodType, string> = {
  quarter: 'quarter',
  financial_year: 'financial year',
  financial_year_to_date: 'financial year to date',
  rolling_year: 'last four quarters',
  programme_to_date: 'since the programme began',
};
