/**
 * The programme cohort in each locality for its profile page: families attached to date and open
 * at the end of the latest published quarter, and outcomes sustained over the whole programme.
 * A suppressed cell stays null with its flag, so the page shows "[c]" and never a derived number.
 * $1 locality codes, comma-separated (listParam).
 */
import { measureSql } from './published-columns.ts';
import type { SqlQuery } from './query.ts';

export const indicatorLocalityCohort: SqlQuery<'locality_codes'> = {
  name: 'indicator-locality-cohort',
  params: ['locality_codes'],
  sql: `
WITH latest AS (
  -- Stocks (open, attached to date) are read at the last published quarter only.
  SELECT max(quarter_start) AS quarter_start FROM programme
),
stocks AS (
  SELECT p.area_code, p.measure, p.quarter, CAST(p.value AS DOUBLE) AS value, p.flag
  FROM programme AS p JOIN latest USING (quarter_start)
  WHERE p.measure IN (${measureSql('families_attached_cumulative', 'families_open')}) AND p.breakdown = 'all'
    AND list_contains(string_split($1, ','), p.area_code)
),
sustained AS (
  -- A sum over quarters with any suppressed cell would not be the true total: flag it instead.
  SELECT area_code, ${measureSql('outcomes_sustained')} AS measure, NULL AS quarter,
         CASE WHEN count(flag) > 0 THEN NULL ELSE sum(value) END AS value,
         CASE WHEN count(flag) > 0 THEN '[c]' ELSE NULL END AS flag
  FROM outcomes
  WHERE measure = ${measureSql('outcomes_sustained')} AND list_contains(string_split($1, ','), area_code)
  GROUP BY area_code
)
SELECT * FROM stocks
UNION ALL
SELECT * FROM sustained
ORDER BY area_code, measure
`,
};
