/**
 * Reading named fields from caller rows. Charts take rows straight from the query layer
 * (IndicatorRow, CountRow, or DuckDB results whose BIGINT counts arrive as bigint), so values
 * are checked here once and bad data fails with a message naming the chart and the field.
 */

export function fieldValue(row: object, key: string, chart: string): unknown {
  if (!(key in row)) throw new Error(`${chart}: row has no field "${key}"`);
  return (row as Record<string, unknown>)[key];
}

/** A measured value: null for missing, suppressed or NaN, so the chart leaves a gap. */
export function readNumber(row: object, key: string, chart: string): number | null {
  const value = fieldValue(row, key, chart);
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  throw new Error(`${chart}: field "${key}" must be a number or null, got ${JSON.stringify(value)}`);
}

export function readOptionalNumber(row: object, key: string | undefined, chart: string): number | null {
  return key === undefined ? null : readNumber(row, key, chart);
}

/** A label or key: strings as they are, numbers and bigints as text. */
export function readText(row: object, key: string, chart: string): string {
  const value = fieldValue(row, key, chart);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new Error(`${chart}: field "${key}" must be text, got ${JSON.stringify(value)}`);
}

/** A GSS flag such as "[c]"; rows without the flag field have none. */
export function readFlag(row: object, key: string | undefined, chart: string): string | null {
  if (key === undefined || !(key in row)) return null;
  const value = (row as Record<string, unknown>)[key];
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') throw new Error(`${chart}: field "${key}" must be a GSS flag or null, got ${JSON.stringify(value)}`);
  return value;
}
