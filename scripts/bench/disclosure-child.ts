/**
 * Designs and audits one public release in its own process, so peak memory (max RSS, DuckDB's
 * reading of the tables included) belongs to the design alone. Reads the board tables a pipeline
 * run wrote; prints one JSON line: { seconds, maxRssMb, cells, relations, audit, utility }.
 *   disclosure-child <board output folder> <threshold>
 */
import { join } from 'node:path';
import type { CountRow } from '../../src/lib/outputs/tables.ts';
import { parseQuarter, type FinancialQuarter } from '../../src/lib/period/quarter.ts';
import { loadReference } from '../../src/lib/reference/load.ts';
import type { CountTable } from '../pipeline/aggregate/index.ts';
import { utilityShares } from '../pipeline/disclose/publish-design.ts';
import { sustainMonthsOf } from '../pipeline/disclose/release-cells.ts';
import { designRelease } from '../pipeline/disclose/release.ts';
import { literal, openDuckDB } from '../pipeline/duckdb.ts';

const [boardDir, thresholdArg] = process.argv.slice(2);
if (!boardDir || !thresholdArg) throw new Error('usage: disclosure-child <board output folder> <threshold>');
const conn = await openDuckDB();
const tables = {} as Record<CountTable, CountRow[]>;
for (const t of ['programme', 'criteria', 'outcomes', 'claims'] as const) {
  const reader = await conn.runAndReadAll(
    `SELECT quarter, strftime(quarter_start, '%Y-%m-%d') AS quarter_start, area_code, area_type, measure, breakdown, value, flag FROM read_parquet(${literal(join(boardDir, `${t}.parquet`))})`,
  );
  tables[t] = reader.getRowObjectsJS() as unknown as CountRow[];
}
// The release spans the quarters the board tables hold.
const quarters = [...new Set(tables.programme.map((r) => r.quarter_start))].sort();
const quarterOf = (start: string) => parseQuarter((tables.programme.find((r) => r.quarter_start === start) as CountRow).quarter) as FinancialQuarter;
const ref = await loadReference('data/reference');
const started = performance.now();
const rounds: number[] = [];
const design = await designRelease(tables, ref.disclosure, Number(thresholdArg), quarterOf(quarters[0] as string), quarterOf(quarters.at(-1) as string), (_, failing) => rounds.push(failing), undefined, { sustainMonths: sustainMonthsOf(ref.programme.outcome_measures) });
const seconds = (performance.now() - started) / 1000;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    seconds,
    maxRssMb,
    rows: Object.values(tables).reduce((n, t) => n + t.length, 0),
    cells: design.universe.cells.length,
    relations: design.universe.relations.length,
    failingByRound: rounds,
    audit: design.audit,
    shown: countBy(design.shown.map((s) => s.kind)),
    utility: utilityShares(design.universe, design.shown),
  }),
);

function countBy(keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}
