import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDB } from '../pipeline/duckdb.ts';
import { INDICATOR_COLUMNS } from '../../src/lib/outputs/tables.ts';
import { generateNational, nationalAreaCode, nationalIndicatorCode } from './national.ts';

const SMALL = { authorities: 4, localitiesPerAuthority: 5, quarters: 8, indicators: 30, rowGroupSize: 2048 } as const;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tfo-national-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('generateNational', () => {
  it('writes every indicator x locality x quarter once, sorted, in small row groups', async () => {
    const file = join(dir, 'a.parquet');
    const result = await generateNational(file, SMALL);
    expect(result.rows).toBe(4 * 5 * 8 * 30);
    const conn = await openDuckDB();
    const q = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
    const columns = await q(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
    expect(columns.map((c) => c.column_name)).toEqual(INDICATOR_COLUMNS.map(([name]) => name));
    const [keys] = await q(`SELECT count(DISTINCT (indicator_code, area_code, period)) AS n FROM read_parquet('${file}')`);
    expect(Number(keys!.n)).toBe(result.rows);
    const rows = await q(`SELECT indicator_code, area_code, CAST(period_start AS VARCHAR) AS s, period FROM read_parquet('${file}')`);
    const sorted = [...rows].sort(
      (a, b) =>
        String(a.indicator_code).localeCompare(String(b.indicator_code)) ||
        String(a.area_code).localeCompare(String(b.area_code)) ||
        String(a.s).localeCompare(String(b.s)),
    );
    expect(rows).toEqual(sorted);
    expect(rows[0]).toMatchObject({ indicator_code: nationalIndicatorCode(0), area_code: nationalAreaCode(0, 0), s: '2011-04-01', period: '2011-12 Q1' });
    expect(rows.at(-1)).toMatchObject({ s: '2013-01-01', period: '2012-13 Q4' });
    const [groups] = await q(`SELECT count(DISTINCT row_group_id) AS n FROM parquet_metadata('${file}')`);
    // DuckDB rounds row groups to whole vectors of 2,048 rows.
    expect(Number(groups!.n)).toBe(Math.ceil(result.rows / 2048));
    // Suppressed rows carry [c] and no number; published ones have an interval around the value.
    const [bad] = await q(`SELECT count(*) AS n FROM read_parquet('${file}')
      WHERE (flag = '[c]' AND (value IS NOT NULL OR numerator IS NOT NULL))
         OR (flag IS NULL AND NOT (ci_lower <= value AND value <= ci_upper))`);
    expect(Number(bad!.n)).toBe(0);
    conn.closeSync();
  });

  it('is deterministic', async () => {
    const a = join(dir, 'b1.parquet');
    const b = join(dir, 'b2.parquet');
    await generateNational(a, SMALL);
    await generateNational(b, SMALL);
    const sha = async (f: string) => createHash('sha256').update(await readFile(f)).digest('hex');
    expect(await sha(a)).toBe(await sha(b));
  });

  it('names a bad size', async () => {
    await expect(generateNational(join(dir, 'c.parquet'), { quarters: 0 })).rejects.toThrow('quarters must be a positive integer, got 0');
  });
});
