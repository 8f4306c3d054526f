/**
 * The frame every count query shares: the complete grid of localities and quarters at the head,
 * and at the tail the long rows for localities plus the authority as their sum. A query fills
 * the CTE `locality_values(area_code, quarter_start, measure, breakdown, value)` in between, with
 * a row (zero where nothing happened) for every grid cell.
 *
 * Parameters shared by all count queries, in this order: $1 first quarter's first day, $2 last
 * quarter's first day, $3 locality codes, $4 authority code.
 */
import { quarterLabelSql } from '../../../../src/lib/sql/financial-quarter.ts';

export const COUNT_PARAMS = ['first_quarter_start', 'last_quarter_start', 'locality_codes', 'authority_code'] as const;
export type CountParam = (typeof COUNT_PARAMS)[number];

export const COUNT_GRID_HEAD = `
quarters AS (
  SELECT CAST(q AS DATE) AS quarter_start,
         CAST(q + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE) AS quarter_end
  FROM generate_series(CAST($1 AS DATE), CAST($2 AS DATE), INTERVAL 3 MONTH) AS g(q)
),
localities AS (
  -- Every reference locality, so a locality with no families still gets its zero rows.
  SELECT DISTINCT code AS area_code FROM (SELECT unnest(string_split($3, ',')) AS code) WHERE code <> ''
),
grid AS (
  SELECT l.area_code, q.quarter_start, q.quarter_end FROM localities AS l CROSS JOIN quarters AS q
)`;

export const COUNT_GRID_TAIL = `
all_values AS (
  SELECT area_code, 'locality' AS area_type, quarter_start, measure, breakdown, CAST(value AS DOUBLE) AS value
  FROM locality_values
  UNION ALL
  -- The authority is the sum of its localities, so published tables always add up; rounding to
  -- pence keeps money sums free of binary noise (counts are unaffected).
  SELECT $4, 'authority', quarter_start, measure, breakdown, round(sum(CAST(value AS DOUBLE)), 2)
  FROM locality_values
  GROUP BY quarter_start, measure, breakdown
)
SELECT ${quarterLabelSql('quarter_start')} AS quarter,
       CAST(quarter_start AS VARCHAR) AS quarter_start,
       area_code, area_type, measure, breakdown, value,
       CAST(NULL AS VARCHAR) AS flag
FROM all_values
ORDER BY all_values.quarter_start, area_type, area_code, measure, breakdown`;
