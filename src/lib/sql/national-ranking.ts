/**
 * The national explorer's one query: every authority's value for one indicator and period, its
 * rank and quartile among all authorities with a value, and the rows kept by the reader's filter
 * (a region's or a neighbour group's authorities). Runs in DuckDB-WASM on the row groups the
 * browser fetched and, for the static default view and the tests, in native DuckDB on the file.
 * $1 indicator code, $2 period, $3 polarity, $4 authority codes to keep (comma-separated; empty keeps all).
 *
 * Ranking is the rule of src/lib/benchmarking/rank.ts written in SQL: rank 1 is the best value by
 * polarity (the highest when there is none), ties share the better rank (rank()), authorities
 * without a value are not ranked and not counted, and quartile q holds ranks r with
 * floor(4 (r - 1) / n) + 1 = q. The rank is national: filtering narrows the rows, never the rank.
 */
import type { SqlQuery } from './query.ts';

export type NationalRankingParam = 'indicator_code' | 'period' | 'polarity' | 'authority_codes';

/** Columns of the national Parquet the explorer reads, in file order. */
export const NATIONAL_PARQUET_COLUMNS = ['indicator_code', 'authority_code', 'period', 'numerator', 'denominator', 'value'] as const;
/** Columns of the ranking, in the order of the table and the CSV. */
export const NATIONAL_RANKING_COLUMNS = ['rank', 'quartile', 'authority_code', 'numerator', 'denominator', 'value'] as const;

export function nationalRankingSql(table: string): SqlQuery<NationalRankingParam> {
  return {
    name: 'national-ranking',
    params: ['indicator_code', 'period', 'polarity', 'authority_codes'],
    sql: `
WITH chosen AS (
  SELECT authority_code, numerator, denominator, value
  FROM ${table}
  WHERE indicator_code = $1 AND period = $2
),
ranked AS (
  SELECT *,
    -- Nulls sit in their own partition so they neither take nor push a rank.
    CASE WHEN value IS NOT NULL THEN rank() OVER (PARTITION BY value IS NULL ORDER BY CASE WHEN $3 = 'low_is_good' THEN value ELSE -value END) END AS ranked,
    count(value) OVER () AS ranked_of
  FROM chosen
)
SELECT CAST(ranked AS INTEGER) AS rank,
       CAST(CASE WHEN ranked IS NOT NULL THEN least(3, floor(4 * (ranked - 1) / ranked_of)) + 1 END AS INTEGER) AS quartile,
       authority_code, numerator, denominator, value
FROM ranked
WHERE $4 = '' OR list_contains(string_split($4, ','), authority_code)
ORDER BY ranked NULLS LAST, authority_code
`,
  };
}
