/**
 * Native DuckDB results in the shape queryRows gives in the browser (numbers, ISO dates, null),
 * so the two engines' answers can be compared directly.
 */
import { DuckDBTypeId, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

export type PlainRow = Record<string, unknown>;

export async function nativeRows(conn: DuckDBConnection, sql: string, params?: readonly DuckDBValue[]): Promise<PlainRow[]> {
  const reader = await conn.runAndReadAll(sql, params ? [...params] : undefined);
  const types = reader.columnTypes().map((type) => type.typeId);
  const names = reader.columnNames();
  return reader.getRowObjectsJS().map((row) => {
    const plain: PlainRow = {};
    names.forEach((name, i) => (plain[name] = plainValue(row[name], types[i])));
    return plain;
  });
}

function plainValue(value: unknown, typeId: DuckDBTypeId | undefined): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    if (typeId === DuckDBTypeId.DATE) return iso.slice(0, 10);
    return typeId === DuckDBTypeId.TIMESTAMP_TZ ? iso : iso.slice(0, -1);
  }
  return value;
}

/** Doubles summed in a different order differ in the last bits; everything else must be equal. */
export function rowsMatch(actual: readonly PlainRow[], expected: readonly PlainRow[]): string | undefined {
  if (actual.length !== expected.length) return `${actual.length} rows, expected ${expected.length}`;
  for (let r = 0; r < expected.length; r++) {
    const want = expected[r]!;
    const got = actual[r]!;
    if (Object.keys(got).join() !== Object.keys(want).join()) {
      return `row ${r}: columns ${Object.keys(got).join()} expected ${Object.keys(want).join()}`;
    }
    for (const [key, value] of Object.entries(want)) {
      const other = got[key];
      const close =
        typeof value === 'number' && typeof other === 'number'
          ? Math.abs(value - other) <= 1e-9 * Math.max(1, Math.abs(value))
          : Object.is(value, other);
      if (!close) return `row ${r} ${key}: ${JSON.stringify(other)} expected ${JSON.stringify(value)}`;
    }
  }
  return undefined;
}
