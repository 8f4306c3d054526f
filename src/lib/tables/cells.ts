/**
 * The shapes of a table as the site shows it: columns, rows and their cells. Declared here, below
 * the components that draw them, so the models in src/lib can build tables without importing
 * upwards; DataTable and Figure take exactly these.
 */
import type { FormatUnit } from '../format/value.ts';
import type { GssFlag } from '../outputs/tables.ts';

/** A published value with its GSS flag, as the Parquet tables hold it. */
export interface Flagged {
  readonly value: number | null;
  readonly flag: GssFlag | null;
}

/**
 * One cell's data: text is shown as it is; numbers and flagged values are formatted in the
 * column's unit; null or undefined is "[x]" (not available), never 0 or an empty cell.
 */
export type CellValue = string | number | Flagged | null | undefined;

export type TableRow = Readonly<Record<string, CellValue>>;

export interface TableColumn {
  /** Property of each row shown in this column. */
  readonly key: string;
  /** Column heading. Put the unit here ("Rate per 10,000 children"): cells show bare numbers. */
  readonly label: string;
  /**
   * Right-align the column and use tabular figures. Default: true when the column holds numbers
   * or flagged values.
   */
  readonly numeric?: boolean;
  /** Unit of numbers and flagged values; default "count". */
  readonly unit?: FormatUnit;
  /** Decimal places for percentages, rates and values; default from the unit. */
  readonly decimals?: number;
  /** Custom text for a cell. GSS symbols in the result are still marked up and keyed. */
  readonly format?: (value: CellValue, row: TableRow) => string;
}

/**
 * The attribute a table cell holding a published count carries, its value the row's area code
 * ("" when the row names none, so the council's own). The safety net reads counts in pages by it,
 * as it reads them in CSV and Parquet by column: a page is published as much as a file is.
 */
export const PUBLISHED_COUNT_ATTRIBUTE = 'data-published-count';
