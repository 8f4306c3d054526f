/**
 * Outcomes by measure (breakdown = outcome measure code), in the family's locality:
 * outcomes_achieved: date_achieved falls in the quarter;
 * outcomes_sustained: counted in the quarter the outcome has held for the measure's
 *   sustain_months, i.e. date_achieved + sustain_months, provided date_sustained_to reaches that
 *   day. An empty date_sustained_to means the outcome is known to hold only on date_achieved, so
 *   it is sustained only when sustain_months is 0.
 * breakdown 'all': every outcome measure together.
 * $5: "code:months" pairs from programme.outcome_measures, comma-separated.
 */
import { COUNT_GRID_HEAD, COUNT_GRID_TAIL, COUNT_PARAMS, type CountParam } from './count-grid.ts';
import { quarterStartSql } from '../../../../src/lib/sql/financial-quarter.ts';
import type { SqlQuery } from '../../../../src/lib/sql/query.ts';

export const outcomeCounts: SqlQuery<CountParam | 'outcome_measures'> = {
  name: 'outcome-counts',
  params: [...COUNT_PARAMS, 'outcome_measures'],
  sql: `
WITH ${COUNT_GRID_HEAD},
measures AS (
  SELECT split_part(pair, ':', 1) AS breakdown, CAST(split_part(pair, ':', 2) AS INTEGER) AS sustain_months
  FROM (SELECT unnest(string_split($5, ',')) AS pair) WHERE pair <> ''
),
achieved AS (
  SELECT f.locality_code AS area_code, o.outcome_measure AS breakdown, o.date_achieved,
         coalesce(o.date_sustained_to, o.date_achieved) AS held_to,
         -- A measure missing from the reference has no sustain rule, so it is never sustained.
         CAST(o.date_achieved + to_months(m.sustain_months) AS DATE) AS sustained_on
  FROM outcomes AS o
  JOIN families AS f ON f.family_ref = o.family_ref
  LEFT JOIN measures AS m ON m.breakdown = o.outcome_measure
  WHERE o.date_achieved IS NOT NULL
),
events AS (
  SELECT area_code, breakdown, 'outcomes_achieved' AS measure, ${quarterStartSql('date_achieved')} AS quarter_start
  FROM achieved
  UNION ALL
  SELECT area_code, breakdown, 'outcomes_sustained', ${quarterStartSql('sustained_on')}
  FROM achieved WHERE held_to >= sustained_on
),
flows AS (
  SELECT area_code, breakdown, measure, quarter_start, count(*) AS n
  FROM events
  WHERE quarter_start BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)
  GROUP BY ALL
),
breakdowns AS (
  SELECT breakdown FROM measures
  UNION
  SELECT DISTINCT breakdown FROM flows
),
locality_detail AS (
  SELECT g.area_code, g.quarter_start, m.measure, b.breakdown, coalesce(f.n, 0) AS value
  FROM grid AS g
  CROSS JOIN breakdowns AS b
  CROSS JOIN (VALUES ('outcomes_achieved'), ('outcomes_sustained')) AS m(measure)
  LEFT JOIN flows AS f
    ON f.area_code = g.area_code AND f.quarter_start = g.quarter_start
   AND f.breakdown = b.breakdown AND f.measure = m.measure
),
locality_values AS (
  SELECT * FROM locality_detail
  UNION ALL
  -- Each row counts outcomes, not families, so measures add up to an "all" total; publishing it
  -- (with the breakdown relation declared for disclosure control) gives boards a real total.
  SELECT area_code, quarter_start, measure, 'all', sum(value) FROM locality_detail GROUP BY ALL
),
${COUNT_GRID_TAIL}
`,
};
