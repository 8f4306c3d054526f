/**
 * Reads a Parquet file over HTTP with hyparquet and returns it as an Arrow table. Loaded lazily
 * by parquet.ts: hyparquet, the ZSTD decoder and Apache Arrow only reach the page on first use.
 *
 * hyparquet reads with HTTP range requests: first the footer, then only the column chunks of the
 * row groups that survive pruning, so a view of one quarter of a large file fetches a fraction
 * of it.
 */
import { asyncBufferFromUrl, parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import type { AsyncBuffer, ColumnData, Compressors, FileMetaData, ParquetQueryFilter, SchemaElement } from 'hyparquet';
import { matchFilter } from 'hyparquet/src/filter.js';
import { decompressZstd } from 'hyparquet-compressors';
import type { Table } from 'apache-arrow';
import { arrowTable, planColumn, type ColumnChunks } from './parquet-to-arrow.ts';
import { selectRowGroups, type RowGroupFilter } from './row-groups.ts';

/**
 * The pipeline writes ZSTD; hyparquet decodes SNAPPY and uncompressed data itself. Importing only
 * the ZSTD decoder keeps the Brotli dictionary and the Snappy wasm out of the bundle.
 */
const COMPRESSORS: Compressors = {
  ZSTD: (input, outputLength) => decompressZstd(input, new Uint8Array(outputLength)),
};

/**
 * Footer bytes asked for first. hyparquet's default (512 KiB) would fetch the whole of a small
 * file; the footer of a file with a few dozen row groups fits well within 64 KiB, and a larger
 * footer costs one extra request, not a failure.
 */
const DEFAULT_METADATA_FETCH = 64 * 1024;

export interface ReadParquetOptions {
  /** Columns to read, in this order; all columns when absent. */
  readonly columns?: readonly string[];
  /**
   * Rows to keep, in hyparquet's query syntax (`{ quarter: { $eq: '2013-14 Q2' } }`,
   * `{ id: { $gte: 5000 } }`). Row groups whose statistics rule the filter out are not fetched;
   * rows in the rest are then filtered exactly. Comparison is strict: INT64 columns hold bigints.
   */
  readonly filter?: ParquetQueryFilter;
  /** Prune row groups by their footer statistics before anything else is fetched. */
  readonly rowGroupFilter?: RowGroupFilter;
  /** Bytes to fetch from the end of the file for the footer (default 64 KiB). */
  readonly metadataFetchSize?: number;
}

export interface ParquetArrowResult {
  readonly table: Table;
  readonly rows: number;
  /** Bytes of the file actually transferred for this read (footer plus column chunks). */
  readonly bytesFetched: number;
  /** Ranged reads made (the size probe, a HEAD request, is not counted). */
  readonly requests: number;
  readonly rowGroupsRead: number;
  readonly rowGroupsTotal: number;
  readonly fileBytes: number;
}

interface Counter {
  bytes: number;
  requests: number;
}

/** Sums the bytes every slice returns, so callers can report what a view cost to load. */
function countingBuffer(file: AsyncBuffer, counter: Counter): AsyncBuffer {
  return {
    byteLength: file.byteLength,
    async slice(start, end) {
      const bytes = await file.slice(start, end);
      counter.bytes += bytes.byteLength;
      counter.requests += 1;
      return bytes;
    },
  };
}

/** The whole file in one request, for reads that need all of it anyway. */
async function wholeFile(file: AsyncBuffer): Promise<AsyncBuffer> {
  const bytes = await file.slice(0, file.byteLength);
  return { byteLength: file.byteLength, slice: (start, end) => bytes.slice(start, end) };
}

export async function readParquetAsArrow(url: string, options: ReadParquetOptions = {}): Promise<ParquetArrowResult> {
  const counter: Counter = { bytes: 0, requests: 0 };
  const remote = countingBuffer(await asyncBufferFromUrl({ url }), counter);
  // Without any selection every byte is needed: one request beats a footer read plus chunk reads.
  const selective = options.columns !== undefined || options.filter !== undefined || options.rowGroupFilter !== undefined;
  const file = selective ? remote : await wholeFile(remote);
  const metadata = await parquetMetadataAsync(file, { initialFetchSize: options.metadataFetchSize ?? DEFAULT_METADATA_FETCH });
  const elements = topLevelColumns(metadata);
  const outputNames = options.columns ? [...options.columns] : [...elements.keys()];
  for (const name of outputNames) {
    if (!elements.has(name)) throw new Error(`${url} has no column "${name}"`);
  }
  const filterNames = options.filter ? filterColumns(options.filter, elements) : [];
  const readNames = [...new Set([...outputNames, ...filterNames])];
  // Check every column converts before fetching any data, so an unsupported type fails fast.
  for (const name of readNames) planColumn(elements.get(name)!);

  const selected = options.rowGroupFilter ? selectRowGroups(metadata, options.rowGroupFilter) : metadata;
  const chunks = new Map<string, ColumnData[]>(readNames.map((name) => [name, []]));
  if (selected.row_groups.length > 0 && readNames.length > 0) {
    await parquetRead({
      file,
      metadata: selected,
      columns: readNames,
      compressors: COMPRESSORS,
      // Keep BLOBs as bytes (only annotated text is decoded) and JSON as text for a Utf8 column.
      utf8: false,
      parsers: { jsonFromBytes: (bytes: Uint8Array) => new TextDecoder().decode(bytes) },
      // hyparquet skips row groups whose statistics rule the filter out; rows are matched below.
      ...(options.filter ? { filter: options.filter, rowFormat: 'object' as const } : {}),
      onChunk: (chunk) => chunks.get(chunk.columnName)?.push(chunk),
    });
  }

  let columns = new Map(readNames.map((name) => [name, inRowOrder(chunks.get(name) ?? [])]));
  const rowGroupsRead = countGroupsRead(selected, chunks.get(readNames[0] ?? '') ?? []);
  if (options.filter) columns = keepMatching(columns, options.filter, filterNames);
  const table = arrowTable(outputNames.map((name) => ({ element: elements.get(name)!, chunks: columns.get(name) ?? [] })));
  return {
    table,
    rows: table.numRows,
    bytesFetched: counter.bytes,
    requests: counter.requests,
    rowGroupsRead,
    rowGroupsTotal: metadata.row_groups.length,
    fileBytes: file.byteLength,
  };
}

function topLevelColumns(metadata: FileMetaData): Map<string, SchemaElement> {
  return new Map(parquetSchema(metadata).children.map((child) => [child.element.name, child.element]));
}

/** Top-level columns a filter mentions; an unknown column is a caller's mistake worth naming. */
function filterColumns(filter: ParquetQueryFilter, elements: ReadonlyMap<string, SchemaElement>): string[] {
  const names = new Set<string>();
  const visit = (node: ParquetQueryFilter): void => {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$and' || key === '$or' || key === '$nor') {
        for (const child of value as ParquetQueryFilter[]) visit(child);
      } else {
        const name = key.split('.')[0]!;
        if (!elements.has(name)) throw new Error(`filter names unknown column "${name}"`);
        names.add(name);
      }
    }
  };
  visit(filter);
  return [...names];
}

/** A column's chunks in file order: hyparquet may finish row groups out of order. */
function inRowOrder(chunks: readonly ColumnData[]): ColumnChunks {
  return [...chunks].sort((a, b) => a.rowStart - b.rowStart).map((chunk) => chunk.columnData);
}

function flatten(chunks: ColumnChunks): unknown[] {
  const out: unknown[] = [];
  for (const chunk of chunks) for (let i = 0; i < chunk.length; i++) out.push(chunk[i]);
  return out;
}

/** Row groups hyparquet decoded: those a chunk of the first column starts in. */
function countGroupsRead(metadata: FileMetaData, chunks: readonly ColumnData[]): number {
  const starts: number[] = [];
  let start = 0;
  for (const group of metadata.row_groups) {
    starts.push(start);
    start += Number(group.num_rows);
  }
  const groups = new Set<number>();
  for (const chunk of chunks) {
    let index = starts.length - 1;
    while (index > 0 && starts[index]! > chunk.rowStart) index--;
    groups.add(index);
  }
  return groups.size;
}

function keepMatching(
  columns: ReadonlyMap<string, ColumnChunks>,
  filter: ParquetQueryFilter,
  filterNames: readonly string[],
): Map<string, ColumnChunks> {
  const flat = new Map([...columns].map(([name, chunks]) => [name, flatten(chunks)]));
  const length = flat.values().next().value?.length ?? 0;
  const keep: number[] = [];
  const row: Record<string, unknown> = {};
  for (let i = 0; i < length; i++) {
    for (const name of filterNames) row[name] = flat.get(name)![i];
    if (matchFilter(row, filter)) keep.push(i);
  }
  return new Map([...flat].map(([name, values]) => [name, [keep.map((i) => values[i])]]));
}
