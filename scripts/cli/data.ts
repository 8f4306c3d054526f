// `npm run data`: the quarterly pipeline. Exit codes: 0 published, 1 bad data, 2 bad usage.
import { extracts } from '../pipeline/contract/extracts.ts';
import { PipelineError, formatIssue, orderForDisplay } from '../pipeline/issues.ts';
import { parsePipelineOptions, USAGE, UsageError } from '../pipeline/options.ts';
import { createProgress, rowCount } from '../pipeline/progress.ts';
import { runPipeline } from '../pipeline/run.ts';

const SHOWN_ISSUES = 25;

try {
  const options = parsePipelineOptions(process.argv.slice(2), process.env);
  if (options === 'help') {
    process.stdout.write(USAGE);
  } else {
    const { manifest } = await runPipeline(options, createProgress(options.quiet));
    const rows = manifest.outputs.map((o) => `${o.file} (${rowCount(o.rows)})`).join(', ');
    console.log(`Wrote ${rows} and manifest.json to ${options.outDir} for the ${manifest.audience} audience.`);
  }
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof PipelineError) {
    const errors = orderForDisplay(
      error.issues.filter((i) => i.severity === 'error'),
      extracts.map((e) => e.file),
    );
    console.error(error.message);
    for (const issue of errors.slice(0, SHOWN_ISSUES)) console.error(formatIssue(issue));
    if (errors.length > SHOWN_ISSUES) console.error(`… and ${errors.length - SHOWN_ISSUES} more.`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
