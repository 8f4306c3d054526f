/**
 * Parquet columns, as decoded by hyparquet, to an Apache Arrow table that DuckDB-WASM can take
 * with insertArrowTable. Types follow what native DuckDB reads from the same file, so SQL written
 * for the build runs unchanged in the browser: INTEGER stays Int32, BIGINT stays Int64, DATE is
 * DateDay, VARCHAR is Utf8. Exceptions: DECIMAL becomes Float64 (hyparquet decodes it to a JS
 * number) and timestamps keep millisecond precision (hyparquet decodes them to Date).
 */
import {
  Binary,
  Bool,
  DateDay,
  Field,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMicrosecond,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  makeData,
  makeVector,
  vectorFromArray,
  type Vector,
} from 'apache-arrow';
import type { SchemaElement } from 'hyparquet';

const DAY_MS = 86_400_000;

type FixedWidthType = Int8 | Int16 | Int32 | Int64 | Uint8 | Uint16 | Uint32 | Uint64 | Float32 | Float64 | DateDay | TimestampMicrosecond;

/** How one Parquet column becomes one Arrow column. */
export type ColumnPlan =
  | { readonly kind: 'fixed'; readonly type: FixedWidthType; readonly convert: (value: unknown) => number | bigint }
  | { readonly kind: 'utf8' | 'bool' | 'binary' };

export class UnsupportedColumnError extends Error {
  constructor(column: string, detail: string) {
    super(`column "${column}" cannot be loaded in the browser: ${detail}`);
    this.name = 'UnsupportedColumnError';
  }
}

/** Arrow type and converter for a flat (non-nested) Parquet column. */
export function planColumn(element: SchemaElement): ColumnPlan {
  const { name, type, converted_type: converted, logical_type: logical } = element;
  if (element.repetition_type === 'REPEATED' || (element.num_children ?? 0) > 0 || type === undefined) {
    throw new UnsupportedColumnError(name, 'nested columns (lists, structs, maps) are not supported');
  }
  if (converted === 'DECIMAL' || logical?.type === 'DECIMAL') return fixed(new Float64(), toNumber);
  if (converted === 'DATE' || logical?.type === 'DATE') return fixed(new DateDay(), toEpochDays);
  if (
    type === 'INT96' ||
    converted === 'TIMESTAMP_MILLIS' ||
    converted === 'TIMESTAMP_MICROS' ||
    logical?.type === 'TIMESTAMP'
  ) {
    const utc = logical?.type === 'TIMESTAMP' ? logical.isAdjustedToUTC : true;
    // Stored as microseconds so DuckDB sees TIMESTAMP/TIMESTAMPTZ, as it does reading the file.
    return fixed(new TimestampMicrosecond(utc ? 'UTC' : null), toEpochMicros);
  }
  if (converted === 'TIME_MILLIS' || converted === 'TIME_MICROS' || logical?.type === 'TIME') {
    throw new UnsupportedColumnError(name, 'TIME columns are not supported');
  }
  if (converted === 'INTERVAL' || converted === 'BSON') {
    throw new UnsupportedColumnError(name, `${converted} columns are not supported`);
  }
  switch (type) {
    case 'BOOLEAN':
      return { kind: 'bool' };
    case 'INT32':
      return fixed(integerType(element, 32), toNumber);
    case 'INT64': {
      const int = integerType(element, 64);
      return fixed(int, int instanceof Int64 || int instanceof Uint64 ? toBigInt : toNumber);
    }
    case 'FLOAT':
      return fixed(new Float32(), toNumber);
    case 'DOUBLE':
      return fixed(new Float64(), toNumber);
    case 'BYTE_ARRAY':
    case 'FIXED_LEN_BYTE_ARRAY':
      if (logical?.type === 'FLOAT16') return fixed(new Float32(), toNumber);
      if (isText(element)) return { kind: 'utf8' };
      return { kind: 'binary' };
  }
}

function isText(element: SchemaElement): boolean {
  const { converted_type: converted, logical_type: logical } = element;
  return (
    converted === 'UTF8' ||
    converted === 'ENUM' ||
    converted === 'JSON' ||
    logical?.type === 'STRING' ||
    logical?.type === 'ENUM' ||
    logical?.type === 'JSON' ||
    logical?.type === 'UUID'
  );
}

/** The Arrow integer type for INT32/INT64 columns, honouring TINYINT/SMALLINT/unsigned annotations. */
function integerType(element: SchemaElement, physicalBits: 32 | 64): Int8 | Int16 | Int32 | Int64 | Uint8 | Uint16 | Uint32 | Uint64 {
  const { converted_type: converted, logical_type: logical } = element;
  let bits: number = physicalBits;
  let signed = true;
  if (logical?.type === 'INTEGER') {
    bits = logical.bitWidth;
    signed = logical.isSigned;
  } else if (converted?.startsWith('INT_') || converted?.startsWith('UINT_')) {
    signed = converted.startsWith('INT_');
    bits = Number(converted.slice(converted.indexOf('_') + 1));
  }
  switch (bits) {
    case 8:
      return signed ? new Int8() : new Uint8();
    case 16:
      return signed ? new Int16() : new Uint16();
    case 32:
      return signed ? new Int32() : new Uint32();
    default:
      return signed ? new Int64() : new Uint64();
  }
}

/** `convert` must return what the type's Arrow storage holds: bigint for 64-bit, else number. */
function fixed(type: FixedWidthType, convert: (value: unknown) => number | bigint): ColumnPlan {
  return { kind: 'fixed', type, convert };
}

function toNumber(value: unknown): number {
  return Number(value);
}

function toBigInt(value: unknown): bigint {
  return typeof value === 'bigint' ? value : BigInt(value as number);
}

function toEpochDays(value: unknown): number {
  // hyparquet decodes DATE to a Date at UTC midnight; tolerate raw day numbers too.
  return value instanceof Date ? Math.round(value.getTime() / DAY_MS) : Number(value);
}

function toEpochMicros(value: unknown): bigint {
  return BigInt(value instanceof Date ? value.getTime() : Number(value)) * 1000n;
}

/** A column's decoded values as hyparquet hands them over: one array per page or row group. */
export type ColumnChunks = readonly ArrayLike<unknown>[];

function chunksLength(chunks: ColumnChunks): number {
  return chunks.reduce((sum, chunk) => sum + chunk.length, 0);
}

/**
 * Arrow vector of a column's values; null and undefined become Arrow nulls. Arrow's generic
 * builders are slow for millions of values, so the buffers are written directly.
 */
export function columnVector(plan: ColumnPlan, chunks: ColumnChunks): Vector {
  switch (plan.kind) {
    case 'fixed':
      return fixedWidthVector(plan.type, plan.convert, chunks);
    case 'utf8':
      return utf8Vector(chunks);
    case 'bool':
      return boolVector(chunks);
    case 'binary':
      return vectorFromArray(chunks.flatMap((chunk) => Array.from(chunk)), new Binary());
  }
}

/** Validity bitmap writer: Arrow marks a valid (non-null) slot with a set bit. */
class Validity {
  readonly bitmap: Uint8Array;
  nullCount = 0;
  constructor(length: number) {
    this.bitmap = new Uint8Array((length + 7) >> 3);
  }
  set(index: number): void {
    this.bitmap[index >> 3]! |= 1 << (index & 7);
  }
  /**
   * Walks every row of the chunks in order: counts each null, and hands each other value to
   * `write` before marking it valid. `rowDone` runs after every row, null or not.
   */
  fill(chunks: ColumnChunks, write: (value: unknown, row: number) => void, rowDone?: (row: number) => void): void {
    let row = 0;
    for (const chunk of chunks) {
      for (let i = 0; i < chunk.length; i++, row++) {
        const value = chunk[i];
        if (value === null || value === undefined) {
          this.nullCount++;
        } else {
          write(value, row);
          this.set(row);
        }
        rowDone?.(row);
      }
    }
  }
  /** The props makeData needs: no bitmap at all when nothing is null. */
  props(): { nullCount: number; nullBitmap?: Uint8Array } {
    return this.nullCount > 0 ? { nullCount: this.nullCount, nullBitmap: this.bitmap } : { nullCount: 0 };
  }
}

function fixedWidthVector(type: FixedWidthType, convert: (value: unknown) => number | bigint, chunks: ColumnChunks): Vector {
  const length = chunksLength(chunks);
  const data = new type.ArrayType(length) as unknown as { [index: number]: number | bigint };
  const validity = new Validity(length);
  validity.fill(chunks, (value, row) => {
    data[row] = convert(value);
  });
  // One cast for every fixed-width type: makeData's overloads are per type, the layout is shared.
  return makeVector(makeData({ type: type as Int32, length, data: data as unknown as Int32Array, ...validity.props() }));
}

const encoder = new TextEncoder();
/** Parquet text is usually dictionary-encoded, so the same few strings recur: encode each once. */
const MAX_CACHED_STRINGS = 50_000;

function utf8Vector(chunks: ColumnChunks): Vector {
  const length = chunksLength(chunks);
  const valueOffsets = new Int32Array(length + 1);
  const validity = new Validity(length);
  const encoded = new Map<string, Uint8Array>();
  let bytes = new Uint8Array(Math.max(1024, length * 8));
  let end = 0;
  validity.fill(
    chunks,
    (value) => {
      // ENUM text arrives as raw UTF-8 bytes (hyparquet decodes only UTF8/STRING-annotated text).
      const utf8 = value instanceof Uint8Array ? value : encodeCached(typeof value === 'string' ? value : String(value), encoded);
      if (end + utf8.length > bytes.length) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, end + utf8.length));
        grown.set(bytes.subarray(0, end));
        bytes = grown;
      }
      bytes.set(utf8, end);
      end += utf8.length;
    },
    // A null row's offset repeats the previous one: an empty slot.
    (row) => {
      valueOffsets[row + 1] = end;
    },
  );
  return makeVector(makeData({ type: new Utf8(), length, valueOffsets, data: bytes.subarray(0, end), ...validity.props() }));
}

function encodeCached(text: string, encoded: Map<string, Uint8Array>): Uint8Array {
  let utf8 = encoded.get(text);
  if (!utf8) {
    utf8 = encoder.encode(text);
    if (encoded.size < MAX_CACHED_STRINGS) encoded.set(text, utf8);
  }
  return utf8;
}

function boolVector(chunks: ColumnChunks): Vector {
  const length = chunksLength(chunks);
  const values = new Uint8Array((length + 7) >> 3);
  const validity = new Validity(length);
  validity.fill(chunks, (value, row) => {
    if (value) values[row >> 3]! |= 1 << (row & 7);
  });
  return makeVector(makeData({ type: new Bool(), length, data: values, ...validity.props() }));
}

export interface NamedColumn {
  readonly element: SchemaElement;
  readonly chunks: ColumnChunks;
}

/** One Arrow table from equal-length columns, in the order given. */
export function arrowTable(columns: readonly NamedColumn[]): Table {
  const vectors = columns.map(({ element, chunks }) => columnVector(planColumn(element), chunks));
  const fields = columns.map(({ element }, i) => new Field(element.name, vectors[i]!.type, true));
  const schema = new Schema(fields);
  const length = vectors[0]?.length ?? 0;
  if (vectors.some((vector) => vector.length !== length)) {
    throw new Error('columns decoded to different lengths');
  }
  const batch = new RecordBatch(
    schema,
    makeData({ type: new Struct(fields), length, nullCount: 0, children: vectors.map((vector) => vector.data[0]!) }),
  );
  return new Table(schema, batch);
}
