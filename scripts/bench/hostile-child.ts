/**
 * Runs the pipeline on one hostile extracts folder in its own process, so peak memory (max RSS,
 * DuckDB's native memory included) belongs to that input alone. Prints one JSON line:
 * { seconds, maxRssMb, refused, first } where `first` is the first error as the CLI prints it.
 *   hostile-child <extracts> <out>
 */
import { extracts as extractSpecs } from '../pipeline/contract/extracts.ts';
import { formatIssue, orderForDisplay, PipelineError } from '../pipeline/issues.ts';
import { parsePipelineOptions } from '../pipeline/options.ts';
import { createProgress } from '../pipeline/progress.ts';
import { runPipeline } from '../pipeline/run.ts';

const [extracts, out] = process.argv.slice(2);
if (!extracts || !out) throw new Error('usage: hostile-child <extracts> <out>');
const options = parsePipelineOptions(['--extracts', extracts, '--out', out, '--report', `${out}-report`, '--quiet'], process.env);
if (options === 'help') throw new Error('unexpected help');
const started = performance.now();
let refused = false;
let first = '';
try {
  await runPipeline(options, createProgress(true));
} catch (error) {
  if (!(error instanceof PipelineError)) throw error;
  refused = true;
  // In the order the CLI shows them: whole-file and header problems first.
  const errors = orderForDisplay(
    error.issues.filter((i) => i.severity === 'error'),
    extractSpecs.map((e) => e.file),
  );
  first = errors[0] ? formatIssue(errors[0]) : error.message;
}
const seconds = (performance.now() - started) / 1000;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ seconds, maxRssMb, refused, first }));
