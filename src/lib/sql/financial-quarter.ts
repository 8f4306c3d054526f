/**
 * Financial quarters in SQL, matching src/lib/period/quarter.ts (a test checks every day from
 * 2000 to 2040). Calendar and financial quarters share their boundaries (April, July, October,
 * January), so a quarter's first day is DuckDB's date_trunc('quarter'); only the label differs.
 * These build SQL text from an expression; the queries embed them as constants.
 */

/** First day of the quarter containing a DATE expression. */
export function quarterStartSql(date: string): string {
  return `CAST(date_trunc('quarter', ${date}) AS DATE)`;
}

/** "2013-14 Q2" for a DATE expression (any day of the quarter). */
export function quarterLabelSql(date: string): string {
  const startYear = `(year(${date}) - CASE WHEN month(${date}) < 4 THEN 1 ELSE 0 END)`;
  return (
    `(CAST(${startYear} AS VARCHAR) || '-' || lpad(CAST((${startYear} + 1) % 100 AS VARCHAR), 2, '0')` +
    ` || ' Q' || CAST(((month(${date}) + 8) % 12) // 3 + 1 AS VARCHAR))`
  );
}

/** First day of the quarter a "2013-14 Q2" label names (the label is assumed well formed). */
export function quarterStartOfLabelSql(label: string): string {
  return (
    `CAST(make_date(CAST(substr(${label}, 1, 4) AS INTEGER), 4, 1)` +
    ` + to_months(3 * (CAST(substr(${label}, 10, 1) AS INTEGER) - 1)) AS DATE)`
  );
}

/** First day of a period: a quarter label, or a financial year "2013-14" (1 April). */
export function periodStartSql(period: string): string {
  return `CASE WHEN length(${period}) = 7 THEN make_date(CAST(substr(${period}, 1, 4) AS INTEGER), 4, 1) ELSE ${quarterStartOfLabelSql(period)} END`;
}

/** The day after a period ends: one year or one quarter after its start. */
export function periodEndExclusiveSql(period: string): string {
  return `CAST(${periodStartSql(period)} + CASE WHEN length(${period}) = 7 THEN INTERVAL 12 MONTH ELSE INTERVAL 3 MONTH END AS DATE)`;
}
