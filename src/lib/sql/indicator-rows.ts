/**
 * Published indicator rows for a list of indicators, every area and period, oldest first.
 * Pages compute comparisons and trends from these rows in TypeScript (src/lib/indicators), so
 * the build and the browser share one implementation of the statistics.
 * $1 indicator codes, comma-separated (listParam).
 */
import { INDICATOR_COLUMNS } from '../outputs/tables.ts';
import { selectColumns } from './published-columns.ts';
import type { SqlQuery } from './query.ts';

export const indicatorRows: SqlQuery<'indicator_codes'> = {
  name: 'indicator-rows',
  params: ['indicator_codes'],
  sql: `
SELECT ${selectColumns(INDICATOR_COLUMNS)}
FROM indicators
WHERE list_contains(string_split($1, ','), indicator_code)
ORDER BY indicator_code, period_start, period, area_code
`,
};
