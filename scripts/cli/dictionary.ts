// `npm run dictionary`: regenerates data/DATA-DICTIONARY.md from the extract contract.
import { writeFileSync } from 'node:fs';
import { renderDataDictionary } from '../pipeline/contract/dictionary.ts';
import { UsageError } from '../pipeline/options.ts';
import { runMain } from './main.ts';

const OUT = 'data/DATA-DICTIONARY.md';

await runMain(
  () => {
    const args = process.argv.slice(2);
    if (args.includes('--help') || args.includes('-h')) {
      console.log(`Usage: npm run dictionary\n\nRegenerates ${OUT} from the extract contract and the schemas. It takes no options.`);
      return;
    }
    if (args.length > 0) throw new UsageError(`npm run dictionary takes no options, not "${args.join(' ')}"`);
    writeFileSync(OUT, renderDataDictionary());
    console.log(`Wrote ${OUT}`);
  },
  { help: 'npm run dictionary -- --help' },
);
