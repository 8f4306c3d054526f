/**
 * Families attached in each quarter by eligibility criterion (measure "families_attached",
 * breakdown = criterion code). A family counts once under each criterion it met, so the
 * breakdowns add up to more than the families attached.
 * $5: criterion codes of every phase, so a criterion nobody met still gets zero rows.
 */
import { COUNT_GRID_HEAD, COUNT_GRID_TAIL, COUNT_PARAMS, type CountParam } from './count-grid.ts';
import { quarterStartSql } from '../../../../src/lib/sql/financial-quarter.ts';
import type { SqlQuery } from '../../../../src/lib/sql/query.ts';

export const criteriaCounts: SqlQuery<CountParam | 'criterion_codes'> = {
  name: 'criteria-counts',
  params: [...COUNT_PARAMS, 'criterion_codes'],
  sql: `
WITH ${COUNT_GRID_HEAD},
attached AS (
  SELECT locality_code AS area_code, ${quarterStartSql('date_attached')} AS quarter_start,
         -- A criterion listed twice for one family still counts the family once.
         unnest(list_distinct(criteria)) AS criterion
  FROM families
  WHERE date_attached IS NOT NULL AND date_attached >= CAST($1 AS DATE)
    AND date_attached < CAST(CAST($2 AS DATE) + INTERVAL 3 MONTH AS DATE)
),
breakdowns AS (
  -- Reference criteria, plus any code in the data, so no family is silently dropped.
  SELECT code AS breakdown FROM (SELECT unnest(string_split($5, ',')) AS code) WHERE code <> ''
  UNION
  SELECT DISTINCT criterion FROM attached WHERE criterion IS NOT NULL
),
flows AS (
  SELECT area_code, quarter_start, criterion AS breakdown, count(*) AS n FROM attached GROUP BY ALL
),
locality_values AS (
  SELECT g.area_code, g.quarter_start, 'families_attached' AS measure, b.breakdown, coalesce(f.n, 0) AS value
  FROM grid AS g
  CROSS JOIN breakdowns AS b
  LEFT JOIN flows AS f
    ON f.area_code = g.area_code AND f.quarter_start = g.quarter_start AND f.breakdown = b.breakdown
),
${COUNT_GRID_TAIL}
`,
};
