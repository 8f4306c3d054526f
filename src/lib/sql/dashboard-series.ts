/**
 * Every figure the quarterly dashboard draws, from the published tables (not the extracts), one
 * row per quarter, area and measure up to the selected quarter: the programme counts as
 * published, and the published totals of outcomes and claims. Runs unchanged at build time
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
totals AS (
  -- The published "all" rows: totals over every outcome measure and claim type, protected by
  -- disclosure control in their own right (never summed here from possibly suppressed parts).
  SELECT quarter, CAST(quarter_start AS DATE) AS quarter_start, area_code, area_type, measure,
         CAST(value AS DOUBLE) AS value, flag
  FROM (SELECT * FROM outcomes UNION ALL SELECT * FROM claims)
  WHERE breakdown = 'all'
)
SELECT quarter, CAST(quarter_start AS VARCHAR) AS quarter_start, area_code, area_type, measure, value, flag
FROM (SELECT * FROM programme_rows UNION ALL SELECT * FROM totals)
-- Later quarters are not needed: every figure is for the selected quarter or leads up to it.
WHERE quarter_start <= CAST($1 AS DATE)
ORDER BY quarter_start, area_type, area_code, measure
`,
};
