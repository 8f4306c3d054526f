/**
 * The cohort funnel as at the end of the extract period, by cohort year and locality (cohort
 * year "all" and the authority are sums, so published tables add up). Each stage counts only
 * families in the stage before, so the stages nest by construction:
 * families_identified: every family of the cohort identified by the period's end;
 * families_attached: of those, attached by then;
 * families_achieved: of those, with an outcome achieved by then;
 * families_sustained: of those, with an outcome held for its phase's sustain months by then;
 * families_claimed: results claims by attached families, counted once per family and claim
 *   window (two results claims in one window are one); for every cohort together also by months
 *   from attachment to the window's first claim (breakdown = bin). Bins by cohort year would be
 *   too small to publish;
 * families_due_next_quarter: attached families with no results claim and no outcome sustained
 *   yet, with an outcome that reaches its sustain months in the quarter after the period.
 *
 * $1 last published quarter's first day; $2 locality codes; $3 authority code;
 * $4 "phase:months" pairs (a family of a phase not listed is never sustained);
 * $5 results claim types; $6 cohort years with a target (so a year with no families has zeros);
 * $7 time-to-claim bin codes in order, each $8 months wide, the last open.
 */
import { quarterStartOfLabelSql } from '../../../../src/lib/sql/financial-quarter.ts';
import type { SqlQuery } from '../../../../src/lib/sql/query.ts';

export type CohortParam = 'last_quarter_start' | 'locality_codes' | 'authority_code' | 'phase_sustain_months' | 'results_claim_types' | 'cohort_years' | 'lag_bins' | 'lag_bin_months';

const list = (param: string) => `(SELECT unnest(string_split(${param}, ',')) AS code)`;

export const cohortFunnel: SqlQuery<CohortParam> = {
  name: 'cohort-funnel',
  params: ['last_quarter_start', 'locality_codes', 'authority_code', 'phase_sustain_months', 'results_claim_types', 'cohort_years', 'lag_bins', 'lag_bin_months'],
  sql: `
WITH bounds AS (
  SELECT CAST(CAST($1 AS DATE) + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE) AS period_end,
         CAST(CAST($1 AS DATE) + INTERVAL 6 MONTH - INTERVAL 1 DAY AS DATE) AS next_end
),
localities AS (SELECT DISTINCT code AS area_code FROM ${list('$2')} WHERE code <> ''),
sustain AS (
  SELECT split_part(code, ':', 1) AS phase, CAST(split_part(code, ':', 2) AS INTEGER) AS months
  FROM ${list('$4')} WHERE code <> ''
),
results_types AS (SELECT DISTINCT code AS claim_type FROM ${list('$5')} WHERE code <> ''),
bins AS (SELECT code AS breakdown, row_number() OVER () - 1 AS bin FROM ${list('$7')} WHERE code <> ''),
cohorts AS (
  SELECT code AS cohort_year FROM ${list('$6')} WHERE code <> ''
  UNION
  SELECT DISTINCT cohort_year FROM families
),
fam AS (
  SELECT f.family_ref, f.locality_code AS area_code, f.cohort_year, s.months AS sustain_months,
         -- A date after the period's end has not happened yet as far as this release goes.
         CASE WHEN f.date_attached <= b.period_end THEN f.date_attached END AS date_attached
  FROM families AS f
  CROSS JOIN bounds AS b
  LEFT JOIN sustain AS s ON s.phase = f.programme_phase
  WHERE f.date_identified <= b.period_end
),
outcome_dates AS (
  SELECT f.family_ref, b.period_end, b.next_end,
         CAST(o.date_achieved + to_months(f.sustain_months) AS DATE) AS sustained_on,
         -- An empty date_sustained_to: known to hold only on the day it was achieved.
         coalesce(o.date_sustained_to, o.date_achieved) AS held_to
  FROM outcomes AS o
  JOIN fam AS f ON f.family_ref = o.family_ref
  CROSS JOIN bounds AS b
  WHERE f.date_attached IS NOT NULL AND o.date_achieved IS NOT NULL AND o.date_achieved <= b.period_end
),
by_family AS (
  SELECT family_ref,
         coalesce(bool_or(held_to >= sustained_on AND sustained_on <= period_end), false) AS sustained,
         coalesce(bool_or(sustained_on > period_end AND sustained_on <= next_end), false) AS due_next
  FROM outcome_dates
  GROUP BY family_ref
),
claim_windows AS (
  -- Once per family and claim window, dated by the window's first results claim.
  SELECT c.family_ref, c.claim_window, min(c.claim_date) AS claim_date
  FROM claims AS c
  JOIN results_types AS t ON t.claim_type = c.claim_type
  WHERE ${quarterStartOfLabelSql('c.claim_window')} <= CAST($1 AS DATE)
  GROUP BY ALL
),
claimed AS (
  SELECT f.area_code, f.cohort_year, w.family_ref,
         -- Whole months from attachment to the claim; a claim before attachment counts in the first bin.
         greatest(0, date_diff('month', f.date_attached, w.claim_date)
                     - CASE WHEN day(w.claim_date) < day(f.date_attached) THEN 1 ELSE 0 END) AS months
  FROM claim_windows AS w
  JOIN fam AS f ON f.family_ref = w.family_ref
  WHERE f.date_attached IS NOT NULL
),
stages AS (
  SELECT f.area_code, f.cohort_year,
         count(*) AS families_identified,
         count(f.date_attached) AS families_attached,
         count(d.family_ref) AS families_achieved,
         count(*) FILTER (WHERE d.sustained) AS families_sustained,
         coalesce(sum(k.windows), 0) AS families_claimed,
         count(*) FILTER (WHERE NOT d.sustained AND d.due_next AND k.family_ref IS NULL) AS families_due_next_quarter
  FROM fam AS f
  LEFT JOIN by_family AS d ON d.family_ref = f.family_ref
  LEFT JOIN (SELECT family_ref, count(*) AS windows FROM claimed GROUP BY family_ref) AS k ON k.family_ref = f.family_ref
  GROUP BY f.area_code, f.cohort_year
),
lags AS (
  SELECT area_code,
         least(CAST(floor(months / CAST($8 AS INTEGER)) AS BIGINT), (SELECT max(bin) FROM bins)) AS bin,
         count(*) AS n
  FROM claimed GROUP BY ALL
),
grid AS (SELECT l.area_code, c.cohort_year FROM localities AS l CROSS JOIN cohorts AS c),
locality_values AS (
  SELECT g.area_code, g.cohort_year, m.measure, 'all' AS breakdown,
         coalesce(CASE m.measure
           WHEN 'families_identified' THEN s.families_identified
           WHEN 'families_attached' THEN s.families_attached
           WHEN 'families_achieved' THEN s.families_achieved
           WHEN 'families_sustained' THEN s.families_sustained
           WHEN 'families_claimed' THEN s.families_claimed
           WHEN 'families_due_next_quarter' THEN s.families_due_next_quarter
         END, 0) AS value
  FROM grid AS g
  CROSS JOIN (VALUES ('families_identified'), ('families_attached'), ('families_achieved'),
                     ('families_sustained'), ('families_claimed'), ('families_due_next_quarter')) AS m(measure)
  LEFT JOIN stages AS s ON s.area_code = g.area_code AND s.cohort_year = g.cohort_year
),
with_all_cohorts AS (
  SELECT * FROM locality_values
  UNION ALL
  SELECT area_code, 'all', measure, breakdown, sum(value) FROM locality_values GROUP BY ALL
  UNION ALL
  -- Each claim window falls in one bin, so the bins add up to the claimed total.
  SELECT l.area_code, 'all', 'families_claimed', b.breakdown, coalesce(n.n, 0)
  FROM localities AS l
  CROSS JOIN bins AS b
  LEFT JOIN lags AS n ON n.area_code = l.area_code AND n.bin = b.bin
)
SELECT cohort_year, area_code, 'locality' AS area_type, measure, breakdown, CAST(value AS DOUBLE) AS value,
       CAST(NULL AS VARCHAR) AS flag
FROM with_all_cohorts
UNION ALL
SELECT cohort_year, $3, 'authority', measure, breakdown, CAST(sum(value) AS DOUBLE), CAST(NULL AS VARCHAR)
FROM with_all_cohorts GROUP BY ALL
ORDER BY measure, breakdown, cohort_year, area_type, area_code
`,
};
