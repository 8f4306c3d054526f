// `npm run bench`: prints the benchmark figures for each part. `npm run bench -- pipeline` runs one part.
import { benchPipeline } from '../bench/pipeline.ts';
import { benchCompare } from '../bench/compare.ts';
import { benchBenchmarking } from '../bench/benchmarking.ts';
import { benchDisclosure } from '../bench/disclosure.ts';
import { benchHostile } from '../bench/hostile.ts';
import { benchSite } from '../bench/site.ts';
import { UsageError } from '../pipeline/options.ts';
import { runMain } from './main.ts';

const parts: Record<string, () => Promise<void>> = {
  pipeline: () => benchPipeline(),
  site: () => benchSite(),
  compare: () => benchCompare(),
  benchmarking: () => benchBenchmarking(),
  hostile: () => benchHostile(),
  disclosure: () => benchDisclosure(),
};
const USAGE = `Usage: npm run bench -- [${Object.keys(parts).join(' | ')} ...]\n\nRuns the named benchmarks (default: all) and prints their figures.`;

await runMain(
  async () => {
    const wanted = process.argv.slice(2);
    if (wanted.includes('--help') || wanted.includes('-h')) {
      console.log(USAGE);
      return;
    }
    const unknown = wanted.filter((name) => !(name in parts));
    if (unknown.length > 0) throw new UsageError(`No benchmark named ${unknown.join(', ')}: choose from ${Object.keys(parts).join(', ')}`);
    for (const [name, run] of Object.entries(parts)) {
      if (wanted.length > 0 && !wanted.includes(name)) continue;
      console.log(`\n## ${name}`);
      await run();
    }
  },
  { help: 'npm run bench -- --help' },
);
