// `npm run pack -- --quarter "2025-26 Q4"`: a quarter's evidence pack from the built site, as PDF.
import { PACK_USAGE, parsePackOptions } from '../pack/options.ts';
import { printPack } from '../pack/print-pack.ts';
import { createProgress } from '../pipeline/progress.ts';
import { CommandError, runMain } from './main.ts';
import { CHROMIUM_PATH } from '../../tests/browser-harness/browser.ts';
import { existsSync } from 'node:fs';

await runMain(
  async () => {
    const options = parsePackOptions(process.argv.slice(2));
    if (options === 'help') {
      console.log(PACK_USAGE);
      return;
    }
    if (!existsSync(CHROMIUM_PATH)) {
      throw new CommandError(`No Chromium at ${CHROMIUM_PATH}: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH to its path.`);
    }
    const progress = createProgress(options.quiet);
    progress.info(`Evidence pack for ${options.quarter} from the ${options.audience} site in ${options.siteDir}`);
    const printed = await printPack(options, progress);
    console.log(`Wrote ${printed.out} (${printed.pages} ${printed.pages === 1 ? 'page' : 'pages'}, A4)${options.audience === 'board' ? ': internal, not for publication' : ''}.`);
  },
  { help: 'npm run pack -- --help lists every option' },
);
