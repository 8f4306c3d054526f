/**
 * Runs one measured job in its own process so peak memory (max RSS, which includes DuckDB's
 * native memory) belongs to that job alone. Prints one JSON line: { seconds, maxRssMb, ... }.
 *   pipeline <extracts> <out>   the whole pipeline, as `npm run data` runs it, with stage times
 *   duckdb <csv>                a bare DuckDB read_csv + GROUP BY over the same file
 *   floor <extracts>            DuckDB reading every extract into a typed table, and nothing else
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openDuckDB, literal, ident } from '../pipeline/duckdb.ts';
import { parsePipelineOptions } from '../pipeline/options.ts';
import type { Progress } from '../pipeline/progress.ts';
import { runPipeline } from '../pipeline/run.ts';

const [job, a, b] = process.argv.slice(2);
const started = performance.now();
let extra: Record<string, unknown> = {};
if (job === 'pipeline' && a && b) {
  // --accept-partial: a generated sample row that a newer check rejects should not stop the figures.
  const options = parsePipelineOptions(['--extracts', a, '--out', b, '--report', `${b}-report`, '--quiet', '--accept-partial'], process.env);
  if (options === 'help') throw new Error('unexpected help');
  const stages: Record<string, number> = {};
  const notes: [string, number][] = [];
  const { manifest } = await runPipeline(options, recordingProgress(stages, notes));
  extra = { rowsIn: manifest.sources.reduce((n, s) => n + s.rows_in, 0), stages, notes };
} else if (job === 'duckdb' && a) {
  const conn = await openDuckDB();
  const reader = await conn.runAndReadAll(
    `SELECT outcome_measure, count(*) AS n, count(date_achieved) AS achieved FROM read_csv(${literal(a)}) GROUP BY 1`,
  );
  extra = { groups: reader.currentRowCount };
} else if (job === 'floor' && a) {
  // The least any pipeline must do under the contract: every value of every extract read and
  // typed. DuckDB's own sniffed, typed reader does it here, with no checks at all.
  const conn = await openDuckDB();
  const files = (await readdir(a)).filter((f) => f.endsWith('.csv')).sort();
  for (const [i, file] of files.entries()) await conn.run(`CREATE TABLE ${ident(`t${i}`)} AS SELECT * FROM read_csv(${literal(join(a, file))})`);
  extra = { files: files.length };
} else {
  throw new Error('usage: measure-child pipeline <extracts> <out> | duckdb <csv> | floor <extracts>');
}
const seconds = (performance.now() - started) / 1000;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ seconds, maxRssMb, ...extra }));

/**
 * A quiet Progress that keeps each step's wall time, in seconds, under its label, and each info
 * line with the seconds since the line (or step) before it: the input stage's lines say what was
 * done to each file.
 */
function recordingProgress(stages: Record<string, number>, notes: [string, number][]): Progress {
  let last = performance.now();
  return {
    async step(label, work) {
      const start = performance.now();
      last = start;
      try {
        return await work();
      } finally {
        stages[label] = (performance.now() - start) / 1000;
      }
    },
    info(message) {
      const now = performance.now();
      notes.push([message.trim(), (now - last) / 1000]);
      last = now;
    },
  };
}
