/** The CSV download of one indicator's published rows: GSS symbols in value cells, never 0 or blank. */
import { csvValue, toCsv, type CsvColumn } from '../format/csv.ts';
import { INDICATOR_COLUMNS, type ColumnType } from '../outputs/tables.ts';
import type { IndicatorRow } from './indicator-row.ts';

type Named = IndicatorRow & { readonly area_name: string };
type Cell = (r: Named) => string | number;
type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number][0];

/** A cell by its column's type: a figure the flag replaced shows the flag. */
const BY_TYPE: Readonly<Record<ColumnType, (name: IndicatorColumn) => Cell>> = {
  VARCHAR: (name) => (r) => r[name] as string,
  DATE: (name) => (r) => r[name] as string,
  DOUBLE: (name) => (r) => csvValue(r[name] as number | null, r.flag),
};

/** Columns with their own rule. */
const OWN_RULE: Partial<Record<IndicatorColumn, Cell>> = {
  // The denominator is published even where the count is suppressed: its flag shows only when it is missing.
  denominator: (r) => csvValue(r.denominator, r.denominator === null ? r.flag : null),
  target: (r) => (r.target === null ? '[z]' : r.target),
  flag: (r) => r.flag ?? '',
};

/** The published columns in file order, with the area's name after its code. */
export const INDICATOR_CSV_COLUMNS: readonly CsvColumn<Named>[] = INDICATOR_COLUMNS.flatMap(([name, type]) => {
  const column: CsvColumn<Named> = { label: name, value: OWN_RULE[name] ?? BY_TYPE[type](name) };
  return name === 'area_code' ? [column, { label: 'area_name', value: (r: Named) => r.area_name }] : [column];
});

export function indicatorCsv(rows: readonly IndicatorRow[], areaNames: Readonly<Record<string, string>>): string {
  return toCsv(
    INDICATOR_CSV_COLUMNS,
    rows.map((r) => ({ ...r, area_name: areaNames[r.area_code] ?? r.area_code })),
  );
}
