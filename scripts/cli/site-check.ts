// `npm run site:check -- [folder] [--audience public|board]`: the safety net on a built site.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError } from '../pipeline/options.ts';
import { SITE_FOLDERS } from '../../src/lib/site/site-build.ts';
import { checkSite, describeFindings } from '../site-check/index.ts';
import { CommandError, runMain } from './main.ts';

const HELP = `Usage: npm run site:check -- [folder] [--audience public|board]

Reads every file of a built site (HTML, CSV, JSON, Parquet, PDF text, scripts) and fails, naming
the file and the value, on a row-level column, a direct identifier (masked), a board release or a
count the release's disclosure rule does not allow. The folder defaults to the audience's output
folder (dist/ for public). A board site is checked for row-level data and identifiers only.`;

await runMain(
  async () => {
    const { values, positionals } = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { audience: { type: 'string', default: 'public' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      console.log(HELP);
      return;
    }
    const audience = values.audience;
    if (audience !== 'public' && audience !== 'board') throw new UsageError(`--audience must be "public" or "board", not "${audience}"`);
    if (positionals.length > 1) throw new UsageError(`give one site folder, not ${positionals.length}`);
    const dir = positionals[0] ?? SITE_FOLDERS[audience].outDir;
    if (!existsSync(dir)) throw new CommandError(`No built site in ${dir}: build it first (npm run site).`);
    const findings = await checkSite(dir, { audience });
    if (findings.length > 0) throw new CommandError(describeFindings(dir, findings));
    console.log(`Site check passed: nothing row-level, no identifiers${audience === 'public' ? ', no board release and no count the rule forbids' : ''} in ${dir}.`);
  },
  { help: 'npm run site:check -- --help' },
);
