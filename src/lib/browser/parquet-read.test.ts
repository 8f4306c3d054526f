import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { literal, openDuckDB } from '../../../scripts/pipeline/duckdb.ts';
import { nativeRows, rowsMatch } from '../../../tests/browser-harness/native.ts';
import { serveStatic, type StaticServer } from '../../../tests/browser-harness/static-server.ts';
import { readParquetAsArrow } from './parquet-read.ts';
import { UnsupportedColumnError } from './parquet-to-arrow.ts';
import { tableRows } from './query.ts';

/** Every flat type the pipeline could write, with nulls; 5,000 rows in three row groups. */
const TYPES_SELECT = `
  SELECT
    i::INTEGER AS id,
    CASE WHEN i % 7 = 0 THEN NULL ELSE 'área ' || (i % 4) END AS label,
    (i * 1000003)::BIGINT AS big,
    (i % 100)::SMALLINT AS small,
    (i % 200)::UTINYINT AS tiny_unsigned,
    (i * 3)::UINTEGER AS unsigned,
    CASE WHEN i % 5 = 0 THEN NULL ELSE i / 8.0 END::DOUBLE AS ratio,
    (i / 4.0)::FLOAT AS single,
    (i / 3.0)::DECIMAL(10, 2) AS money,
    DATE '2015-04-01' + (i % 365)::INTEGER AS day,
    TIMESTAMPTZ '2020-01-01 00:00:00+00' + to_seconds(i) AS at_utc,
    i % 3 = 0 AS flag,
    CASE WHEN i % 6 = 0 THEN NULL ELSE (['closed', 'open'])[1 + (i % 2)::INTEGER]::status END AS status,
    NULL::VARCHAR AS nothing
  FROM range(5000) t(i)`;

let dir: string;
let server: StaticServer;
let native: DuckDBConnection;
const url = (file: string): string => `${server.url}${file}`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tfo-parquet-read-'));
  native = await openDuckDB();
  await native.run("SET TimeZone = 'UTC'");
  await native.run("CREATE TYPE status AS ENUM ('open', 'closed')");
  await native.run(`COPY (${TYPES_SELECT}) TO ${literal(join(dir, 'types.parquet'))} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 2048)`);
  await native.run(`COPY (SELECT 1 AS id, [1, 2] AS list) TO ${literal(join(dir, 'nested.parquet'))} (FORMAT parquet)`);
  await native.run(`CREATE TABLE types AS FROM read_parquet(${literal(join(dir, 'types.parquet'))})`);
  server = await serveStatic(dir);
});

afterAll(async () => {
  await server?.close();
  native?.closeSync();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('readParquetAsArrow', () => {
  it('maps each Parquet type to the Arrow type DuckDB reads it as', async () => {
    const { table } = await readParquetAsArrow(url('types.parquet'));
    expect(Object.fromEntries(table.schema.fields.map((field) => [field.name, String(field.type)]))).toEqual({
      id: 'Int32',
      label: 'Utf8',
      big: 'Int64',
      small: 'Int16',
      tiny_unsigned: 'Uint8',
      unsigned: 'Uint32',
      ratio: 'Float64',
      single: 'Float32',
      money: 'Float64',
      day: 'Date32<DAY>',
      at_utc: 'Timestamp<MICROSECOND, UTC>',
      flag: 'Bool',
      status: 'Utf8',
      nothing: 'Utf8',
    });
  });

  it('keeps every value and null that native DuckDB reads', async () => {
    const result = await readParquetAsArrow(url('types.parquet'));
    expect(result).toMatchObject({ rows: 5000, rowGroupsRead: 3, rowGroupsTotal: 3, requests: 1 });
    expect(result.bytesFetched).toBe(result.fileBytes);
    const expected = await nativeRows(native, 'SELECT * FROM types ORDER BY id');
    expect(rowsMatch(tableRows(result.table), expected)).toBeUndefined();
  });

  it('reads only the requested columns, in the requested order', async () => {
    const full = await readParquetAsArrow(url('types.parquet'));
    // A small footer read, so the saving on this small file is not hidden by the first request.
    const some = await readParquetAsArrow(url('types.parquet'), { columns: ['day', 'id'], metadataFetchSize: 8192 });
    expect(some.table.schema.fields.map((field) => field.name)).toEqual(['day', 'id']);
    expect(some.bytesFetched).toBeLessThan(full.bytesFetched / 2);
    expect(rowsMatch(tableRows(some.table), await nativeRows(native, 'SELECT day, id FROM types ORDER BY id'))).toBeUndefined();
  });

  it('skips row groups a rowGroupFilter rejects, using decoded statistics', async () => {
    const seen: unknown[] = [];
    const result = await readParquetAsArrow(url('types.parquet'), {
      columns: ['id', 'label'],
      rowGroupFilter: (group) => {
        seen.push(group.columns.day?.min);
        return group.index === 1;
      },
    });
    expect(seen.every((min) => min instanceof Date)).toBe(true);
    expect(result).toMatchObject({ rows: 2048, rowGroupsRead: 1, rowGroupsTotal: 3 });
    const rows = tableRows(result.table);
    expect(rows[0]).toEqual({ id: 2048, label: 'área 0' });
    expect(rows.at(-1)).toEqual({ id: 4095, label: null });
  });

  it('filters rows exactly, reading filter columns without returning them', async () => {
    const result = await readParquetAsArrow(url('types.parquet'), {
      columns: ['label'],
      filter: { $and: [{ id: { $gte: 100 } }, { id: { $lt: 110 } }, { flag: { $eq: true } }] },
    });
    expect(result.table.schema.fields.map((field) => field.name)).toEqual(['label']);
    expect(result.rowGroupsRead).toBe(1);
    const expected = await nativeRows(native, 'SELECT label FROM types WHERE id >= 100 AND id < 110 AND flag ORDER BY id');
    expect(rowsMatch(tableRows(result.table), expected)).toBeUndefined();
  });

  it('returns an empty table with the right columns when nothing matches', async () => {
    const result = await readParquetAsArrow(url('types.parquet'), { filter: { id: { $lt: 0 } } });
    expect(result).toMatchObject({ rows: 0, rowGroupsRead: 0 });
    expect(result.table.schema.fields).toHaveLength(14);
  });

  it('names an unknown column, in the selection or the filter', async () => {
    await expect(readParquetAsArrow(url('types.parquet'), { columns: ['id', 'quarter'] })).rejects.toThrow(
      `${url('types.parquet')} has no column "quarter"`,
    );
    await expect(readParquetAsArrow(url('types.parquet'), { filter: { quarter: { $eq: '2013-14 Q2' } } })).rejects.toThrow(
      'filter names unknown column "quarter"',
    );
  });

  it('refuses nested columns before fetching their data', async () => {
    const read = readParquetAsArrow(url('nested.parquet'));
    await expect(read).rejects.toThrow(UnsupportedColumnError);
    await expect(read).rejects.toThrow('column "list" cannot be loaded in the browser: nested columns');
    expect((await readParquetAsArrow(url('nested.parquet'), { columns: ['id'] })).rows).toBe(1);
  });

  it('fails with the HTTP status when the file is missing', async () => {
    await expect(readParquetAsArrow(url('missing.parquet'))).rejects.toThrow('404');
  });
});
