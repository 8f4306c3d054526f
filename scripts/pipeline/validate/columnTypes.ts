/**
 * How each contract column type is parsed from text, what DuckDB type it becomes, and what an
 * analyst is told when a value does not parse. Parsing is strict on purpose: a value the
 * pipeline would have to guess at (US-ordered dates, "1,234", "£800") is reported with the fix.
 */
import type { ColumnSpec, ColumnType } from '../contract/extracts.ts';
import { text } from './checkContext.ts';
import { DECIMAL_LIMIT } from './sqlMacros.ts';

export const duckdbType: Record<ColumnType, string> = {
  text: 'VARCHAR',
  code: 'VARCHAR',
  code_list: 'VARCHAR[]',
  integer: 'INTEGER',
  decimal: 'DOUBLE',
  date: 'DATE',
  financial_year: 'VARCHAR',
  period: 'VARCHAR',
};

/** Period columns that take a financial quarter only (the contract allows "yyyy-yy Qn" alone). */
export function quarterOnly(column: ColumnSpec): boolean {
  return column.type === 'period' && column.allowed === 'yyyy-yy Qn';
}

/** SQL parsing the trimmed text `v` into the column's type; NULL when it does not parse. */
export function parseSql(column: ColumnSpec, v: string): string {
  switch (column.type) {
    case 'text':
    case 'code':
      return v;
    case 'code_list':
      return `tfo_code_list(${v})`;
    case 'integer':
      return `tfo_integer(${v})`;
    case 'decimal':
      return `tfo_decimal(${v})`;
    case 'date':
      return `tfo_date(${v})`;
    case 'financial_year':
      return `tfo_financial_year(${v})`;
    case 'period':
      return quarterOnly(column) ? `tfo_quarter(${v})` : `tfo_period(${v})`;
  }
}

export interface TypeProblem {
  readonly code: string;
  /** SQL expressions over the trimmed text `v`. */
  readonly message: string;
  readonly fix: string;
}

const placeholders = `('[c]', '[x]', '[z]', 'na', 'n/a', 'null', 'none', '-', '*', '?', '.')`;
const placeholderFix = text('Leave the field empty when there is no value: symbols such as [c], NA or "-" are for published tables, not extracts.');

/** Message and fix for a value that does not parse; null for types where any text parses. */
export function typeProblem(column: ColumnSpec, v: string): TypeProblem | null {
  const q = `tfo_quote(${v})`;
  const example = column.example;
  switch (column.type) {
    case 'text':
    case 'code':
    case 'code_list':
      return null;
    case 'integer':
      return {
        code: 'invalid_integer',
        message: `${q} || ${text(` is not a whole number.`)}`,
        fix: `CASE
          WHEN lower(${v}) IN ${placeholders} THEN ${placeholderFix}
          WHEN ltrim(replace(${v}, ',', ''), '+-0123456789') = '' THEN ${text('Remove the thousands separator: write 1234, not 1,234 (in Excel, untick "Use 1000 Separator" in the number format).')}
          WHEN regexp_full_match(${v}, '[+-]?[0-9]*[.][0-9]+') THEN ${text(`Give a whole number without decimal places, e.g. ${example}.`)}
          ELSE ${text(`Write a whole number in digits only, e.g. ${example}.`)} END`,
      };
    case 'decimal':
      return {
        code: 'invalid_number',
        message: `${q} || CASE
          WHEN regexp_full_match(${v}, '[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)[eE][+-]?[0-9]+') THEN ${text(' is written with an exponent (scientific notation), not in plain digits.')}
          WHEN isfinite(TRY_CAST(${v} AS DOUBLE)) AND NOT contains(${v}, '_') THEN ${text(` is too large: numbers of ${DECIMAL_LIMIT.toLocaleString('en-GB')} or more are refused.`)}
          ELSE ${text(' is not a number.')} END`,
        fix: `CASE
          WHEN lower(${v}) IN ${placeholders} THEN ${placeholderFix}
          WHEN regexp_full_match(${v}, '[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)[eE][+-]?[0-9]+') THEN ${text(`Write the number in full, in digits (800, not 8e2); in Excel, format the column as Number rather than Scientific, which also rounds what it shows. For example ${example}.`)}
          WHEN isfinite(TRY_CAST(${v} AS DOUBLE)) AND NOT contains(${v}, '_') THEN ${text('Check the value: no count or amount in an extract comes near this size, so it is probably a reference or a pasted figure in the wrong column.')}
          WHEN contains(${v}, '£') THEN ${text('Remove the "£" sign: write 800.00, not £800.00.')}
          WHEN contains(${v}, '%') THEN ${text('Remove the "%" sign and give the number only.')}
          WHEN contains(${v}, ',') THEN ${text('Remove thousands separators (1234.5, not 1,234.5) and use a full stop for decimals.')}
          ELSE ${text(`Write a number in digits, e.g. ${example}.`)} END`,
      };
    case 'date': {
      const uk = `regexp_full_match(${v}, '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}')`;
      const part = (n: number) => `TRY_CAST(split_part(${v}, '/', ${n}) AS INTEGER)`;
      const format = text('Write dates as yyyy-mm-dd (2013-05-14) or dd/mm/yyyy (14/05/2013).');
      return {
        code: 'invalid_date',
        message: `${q} || CASE
          WHEN regexp_full_match(${v}, '[0-9]{1,2}/[0-9]{1,2}/[0-9]{2}') THEN ${text(' has a two-digit year.')}
          WHEN ${uk} AND ${part(2)} > 12 AND ${part(1)} <= 12 THEN ${text(' is not a valid day/month/year date: it looks like month/day/year (US order).')}
          WHEN ${uk} AND ${part(2)} BETWEEN 1 AND 12 AND ${part(3)} NOT BETWEEN 1900 AND 2099 THEN ${text(' has a year outside 1900 to 2099.')}
          WHEN ${uk} THEN ${text(' is not a real date (day/month/year).')}
          WHEN regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') AND TRY_CAST(left(${v}, 4) AS INTEGER) NOT BETWEEN 1900 AND 2099 THEN ${text(' has a year outside 1900 to 2099.')}
          WHEN regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN ${text(' is not a real date (year-month-day).')}
          WHEN regexp_full_match(${v}, '[0-9]{5}') THEN ${text(' looks like an Excel date serial number, not a date.')}
          ELSE ${text(' is not a date in a recognised format.')} END`,
        fix: `CASE
          WHEN regexp_full_match(${v}, '[0-9]{1,2}/[0-9]{1,2}/[0-9]{2}') THEN ${text('Write the year in full: dd/mm/yyyy (14/05/2013) or yyyy-mm-dd (2013-05-14).')}
          WHEN ${uk} AND ${part(2)} > 12 AND ${part(1)} <= 12 THEN ${text('Write dates day first (14/05/2013) or as yyyy-mm-dd (2013-05-14); in Excel, format the column as an English (United Kingdom) date before saving.')}
          WHEN regexp_full_match(${v}, '[0-9]{5}') THEN ${text('Format the column as a date in Excel before saving, or write it as yyyy-mm-dd.')}
          WHEN ${uk} OR regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN ${text('Correct the date in the source system; check the day exists in that month.')}
          ELSE ${format} END`,
      };
    }
    case 'financial_year':
      return {
        code: 'invalid_financial_year',
        message: `${q} || CASE WHEN regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}')
          THEN ${text(' is not a financial year: the second part must be the year after the first.')}
          ELSE ${text(' is not a financial year.')} END`,
        fix: text('Write the financial year as yyyy-yy, e.g. 2013-14 for April 2013 to March 2014.'),
      };
    case 'period':
      return quarterOnly(column)
        ? {
            code: 'invalid_period',
            message: `${q} || ${text(' is not a financial quarter.')}`,
            fix: text('Write the quarter as yyyy-yy Qn, e.g. 2013-14 Q2 for July to September 2013 (Q1 is April to June).'),
          }
        : {
            code: 'invalid_period',
            message: `${q} || ${text(' is not a financial quarter or year.')}`,
            fix: text('Write yyyy-yy Qn for a quarter (2013-14 Q2 is July to September 2013) or yyyy-yy for a financial year (2013-14).'),
          };
  }
}
