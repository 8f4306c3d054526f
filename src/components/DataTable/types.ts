/** The shapes DataTable (and Figure's "Show as table") accept. */
import type { GssFlag } from '../../lib/outputs/tables.ts';
import type { FormatUnit } from '../../lib/format/value.ts';

/** A published value with its GSS flag, as the Parquet tables hold it. */
export interface FlaggedValue {
  value: number | null;
  flag: GssFlag | null;
}

/**
 * One cell's data: text is shown as it is; numbers and flagged values are formatted in the
 * column's unit; null or undefined is "[x]" (not available), never 0 or an empty cell.
 */
export type CellValue = string | number | FlaggedValue | null | undefined;

export type TableRow = Readonly<Record<string, CellValue>>;

export interface TableColumn {
  /** Property of each row shown in this column. */
  key: string;
  /** Column heading. Put the unit here ("Rate per 10,000 children"): cells show bare numbers. */
  label: string;
  /**
   * Right-align the column and use tabular figures. Default: true when the column holds numbers
   * or flagged values.
   */
  numeric?: boolean;
  /** Unit of numbers and flagged values; default "count". */
  unit?: FormatUnit;
  /** Decimal places for percentages, rates and values; default from the unit. */
  decimals?: number;
  /** Custom text for a cell. GSS symbols in the result are still marked up and keyed. */
  format?: (value: CellValue, row: TableRow) => string;
}
