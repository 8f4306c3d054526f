/**
 * Payment-by-results claims by claim type (breakdown), in the quarter of the claim window and the
 * family's locality: claims (how many) and claim_amount_gbp (their total in pounds).
 * breakdown 'all': every claim type together.
 * $5: claim types of the payment rules, so a type with no claims still gets zero rows.
 */
import { COUNT_GRID_HEAD, COUNT_GRID_TAIL, COUNT_PARAMS, type CountParam } from './count-grid.ts';
import { quarterStartOfLabelSql } from '../../../../src/lib/sql/financial-quarter.ts';
import type { SqlQuery } from '../../../../src/lib/sql/query.ts';

export const claimCounts: SqlQuery<CountParam | 'claim_types'> = {
  name: 'claim-counts',
  params: [...COUNT_PARAMS, 'claim_types'],
  sql: `
WITH ${COUNT_GRID_HEAD},
flows AS (
  SELECT f.locality_code AS area_code, c.claim_type AS breakdown,
         ${quarterStartOfLabelSql('c.claim_window')} AS quarter_start,
         count(*) AS claims,
         -- Summing whole pence is exact, so the total does not depend on summation order.
         CAST(sum(CAST(round(c.amount_gbp * 100) AS BIGINT)) AS DOUBLE) / 100 AS claim_amount_gbp
  FROM claims AS c
  JOIN families AS f ON f.family_ref = c.family_ref
  GROUP BY ALL
),
breakdowns AS (
  SELECT code AS breakdown FROM (SELECT unnest(string_split($5, ',')) AS code) WHERE code <> ''
  UNION
  SELECT DISTINCT breakdown FROM flows
  WHERE quarter_start BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)
),
wide AS (
  SELECT g.area_code, g.quarter_start, b.breakdown,
         coalesce(f.claims, 0) AS claims, coalesce(f.claim_amount_gbp, 0) AS claim_amount_gbp
  FROM grid AS g
  CROSS JOIN breakdowns AS b
  LEFT JOIN flows AS f
    ON f.area_code = g.area_code AND f.quarter_start = g.quarter_start AND f.breakdown = b.breakdown
),
locality_detail AS (
  SELECT area_code, quarter_start, measure, breakdown, value
  FROM (UNPIVOT (SELECT area_code, quarter_start, breakdown,
                        CAST(claims AS DOUBLE) AS claims, claim_amount_gbp FROM wide)
        ON claims, claim_amount_gbp INTO NAME measure VALUE value)
),
locality_values AS (
  SELECT * FROM locality_detail
  UNION ALL
  -- A claim has one type, so the types add up to the "all" total (money to whole pence).
  SELECT area_code, quarter_start, measure, 'all', round(sum(value), 2) FROM locality_detail GROUP BY ALL
),
${COUNT_GRID_TAIL}
`,
};
