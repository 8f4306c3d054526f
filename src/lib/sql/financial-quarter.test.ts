import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import {
  addQuarters,
  financialYearLabel,
  parseQuarter,
  quarterLabel,
  quarterOfDate,
  quarterRange,
  quarterStart,
} from '../period/quarter.ts';
import { periodEndExclusiveSql, periodStartSql, quarterLabelSql, quarterStartOfLabelSql, quarterStartSql } from './financial-quarter.ts';

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const reader = await conn.runAndReadAll(sql);
  const rows = reader.getRowObjectsJS();
  conn.closeSync();
  return rows;
}

describe('financial quarters in SQL agree with src/lib/period/quarter.ts', () => {
  it('labels and starts every day from 2000 to 2040', async () => {
    const rows = await query(`
      SELECT CAST(d AS VARCHAR) AS day, ${quarterLabelSql('d')} AS label, CAST(${quarterStartSql('d')} AS VARCHAR) AS start
      FROM (SELECT CAST(g AS DATE) AS d FROM generate_series(DATE '2000-01-01', DATE '2040-12-31', INTERVAL 1 DAY) AS t(g))
      ORDER BY d`);
    expect(rows).toHaveLength(14976);
    const mismatches = rows.filter((r) => {
      const q = quarterOfDate(r.day as string);
      return r.label !== quarterLabel(q) || r.start !== quarterStart(q);
    });
    expect(mismatches).toEqual([]);
  });

  it('parses quarter and year labels back to their first day and end', async () => {
    const labels = quarterRange({ startYear: 1999, quarter: 1 }, { startYear: 2040, quarter: 4 }).map(quarterLabel);
    const years = Array.from({ length: 42 }, (_, i) => financialYearLabel(1999 + i));
    const values = [...labels, ...years].map((l) => `('${l}')`).join(',');
    const rows = await query(`
      SELECT p, CASE WHEN length(p) = 10 THEN CAST(${quarterStartOfLabelSql('p')} AS VARCHAR) END AS q_start,
             CAST(${periodStartSql('p')} AS VARCHAR) AS p_start, CAST(${periodEndExclusiveSql('p')} AS VARCHAR) AS p_end
      FROM (VALUES ${values}) AS t(p)`);
    for (const r of rows) {
      const label = r.p as string;
      const q = parseQuarter(label);
      if (q) {
        expect(r.q_start).toBe(quarterStart(q));
        expect(r.p_start).toBe(quarterStart(q));
        expect(r.p_end).toBe(quarterStart(addQuarters(q, 1)));
      } else {
        const y = Number(label.slice(0, 4));
        expect(r.p_start).toBe(`${y}-04-01`);
        expect(r.p_end).toBe(`${y + 1}-04-01`);
      }
    }
    expect(rows).toHaveLength(labels.length + years.length);
  });
});
