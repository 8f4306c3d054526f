import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, type FileMetaData } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { literal, openDuckDB } from '../../../scripts/pipeline/duckdb.ts';
import { rowGroupStats, selectRowGroups } from './row-groups.ts';

let dir: string;
let metadata: FileMetaData;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tfo-row-groups-'));
  const path = join(dir, 'groups.parquet');
  const conn = await openDuckDB();
  // 5,000 rows in groups of 2,048: ids ascend, so each group's id range is known.
  await conn.run(
    `COPY (SELECT i::INTEGER AS id, (['2013-14 Q1', '2013-14 Q2'])[1 + (i // 2048 % 2)::INTEGER] AS quarter,
       CASE WHEN i % 10 = 0 THEN NULL ELSE i::BIGINT END AS big, DATE '2013-04-01' + (i // 100)::INTEGER AS day
     FROM range(5000) t(i)) TO ${literal(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 2048)`,
  );
  conn.closeSync();
  metadata = await parquetMetadataAsync(await asyncBufferFromFile(path));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('rowGroupStats', () => {
  it('gives each group its position, first row, size and decoded statistics', () => {
    const stats = rowGroupStats(metadata);
    expect(stats.map(({ index, firstRow, numRows }) => ({ index, firstRow, numRows }))).toEqual([
      { index: 0, firstRow: 0, numRows: 2048 },
      { index: 1, firstRow: 2048, numRows: 2048 },
      { index: 2, firstRow: 4096, numRows: 904 },
    ]);
    expect(stats[1]?.columns.id).toEqual({ min: 2048, max: 4095, nullCount: 0 });
    expect(stats[1]?.columns.quarter).toMatchObject({ min: '2013-14 Q2', max: '2013-14 Q2' });
    expect(stats[0]?.columns.big).toEqual({ min: 1n, max: 2047n, nullCount: 205 });
    expect(stats[2]?.columns.day?.min).toEqual(new Date('2013-05-11T00:00:00Z'));
  });
});

describe('selectRowGroups', () => {
  it('keeps only the groups the filter accepts, with their byte offsets and row count', () => {
    const selected = selectRowGroups(metadata, (group) => group.columns.quarter?.max === '2013-14 Q1');
    expect(selected.row_groups).toEqual([metadata.row_groups[0], metadata.row_groups[2]]);
    expect(selected.num_rows).toBe(2952n);
    expect(metadata.row_groups).toHaveLength(3);
  });

  it('keeps nothing when the filter rejects every group', () => {
    expect(selectRowGroups(metadata, () => false)).toMatchObject({ row_groups: [], num_rows: 0n });
  });
});
