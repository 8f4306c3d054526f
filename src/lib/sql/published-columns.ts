/**
 * SELECT lists for published columns and measure names, derived from their declaration in
 * src/lib/outputs/tables.ts.
 * Native DuckDB and DuckDB-WASM hand DATE and DECIMAL values over differently (objects, bigints),
 * so a shared query reads dates as ISO text and numbers as DOUBLE: both runtimes then give the
 * same plain rows.
 */
import type { ColumnTable, ColumnType, CountMeasure } from '../outputs/tables.ts';

const READ_AS: Readonly<Record<ColumnType, (name: string) => string>> = {
  VARCHAR: (name) => name,
  DATE: (name) => `CAST(${name} AS VARCHAR) AS ${name}`,
  DOUBLE: (name) => `CAST(${name} AS DOUBLE) AS ${name}`,
};

/** "indicator_code, ..., CAST(period_start AS VARCHAR) AS period_start, ..." in file order. */
export function selectColumns(columns: ColumnTable): string {
  return columns.map(([name, type]) => READ_AS[type](name)).join(', ');
}

/** Published measures' names as SQL strings ("'a', 'b'"), so a misspelt measure fails the type check. */
export function measureSql(...measures: CountMeasure[]): string {
  return measures.map((measure) => `'${measure}'`).join(', ');
}
