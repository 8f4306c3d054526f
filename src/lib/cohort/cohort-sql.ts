/**
 * Every row of the published cohort funnel (cohort.parquet) for the council and its localities,
 * read at build time; the table is small (stages × cohort years × areas).
 */
import { flaggedValue, textField } from '../data/flagged-value.ts';
import type { PlainRow } from '../data/plain-row.ts';
import type { SqlQuery } from '../sql/query.ts';
import type { CohortFigure } from './funnel.ts';

export const cohortRows: SqlQuery<never> = {
  name: 'cohort-rows',
  params: [],
  sql: `
SELECT cohort_year, area_code, area_type, measure, breakdown, value, flag
FROM cohort
WHERE area_type IN ('authority', 'locality')
ORDER BY cohort_year, area_type, area_code, measure, breakdown`,
};

export function toCohortFigures(rows: readonly PlainRow[]): CohortFigure[] {
  return rows.map((row) => ({
    cohort_year: textField(row, 'cohort_year', cohortRows.name),
    area_code: textField(row, 'area_code', cohortRows.name),
    measure: textField(row, 'measure', cohortRows.name),
    breakdown: textField(row, 'breakdown', cohortRows.name),
    ...flaggedValue(row, cohortRows.name),
  }));
}
