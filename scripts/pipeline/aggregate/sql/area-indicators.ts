/**
 * Area indicator rows whose period overlaps the published quarters, with each period's first day.
 * Values are left as supplied: the unit-specific value and interval are computed in TypeScript
 * (src/lib/stats) on these few rows, so browser and pipeline share one implementation.
 * $1 first quarter's first day, $2 last quarter's first day.
 */
import { periodEndExclusiveSql, periodStartSql } from '../../../../src/lib/sql/financial-quarter.ts';
import type { SqlQuery } from '../../../../src/lib/sql/query.ts';

export const areaIndicators: SqlQuery<'first_quarter_start' | 'last_quarter_start'> = {
  name: 'area-indicators',
  params: ['first_quarter_start', 'last_quarter_start'],
  sql: `
SELECT indicator_code, area_code, period, CAST(period_start AS VARCHAR) AS period_start,
       CAST(numerator AS DOUBLE) AS numerator, CAST(denominator AS DOUBLE) AS denominator,
       CAST(value AS DOUBLE) AS value
FROM (
  SELECT *, ${periodStartSql('period')} AS period_start, ${periodEndExclusiveSql('period')} AS period_end
  FROM area_indicators
)
-- An annual period counts when any of its quarters is published.
WHERE period_start <= CAST($2 AS DATE) AND period_end > CAST($1 AS DATE)
ORDER BY indicator_code, period_start, period, area_code
`,
};
