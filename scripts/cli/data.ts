// `npm run data`: the quarterly pipeline. Exit codes: 0 published; 1 the run stopped (bad data,
// another run writing the same folder, a full disk); 2 the command line is wrong (an unknown
// option, a missing folder, a report path the site would publish, a read-only output folder).
import { extracts } from '../pipeline/contract/extracts.ts';
import { PipelineError, orderForDisplay } from '../pipeline/issues.ts';
import { checkPipelinePaths, parsePipelineOptions, USAGE } from '../pipeline/options.ts';
import { createProgress, rowCount } from '../pipeline/progress.ts';
import { runPipeline } from '../pipeline/run.ts';
import { describeSystemError, issueLine, runMain, type Failure } from './main.ts';

const SHOWN_ISSUES = 25;
const HELP = 'npm run data -- --help lists every option';

await runMain(
  async () => {
    const options = parsePipelineOptions(process.argv.slice(2), process.env);
    if (options === 'help') {
      process.stdout.write(USAGE);
      return;
    }
    checkPipelinePaths(options);
    const { manifest } = await runPipeline(options, createProgress(options.quiet));
    const rows = manifest.outputs.map((o) => `${o.file} (${rowCount(o.rows)})`).join(', ');
    console.log(`Wrote ${rows} and manifest.json to ${options.outDir} for the ${manifest.audience} audience.`);
  },
  { help: HELP, explain },
);

function explain(error: unknown): Failure | null {
  if (!(error instanceof PipelineError)) {
    // Outputs are swapped in whole at the very end, so a run that stopped published nothing.
    const system = describeSystemError(error);
    return system ? { ...system, message: `${system.message} Nothing was published.` } : null;
  }
  const errors = orderForDisplay(
    error.issues.filter((i) => i.severity === 'error'),
    extracts.map((e) => e.file),
  );
  const lines = [error.message, ...errors.slice(0, SHOWN_ISSUES).map(issueLine)];
  if (errors.length > SHOWN_ISSUES) lines.push(`… and ${errors.length - SHOWN_ISSUES} more.`);
  return { message: lines.join('\n'), exitCode: 1 };
}
