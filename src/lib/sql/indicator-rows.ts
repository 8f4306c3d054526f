/**
 * Published indicator rows for a list of indicators, every area and period, oldest first.
 * Pages compute comparisons and trends from these rows in TypeScript (src/lib/indicators), so
 * the build and the browser share one implementation of the statistics.
 * $1 indicator codes, comma-separated (listParam).
 */
import type { SqlQuery } from './query.ts';

export const INDICATOR_ROW_SELECT = `indicator_code, area_code, area_type, period, CAST(period_start AS VARCHAR) AS period_start,
       CAST(numerator AS DOUBLE) AS numerator, CAST(denominator AS DOUBLE) AS denominator,
       CAST(value AS DOUBLE) AS value, CAST(ci_lower AS DOUBLE) AS ci_lower, CAST(ci_upper AS DOUBLE) AS ci_upper,
       CAST(target AS DOUBLE) AS target, target_status, flag`;

export const indicatorRows: SqlQuery<'indicator_codes'> = {
  name: 'indicator-rows',
  params: ['indicator_codes'],
  sql: `
SELECT ${INDICATOR_ROW_SELECT}
FROM indicators
WHERE list_contains(string_split($1, ','), indicator_code)
ORDER BY indicator_code, period_start, period, area_code
`,
};
