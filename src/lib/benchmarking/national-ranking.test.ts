/**
 * The explorer's SQL ranking (native DuckDB on the Parquet the site serves) agrees with the
 * TypeScript ranking and with a count made here, ties and missing values included.
 */
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { loadComparators } from '../reference/comparators.ts';
import { loadReference } from '../reference/load.ts';
import { bindParams } from '../sql/query.ts';
import { nationalRankingSql } from '../sql/national-ranking.ts';
import { NATIONAL_FILES, parseNationalIndicators } from './national-input.ts';
import { writeNationalParquet } from './national-parquet.ts';
import { rankEntries } from './rank.ts';

const reference = await loadReference('data/reference');
const comparators = (await loadComparators('data/reference'))!;
const rows = parseNationalIndicators(readFileSync(`data/sample/national/${NATIONAL_FILES.indicators}`, 'utf8'), reference.catalogue, comparators).rows;
// Ties on purpose: two authorities copy a third's value in one period.
const tied = rows.map((r) => (r.indicator_code === 'ni_116' && r.period === rows.find((x) => x.indicator_code === 'ni_116')!.period && ['E06009701', 'E08009702'].includes(r.authority_code) ? { ...r, value: 25 } : r));
const file = '.cache/test-national-ranking/national.parquet';
await writeNationalParquet(tied, file);
const conn = await (await DuckDBInstance.create(':memory:')).connect();
await conn.run(`CREATE VIEW national AS SELECT * FROM read_parquet('${file}')`);
const query = nationalRankingSql('national');

async function ranking(indicator: string, period: string, polarity: string, codes = '') {
  const reader = await conn.runAndReadAll(query.sql, bindParams(query, { indicator_code: indicator, period, polarity, authority_codes: codes }));
  return reader.getRowObjectsJS() as { rank: number | null; quartile: number | null; authority_code: string; value: number | null }[];
}

describe('national ranking SQL', () => {
  it('matches the TypeScript ranking and an independent count for every indicator', async () => {
    for (const indicator of reference.catalogue.indicators) {
      const period = rows.filter((r) => r.indicator_code === indicator.code).map((r) => r.period).sort().at(-1)!;
      const chosen = tied.filter((r) => r.indicator_code === indicator.code && r.period === period);
      const got = await ranking(indicator.code, period, indicator.polarity);
      expect(got).toHaveLength(150);
      const ts = rankEntries(chosen.map((r) => ({ code: r.authority_code, value: r.value })), indicator.polarity);
      const values = chosen.filter((r) => r.value !== null).map((r) => r.value as number);
      for (const row of got) {
        const expected = ts.get(row.authority_code);
        expect(row.rank ?? null).toBe(expected?.rank ?? null);
        expect(row.quartile ?? null).toBe(expected?.quartile ?? null);
        if (row.value === null) continue;
        const better = values.filter((v) => (indicator.polarity === 'low_is_good' ? v < row.value! : v > row.value!)).length;
        expect(row.rank).toBe(better + 1);
        expect(row.quartile).toBe(Math.floor((4 * better) / values.length) + 1);
      }
    }
  });

  it('keeps the national rank when the rows are filtered to a group', async () => {
    const all = await ranking('ni_116', '2019-20', 'low_is_good');
    const group = comparators.groups[0]!.members;
    const filtered = await ranking('ni_116', '2019-20', 'low_is_good', group.join(','));
    expect(filtered.map((r) => r.authority_code).sort()).toEqual([...group].sort());
    for (const r of filtered) expect(r.rank).toBe(all.find((a) => a.authority_code === r.authority_code)?.rank);
  });
});
