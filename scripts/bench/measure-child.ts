/**
 * Runs one measured job in its own process so peak memory (max RSS, which includes DuckDB's
 * native memory) belongs to that job alone. Prints one JSON line: { seconds, maxRssMb, ... }.
 *   pipeline <extracts> <out>   the whole pipeline, as `npm run data` runs it
 *   duckdb <csv>                a bare DuckDB read_csv + GROUP BY over the same file
 */
import { openDuckDB, literal } from '../pipeline/duckdb.ts';
import { parsePipelineOptions } from '../pipeline/options.ts';
import { createProgress } from '../pipeline/progress.ts';
import { runPipeline } from '../pipeline/run.ts';

const [job, a, b] = process.argv.slice(2);
const started = performance.now();
let extra: Record<string, number> = {};
if (job === 'pipeline' && a && b) {
  const options = parsePipelineOptions(['--extracts', a, '--out', b, '--report', `${b}-report`, '--quiet'], process.env);
  if (options === 'help') throw new Error('unexpected help');
  const { manifest } = await runPipeline(options, createProgress(true));
  extra = { rowsIn: manifest.sources.reduce((n, s) => n + s.rows_in, 0) };
} else if (job === 'duckdb' && a) {
  const conn = await openDuckDB();
  const reader = await conn.runAndReadAll(
    `SELECT outcome_measure, count(*) AS n, count(date_achieved) AS achieved FROM read_csv(${literal(a)}) GROUP BY 1`,
  );
  extra = { groups: reader.currentRowCount };
} else {
  throw new Error('usage: measure-child pipeline <extracts> <out> | duckdb <csv>');
}
const seconds = (performance.now() - started) / 1000;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ seconds, maxRssMb, ...extra }));
