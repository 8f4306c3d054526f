/**
 * Recent demand for the formula: a programme count (families identified, by default) for each
 * locality in the latest financial year whose figure is published for every locality. A year
 * with any locality suppressed is passed over rather than filled in, because a share computed
 * with a hidden figure would be a guess presented as a fact.
 */
import { GSS, type GssFlag } from '../outputs/tables.ts';
import { SYMBOL_MEANINGS } from '../format/symbols.ts';
import { flaggedValue, textField } from '../data/flagged-value.ts';
import type { PlainRow } from '../data/plain-row.ts';
import type { SqlQuery } from '../sql/query.ts';

export const localityDemandByYear: SqlQuery<'measure'> = {
  name: 'locality-demand-by-year',
  params: ['measure'],
  sql: `
SELECT period, area_code, value, flag
FROM periods
WHERE "table" = 'programme' AND measure = $1 AND period_type = 'financial_year' AND area_type = 'locality'
ORDER BY period, area_code`,
};

export interface DemandRow {
  readonly period: string;
  readonly area_code: string;
  readonly value: number | null;
  readonly flag: GssFlag | null;
}

export interface RecentDemand {
  readonly year: string;
  readonly byLocality: ReadonlyMap<string, number>;
  /** Whether the figures are rounded ([rd]) in the release. */
  readonly rounded: boolean;
}

/** The latest year published for every locality in `codes`, or null when there is none. */
export function recentDemand(rows: readonly DemandRow[], codes: readonly string[]): RecentDemand | null {
  const years = [...new Set(rows.map((r) => r.period))].sort().reverse();
  for (const year of years) {
    const inYear = codes.map((code) => rows.find((r) => r.period === year && r.area_code === code));
    const complete = inYear.every((r) => r !== undefined && r.value !== null && !(r.flag && SYMBOL_MEANINGS[r.flag].replacesValue));
    if (!complete) continue;
    return {
      year,
      byLocality: new Map(inYear.map((r) => [r!.area_code, r!.value!])),
      rounded: inYear.some((r) => r!.flag === GSS.rd),
    };
  }
  return null;
}

export function toDemandRows(rows: readonly PlainRow[]): DemandRow[] {
  return rows.map((row) => ({
    period: textField(row, 'period', localityDemandByYear.name),
    area_code: textField(row, 'area_code', localityDemandByYear.name),
    ...flaggedValue(row, localityDemandByYear.name),
  }));
}
