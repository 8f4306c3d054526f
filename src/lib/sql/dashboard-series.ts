/**
 * Every figure the quarterly dashboard draws, from the published tables (not the extracts), one
 * row per period, area and measure up to the end of the selected quarter: the programme counts as
 * published, the published totals of outcomes and claims, and the same flows over longer periods
 * (periods.parquet), which the public release shows where a quarter's figure cannot be. Runs
 * unchanged at build time (native DuckDB) and in the browser (DuckDB-WASM), so both views come
 * from the same numbers. `quarter` holds the period's label ("2025-26 Q2", "2025-26",
 * "2026-27 to Q2", "to 2026-27 Q2"), `period_type` says which kind it is.
 * $1 the selected quarter's first day.
 */
import type { CountMeasure } from '../outputs/tables.ts';
import { measureSql } from './published-columns.ts';
import type { SqlQuery } from './query.ts';

export const DASHBOARD_MEASURES = [
  'families_attached',
  'families_open',
  'families_attached_cumulative',
  'outcomes_achieved',
  'outcomes_sustained',
  'claims',
  'claim_amount_gbp',
] as const satisfies readonly CountMeasure[];
export type DashboardMeasure = (typeof DASHBOARD_MEASURES)[number];

export const dashboardSeries: SqlQuery<'quarter_start'> = {
  name: 'dashboard-series',
  params: ['quarter_start'],
  sql: `
WITH programme_rows AS (
  SELECT quarter, 'quarter' AS period_type, CAST(quarter_start AS DATE) AS quarter_start, area_code, area_type, measure,
         CAST(value AS DOUBLE) AS value, flag
  FROM programme
  WHERE breakdown = 'all'
    AND measure IN (${measureSql('families_attached', 'families_open', 'families_attached_cumulative')})
),
totals AS (
  -- The published "all" rows: totals over every outcome measure and claim type, protected by
  -- disclosure control in their own right (never summed here from possibly suppressed parts).
  SELECT quarter, 'quarter' AS period_type, CAST(quarter_start AS DATE) AS quarter_start, area_code, area_type, measure,
         CAST(value AS DOUBLE) AS value, flag
  FROM (SELECT * FROM outcomes UNION ALL SELECT * FROM claims)
  WHERE breakdown = 'all'
),
longer AS (
  -- Longer periods ending after the selected quarter would mix in later quarters: left out.
  SELECT period AS quarter, period_type, CAST(period_start AS DATE) AS quarter_start, area_code, area_type, measure,
         CAST(value AS DOUBLE) AS value, flag
  FROM periods
  WHERE breakdown = 'all'
    AND measure IN (${measureSql('families_attached', 'outcomes_achieved', 'outcomes_sustained', 'claims', 'claim_amount_gbp')})
    AND CAST(period_end AS DATE) < CAST($1 AS DATE) + INTERVAL 3 MONTH
)
SELECT quarter, period_type, CAST(quarter_start AS VARCHAR) AS quarter_start, area_code, area_type, measure, value, flag
FROM (SELECT * FROM programme_rows UNION ALL SELECT * FROM totals)
-- Later quarters are not needed: every figure is for the selected quarter or leads up to it.
WHERE quarter_start <= CAST($1 AS DATE)
UNION ALL
SELECT quarter, period_type, CAST(quarter_start AS VARCHAR) AS quarter_start, area_code, area_type, measure, value, flag
FROM longer
ORDER BY period_type, quarter_start, area_type, area_code, measure, quarter
`,
};
