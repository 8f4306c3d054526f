/**
 * Rows as both runtimes should hand them to pages and charts: numbers (never BigInt), dates as
 * ISO strings, null for SQL NULL. Native DuckDB gives Date and bigint; DuckDB-WASM gives Arrow
 * values; both are normalised to this one shape.
 */
export type PlainValue = string | number | boolean | null;
export type PlainRow = Record<string, PlainValue>;

export function plainValue(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

export function plainRow(row: Record<string, unknown>): PlainRow {
  const out: PlainRow = {};
  for (const [k, v] of Object.entries(row)) out[k] = plainValue(v);
  return out;
}
