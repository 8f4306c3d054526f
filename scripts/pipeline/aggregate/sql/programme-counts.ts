/**
 * Programme counts by locality and quarter (breakdown "all"):
 * families_identified, families_attached, families_closed: families whose date falls in the quarter;
 * families_attached_cumulative: attached on or before the quarter's end, since the programme began;
 * families_open: attached and not closed at the quarter's end.
 */
import { COUNT_GRID_HEAD, COUNT_GRID_TAIL, COUNT_PARAMS, type CountParam } from './count-grid.ts';
import { quarterStartSql } from '../../../../src/lib/sql/financial-quarter.ts';
import type { SqlQuery } from '../../../../src/lib/sql/query.ts';

export const programmeCounts: SqlQuery<CountParam> = {
  name: 'programme-counts',
  params: COUNT_PARAMS,
  sql: `
WITH ${COUNT_GRID_HEAD},
events AS (
  SELECT locality_code AS area_code, 'identified' AS event, ${quarterStartSql('date_identified')} AS quarter_start
  FROM families WHERE date_identified IS NOT NULL
  UNION ALL
  SELECT locality_code, 'attached', ${quarterStartSql('date_attached')}
  FROM families WHERE date_attached IS NOT NULL
  UNION ALL
  SELECT locality_code, 'closed', ${quarterStartSql('date_closed')}
  FROM families WHERE date_closed IS NOT NULL
  UNION ALL
  -- Leaving the open caseload: only an attached family can be open. Taking the later of the two
  -- dates means a closure recorded before attachment never makes the caseload negative.
  SELECT locality_code, 'left_caseload', ${quarterStartSql('greatest(date_attached, date_closed)')}
  FROM families WHERE date_attached IS NOT NULL AND date_closed IS NOT NULL
),
flows AS (
  SELECT area_code, event, quarter_start, count(*) AS n FROM events GROUP BY ALL
),
wide AS (
  -- Joining each cell to every earlier flow gives both the quarter's flows and running totals
  -- from before the first published quarter; flows has one row per locality, event and quarter.
  SELECT g.area_code, g.quarter_start,
    coalesce(sum(f.n) FILTER (WHERE f.event = 'identified' AND f.quarter_start = g.quarter_start), 0) AS families_identified,
    coalesce(sum(f.n) FILTER (WHERE f.event = 'attached' AND f.quarter_start = g.quarter_start), 0) AS families_attached,
    coalesce(sum(f.n) FILTER (WHERE f.event = 'closed' AND f.quarter_start = g.quarter_start), 0) AS families_closed,
    coalesce(sum(f.n) FILTER (WHERE f.event = 'attached'), 0)
      - coalesce(sum(f.n) FILTER (WHERE f.event = 'left_caseload'), 0) AS families_open,
    coalesce(sum(f.n) FILTER (WHERE f.event = 'attached'), 0) AS families_attached_cumulative
  FROM grid AS g
  LEFT JOIN flows AS f ON f.area_code = g.area_code AND f.quarter_start <= g.quarter_start
  GROUP BY g.area_code, g.quarter_start
),
locality_values AS (
  SELECT area_code, quarter_start, measure, 'all' AS breakdown, value
  FROM (UNPIVOT wide
        ON families_identified, families_attached, families_closed, families_open, families_attached_cumulative
        INTO NAME measure VALUE value)
),
${COUNT_GRID_TAIL}
`,
};
