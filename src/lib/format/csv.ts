/**
 * CSV for "download this data" links beside charts. Numbers are written plain (1234, not
 * "1,234") so spreadsheets read them as numbers; a suppressed or missing value is its GSS symbol,
 * so a download never turns it into 0 or an empty cell.
 */
import type { GssFlag } from '../outputs/tables.ts';
import { SYMBOL_MEANINGS } from './symbols.ts';

export interface CsvColumn<Row> {
  label: string;
  value: (row: Row) => string | number | null;
}

// A formatted figure such as "-£1,234", "+4.1%" or "12 [p]": safe to leave as it is.
const FORMATTED_NUMBER = /^[+-]?£?[\d,]+(?:\.\d+)?(?:%|m)?(?: \[[a-z]+\])?$/;

// RFC 4180 quoting, plus a leading quote for text a spreadsheet would run as a formula.
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !FORMATTED_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV document with a header row and CRLF line endings, as RFC 4180 specifies. */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => csvCell(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * A value cell: the number as it is, or the symbol that replaces it ("[c]", "[x]"...). Qualifying
 * symbols ("[p]", "[r]"...) are left out, as GSS guidance keeps symbols out of number cells in
 * machine-readable files: put them in a column of their own with `csvFlag`.
 */
export function csvValue(value: number | null | undefined, flag: GssFlag | null | undefined): number | string {
  if (flag && SYMBOL_MEANINGS[flag].replacesValue) return flag;
  if (value === null || value === undefined || !Number.isFinite(value)) return '[x]';
  return value;
}

/** A qualifying symbol for a flag column; empty when there is none or it replaced the value. */
export function csvFlag(flag: GssFlag | null | undefined): string {
  return flag && !SYMBOL_MEANINGS[flag].replacesValue ? flag : '';
}
