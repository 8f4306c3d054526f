/**
 * Exactly the rows a reader chose in the compare tool: indicators x areas x periods whose first
 * day lies in the chosen range. The same SQL runs in DuckDB-WASM on the loaded row groups and,
 * in tests, in native DuckDB on the whole file, so the two can be checked against each other.
 * $1 indicator codes, $2 area codes (both comma-separated), $3 first day of the first quarter and $4 last day of the last quarter (ISO).
 */
import { columnNames, INDICATOR_COLUMNS, type ColumnType } from '../outputs/tables.ts';
import { selectColumns } from './published-columns.ts';
import type { SqlQuery } from './query.ts';

/** The compare tool shows measured values with their intervals; targets and their status belong to the indicator pages. */
const NOT_SELECTED = ['target', 'target_status'] as const;
type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number][0];
export type CompareColumn = Exclude<IndicatorColumn, (typeof NOT_SELECTED)[number]>;

/** The indicator columns the compare tool selects, in file order. */
export const COMPARE_COLUMN_TYPES = INDICATOR_COLUMNS.filter(
  (column): column is Extract<(typeof INDICATOR_COLUMNS)[number], readonly [CompareColumn, ColumnType]> =>
    !(NOT_SELECTED as readonly string[]).includes(column[0]),
);
export const COMPARE_COLUMNS: readonly CompareColumn[] = columnNames(COMPARE_COLUMN_TYPES);
/** The selected columns holding figures (DOUBLE), where a missing value shows its flag. */
export const COMPARE_FIGURE_COLUMNS: ReadonlySet<string> = new Set(columnNames(COMPARE_COLUMN_TYPES.filter(([, type]) => type === 'DOUBLE')));

export type CompareParam = 'indicator_codes' | 'area_codes' | 'from_start' | 'to_end';

export function compareSelectionSql(table: string): SqlQuery<CompareParam> {
  return {
    name: 'compare-selection',
    params: ['indicator_codes', 'area_codes', 'from_start', 'to_end'],
    sql: `
SELECT ${selectColumns(COMPARE_COLUMN_TYPES)}
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
