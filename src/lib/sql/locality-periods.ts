/**
 * Each locality's programme flows over the longer periods that end with the latest published
 * quarter (the year to date, the last four quarters, the programme to date): where the public
 * release cannot show a locality's quarters, these are the figures it can.
 * $1 locality codes, comma-separated (listParam).
 */
import type { SqlQuery } from './query.ts';

export const localityPeriods: SqlQuery<'locality_codes'> = {
  name: 'locality-periods',
  params: ['locality_codes'],
  sql: `
WITH latest AS (
  SELECT max(CAST(period_end AS DATE)) AS period_end FROM periods
)
SELECT p.area_code, p.measure, p.period_type, p.period, CAST(p.value AS DOUBLE) AS value, p.flag
FROM periods AS p JOIN latest ON CAST(p.period_end AS DATE) = latest.period_end
WHERE p.breakdown = 'all' AND p."table" = 'programme'
  AND list_contains(string_split($1, ','), p.area_code)
ORDER BY p.area_code, p.measure, p.period_type
`,
};
