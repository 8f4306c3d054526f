/**
 * Exactly the rows a reader chose in the compare tool: indicators x areas x periods whose first
 * day lies in the chosen range. The same SQL runs in DuckDB-WASM on the loaded row groups and,
 * in tests, in native DuckDB on the whole file, so the two can be checked against each other.
 * $1 indicator codes, $2 area codes (both comma-separated), $3 first day of the first quarter and $4 last day of the last quarter (ISO).
 */
import type { SqlQuery } from './query.ts';

export const COMPARE_COLUMNS = [
  'indicator_code',
  'area_code',
  'area_type',
  'period',
  'period_start',
  'numerator',
  'denominator',
  'value',
  'ci_lower',
  'ci_upper',
  'flag',
] as const;
export type CompareColumn = (typeof COMPARE_COLUMNS)[number];

export type CompareParam = 'indicator_codes' | 'area_codes' | 'from_start' | 'to_end';

export function compareSelectionSql(table: string): SqlQuery<CompareParam> {
  return {
    name: 'compare-selection',
    params: ['indicator_codes', 'area_codes', 'from_start', 'to_end'],
    sql: `
SELECT indicator_code, area_code, area_type, period, CAST(period_start AS VARCHAR) AS period_start,
       CAST(numerator AS DOUBLE) AS numerator, CAST(denominator AS DOUBLE) AS denominator,
       CAST(value AS DOUBLE) AS value, CAST(ci_lower AS DOUBLE) AS ci_lower, CAST(ci_upper AS DOUBLE) AS ci_upper, flag
FROM ${table}
WHERE list_contains(string_split($1, ','), indicator_code)
  AND list_contains(string_split($2, ','), area_code)
  -- An annual period belongs to the range when it starts inside it.
  AND CAST(period_start AS DATE) BETWEEN CAST($3 AS DATE) AND CAST($4 AS DATE)
ORDER BY indicator_code, area_code, period_start, period
`,
  };
}

/** The published view, for build-time and test use. */
export const compareSelection = compareSelectionSql('indicators');
