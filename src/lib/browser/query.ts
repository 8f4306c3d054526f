/**
 * Runs SQL on the page's DuckDB-WASM connection and returns plain objects a chart or table can
 * use directly: numbers (never BigInt), dates as ISO `yyyy-mm-dd` strings, null for SQL NULL.
 */
import type { DataType, Field, Table, Vector } from 'apache-arrow';
import { getDuckDB, type AsyncDuckDBConnection } from './duckdb.ts';

/** Values a prepared statement can bind. */
export type QueryParam = string | number | boolean | null;

export type QueryRow = Record<string, unknown>;

/**
 * Run `sql` and return its rows. With `params`, the SQL is run as a prepared statement and `?`
 * placeholders are bound in order: pass user choices (a locality, a quarter) this way, never by
 * pasting them into the SQL text.
 */
export async function queryRows<T extends QueryRow = QueryRow>(
  sql: string,
  params?: readonly QueryParam[],
  connection?: AsyncDuckDBConnection,
): Promise<T[]> {
  const conn = connection ?? (await getDuckDB());
  if (!params || params.length === 0) return tableRows(await conn.query(sql)) as T[];
  const statement = await conn.prepare(sql);
  try {
    return tableRows(await statement.query(...params)) as T[];
  } finally {
    await statement.close();
  }
}

// Arrow type ids (apache-arrow's Type enum), written out so this module needs no Arrow at runtime.
const TYPE_DATE = 8;
const TYPE_TIMESTAMP = 10;
const TYPE_DECIMAL = 7;
const TYPE_INT = 2;
const DAY_MS = 86_400_000;

/** Plain rows from an Arrow result, converting column by column. */
export function tableRows(table: Table): QueryRow[] {
  const fields: Field[] = table.schema.fields;
  const columns = fields.map((field, i) => ({
    name: field.name,
    vector: table.getChildAt(i) as Vector,
    convert: converterFor(field.type),
  }));
  const rows: QueryRow[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const row: QueryRow = {};
    for (const { name, vector, convert } of columns) {
      const value: unknown = vector.get(r);
      row[name] = value === null || value === undefined ? null : convert(value);
    }
    rows.push(row);
  }
  return rows;
}

function converterFor(type: DataType): (value: unknown) => unknown {
  switch (type.typeId) {
    case TYPE_DATE:
      // Arrow hands dates over as epoch milliseconds.
      return (value) => new Date(Math.round(Number(value) / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
    case TYPE_TIMESTAMP: {
      // Naive timestamps (no time zone) are written without the trailing Z.
      const zoned = Boolean((type as DataType & { timezone?: string | null }).timezone);
      return (value) => {
        const iso = new Date(Number(value)).toISOString();
        return zoned ? iso : iso.slice(0, -1);
      };
    }
    case TYPE_INT:
      return toNumber;
    case TYPE_DECIMAL: {
      // Only reached if a DECIMAL escapes castDecimalToDouble: Arrow's big number scales itself.
      const scale = (type as DataType & { scale: number }).scale;
      return (value) => Number((value as { valueOf(scale: number): unknown }).valueOf(scale));
    }
    default:
      return plain;
  }
}

function toNumber(value: unknown): number {
  return Number(value);
}

/** Nested values (lists, structs) as JSON-like data, with any BigInt made a number. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value !== null && typeof value === 'object' && 'toJSON' in value && typeof value.toJSON === 'function') {
    return JSON.parse(JSON.stringify(value.toJSON(), (_key, inner: unknown) => (typeof inner === 'bigint' ? Number(inner) : inner)));
  }
  return value;
}
