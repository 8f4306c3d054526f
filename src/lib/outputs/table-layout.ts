/**
 * Each output table's columns and the sort keys that identify its rows, looked up by the kind of
 * table (tables.ts). Whatever writes or describes a table's file (the CSV, the data package, the
 * open-data page) reads its layout here rather than choosing columns of its own.
 */
import { COHORT_COLUMNS, COHORT_SORT, COUNT_COLUMNS, COUNT_SORT, INDICATOR_COLUMNS, INDICATOR_SORT, OUTPUT_TABLES, PERIOD_COLUMNS, PERIOD_SORT, type OutputTable } from './tables.ts';

const LAYOUTS = {
  count: { columns: COUNT_COLUMNS, key: COUNT_SORT },
  indicator: { columns: INDICATOR_COLUMNS, key: INDICATOR_SORT },
  period: { columns: PERIOD_COLUMNS, key: PERIOD_SORT },
  cohort: { columns: COHORT_COLUMNS, key: COHORT_SORT },
} as const;

export function tableColumns(table: OutputTable): readonly (readonly [string, string])[] {
  return LAYOUTS[OUTPUT_TABLES[table].kind].columns;
}

/** The sort keys, which identify a row. */
export function tableKey(table: OutputTable): readonly string[] {
  return LAYOUTS[OUTPUT_TABLES[table].kind].key;
}
