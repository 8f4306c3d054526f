// `npm run bench`: prints the benchmark figures for each part. `npm run bench -- pipeline` runs one part.
import { benchPipeline } from '../bench/pipeline.ts';
import { benchCompare } from '../bench/compare.ts';
import { benchHostile } from '../bench/hostile.ts';
import { benchSite } from '../bench/site.ts';

const parts: Record<string, () => Promise<void>> = {
  pipeline: () => benchPipeline(),
  site: () => benchSite(),
  compare: () => benchCompare(),
  hostile: () => benchHostile(),
};
const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(parts)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n## ${name}`);
  await run();
}
