/**
 * Pipeline benchmark: 1,000,000 outcome rows through the whole pipeline, next to a bare DuckDB
 * read_csv + GROUP BY over the same file, and the floor: DuckDB merely reading every extract typed.
 * Goal (issue 12): the pipeline within 2x of the floor and under 1 GB peak. The input stage's
 * lines (read, guard, validate per file, from the run's own progress) show where the rest goes.
 * Prints figures; asserts nothing (tests never assert wall-clock time).
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureGeneratedExtracts } from './generated-extracts.ts';

const DIR = '.cache/bench/pipeline';
const OUTCOME_ROWS = 1_000_000;

interface Measured {
  seconds: number;
  maxRssMb: number;
  rowsIn?: number;
  stages?: Record<string, number>;
  /** Progress lines with the seconds since the one before. */
  notes?: [string, number][];
}

function measure(args: string[]): Measured {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench/measure-child.ts', ...args], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Measured;
}

function stageMedians(runs: readonly Measured[]): [string, number][] {
  const labels = Object.keys(runs[0]?.stages ?? {});
  return labels.map((label) => [label, median(runs.map((m) => m.stages?.[label] ?? 0))]);
}

function median(values: number[]): number {
  const s = [...values].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchPipeline(runs = 3): Promise<void> {
  const extracts = join(DIR, 'extracts');
  await ensureGeneratedExtracts(extracts, OUTCOME_ROWS);
  const csv = join(extracts, 'outcomes.csv');
  console.log(`outcomes.csv: ${(statSync(csv).size / 1e6).toFixed(0)} MB, ${OUTCOME_ROWS.toLocaleString('en-GB')} rows`);
  const pipeline: Measured[] = [];
  const bare: Measured[] = [];
  const floor: Measured[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(measure(['duckdb', csv]));
    floor.push(measure(['floor', extracts]));
    pipeline.push(measure(['pipeline', extracts, join(DIR, 'out')]));
  }
  const p = median(pipeline.map((m) => m.seconds));
  const d = median(bare.map((m) => m.seconds));
  const f = median(floor.map((m) => m.seconds));
  const rowsIn = pipeline[0]?.rowsIn ?? 0;
  const peak = Math.max(...pipeline.map((m) => m.maxRssMb));
  const floorPeak = Math.max(...floor.map((m) => m.maxRssMb));
  console.log(`Floor, DuckDB reading all four extracts into typed tables with no checks (median of ${runs}): ${f.toFixed(2)} s; peak memory ${floorPeak.toFixed(0)} MB`);
  console.log(`Pipeline (median of ${runs}): ${p.toFixed(2)} s for ${rowsIn.toLocaleString('en-GB')} input rows = ${Math.round(rowsIn / p).toLocaleString('en-GB')} rows/s; peak memory ${peak.toFixed(0)} MB`);
  console.log(`Ratio pipeline / floor: ${(p / f).toFixed(2)}x (goal: at most 2x, ${p / f <= 2 ? 'met' : 'not met'}); peak memory goal: under 1,024 MB (${peak < 1024 ? 'met' : 'not met'})`);
  console.log(`Bare DuckDB read_csv + GROUP BY (median of ${runs}): ${d.toFixed(2)} s; peak memory ${Math.max(...bare.map((m) => m.maxRssMb)).toFixed(0)} MB; floor = ${(f / d).toFixed(2)}x bare; pipeline = ${(p / d).toFixed(2)}x bare`);
  console.log(`Pipeline stages (median of ${runs}), and each as a multiple of the floor:`);
  for (const [label, s] of stageMedians(pipeline)) console.log(`  ${label}: ${s.toFixed(2)} s (${(s / f).toFixed(2)}x)`);
  const notes = pipeline.find((m) => m.seconds === p)?.notes ?? [];
  const input = notes.filter(([line]) => /\.csv: |identifiers/.test(line));
  if (input.length > 0) {
    console.log('Input stage of the median run, seconds before each line (a file read twice went through the detailed path):');
    for (const [line, s] of input) console.log(`  ${s.toFixed(2)} s  ${line}`);
  }
}
