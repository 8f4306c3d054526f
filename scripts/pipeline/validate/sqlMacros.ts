/**
 * SQL macros that parse extract values strictly. DuckDB's own casts are lenient in ways that
 * would hide mistakes ('1.5' casts to the integer 2, '2013/5/1' to a date, '0x10' to 16), so
 * each macro first checks the shape and only then casts. The shape checks are chosen for speed
 * over a million rows: LIKE and contains() before a regular expression, and a regular expression
 * (RE2, fast on short strings) before string functions over character sets, which are slow.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { QUOTED_KEEP, QUOTED_MAX } from '../read/quoteForMessage.ts';

/** Numbers at or above this size are refused (tfo_decimal); columnTypes.ts says so in its fix. */
export const DECIMAL_LIMIT = 1e15;

const macros = [
  // Trimmed text, with empty meaning missing. Most values need no trimming, and trim() copies
  // every string, so it runs only when an end is a space.
  `tfo_text(v) AS CASE WHEN v = '' THEN NULL WHEN v LIKE ' %' OR v LIKE '% ' THEN NULLIF(trim(v), '') ELSE v END`,
  // A value quoted for a message, shortened so a stray paragraph cannot swamp the report.
  `tfo_quote(v) AS '"' || CASE WHEN length(v) > ${QUOTED_MAX} THEN left(v, ${QUOTED_KEEP}) || '...' ELSE v END || '"'`,
  `tfo_integer(v) AS CASE WHEN regexp_full_match(v, '[+-]?[0-9]+') THEN TRY_CAST(v AS INTEGER) END`,
  // The DOUBLE cast also accepts digits grouped with "_", exponents ("8e2" is 800: Excel's
  // scientific format, which rounds what it shows), "inf" and "nan". A magnitude of 10^15 or more
  // is refused too: no count or amount comes near it, and beyond it a double is no longer exact
  // to the penny. The bound also rules out infinity and NaN.
  `tfo_decimal(v) AS CASE WHEN NOT contains(v, '_') AND NOT contains(v, 'e') AND NOT contains(v, 'E') AND abs(TRY_CAST(v AS DOUBLE)) < ${DECIMAL_LIMIT} THEN TRY_CAST(v AS DOUBLE) END`,
  // ISO yyyy-mm-dd or UK d/m/yyyy, years 1900-2099; impossible dates (31/02/2013) give NULL.
  `tfo_date(v) AS CASE
     WHEN v LIKE '19__-__-__' OR v LIKE '20__-__-__' THEN TRY_CAST(v AS DATE)
     WHEN v LIKE '%/%/19__' OR v LIKE '%/%/20__' THEN TRY_CAST(TRY_STRPTIME(v, '%d/%m/%Y') AS DATE)
   END`,
  `tfo_financial_year(v) AS CASE
     WHEN regexp_full_match(v, '\\d{4}-\\d{2}')
       AND (TRY_CAST(left(v, 4) AS INTEGER) + 1) % 100 = TRY_CAST(right(v, 2) AS INTEGER) THEN v
   END`,
  `tfo_quarter(v) AS CASE
     WHEN regexp_full_match(v, '\\d{4}-\\d{2} Q[1-4]')
       AND (TRY_CAST(left(v, 4) AS INTEGER) + 1) % 100 = TRY_CAST(substr(v, 6, 2) AS INTEGER) THEN v
   END`,
  `tfo_period(v) AS coalesce(tfo_quarter(v), tfo_financial_year(v))`,
  // NULL when no code is left (" ; "), so an empty list reads as a missing value.
  `tfo_code_list(v) AS NULLIF(list_filter(list_transform(string_split(v, ';'), lambda x: trim(x)), lambda x: x <> ''), []::VARCHAR[])`,
  `tfo_iso(d) AS strftime(d, '%Y-%m-%d')`,
];

/** Installs the macros on a connection (temporary: they vanish with it). */
export async function installMacros(conn: DuckDBConnection): Promise<void> {
  for (const macro of macros) await conn.run(`CREATE OR REPLACE TEMP MACRO ${macro}`);
}
