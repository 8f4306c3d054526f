/**
 * Every figure the quarterly dashboard draws, from the published tables (not the extracts), one
 * row per quarter, area and measure up to the selected quarter: the programme counts as
 * published, and outcomes and claims totalled over their breakdowns. Runs unchanged at build time
 * (native DuckDB) and in the browser (DuckDB-WASM), so both views come from the same numbers.
 * $1 the selected quarter's first day.
 */
import type { SqlQuery } from './query.ts';

export const DASHBOARD_MEASURES = [
  'families_attached',
  'families_open',
  'families_attached_cumulative',
  'outcomes_achieved',
  'outcomes_sustained',
  'claims',
  'claim_amount_gbp',
] as const;
export type DashboardMeasure = (typeof DASHBOARD_MEASURES)[number];

export const dashboardSeries: SqlQuery<'quarter_start'> = {
  name: 'dashboard-series',
  params: ['quarter_start'],
  sql: `
WITH programme_rows AS (
  SELECT quarter, CAST(quarter_start AS DATE) AS quarter_start, area_code, area_type, measure,
         CAST(value AS DOUBLE) AS value, flag
  FROM programme
  WHERE breakdown = 'all'
    AND measure IN ('families_attached', 'families_open', 'families_attached_cumulative')
),
by_breakdown AS (
  SELECT quarter, quarter_start, area_code, area_type, measure, value, flag FROM outcomes
  UNION ALL
  SELECT quarter, quarter_start, area_code, area_type, measure, value, flag FROM claims
),
totals AS (
  SELECT quarter, CAST(quarter_start AS DATE) AS quarter_start, area_code, area_type, measure,
         -- A total over breakdowns with any suppressed cell would reveal nothing true (it is only
         -- a lower bound) and could help undo the suppression, so it is suppressed as a whole.
         CASE WHEN bool_or(value IS NULL) THEN NULL ELSE round(sum(CAST(value AS DOUBLE)), 2) END AS value,
         CASE WHEN bool_or(value IS NULL) THEN coalesce(min(flag) FILTER (WHERE value IS NULL), '[x]') END AS flag
  FROM by_breakdown
  GROUP BY ALL
)
SELECT quarter, CAST(quarter_start AS VARCHAR) AS quarter_start, area_code, area_type, measure, value, flag
FROM (SELECT * FROM programme_rows UNION ALL SELECT * FROM totals)
-- Later quarters are not needed: every figure is for the selected quarter or leads up to it.
WHERE quarter_start <= CAST($1 AS DATE)
ORDER BY quarter_start, area_type, area_code, measure
`,
};
