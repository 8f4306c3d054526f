// `npm run generate`: writes the fictional sample extracts. Exit codes: 0 written, 1 failed, 2 bad
// usage. `npm run generate -- --help` lists the options.
import { parseArgs } from 'node:util';
import { generateSample, SAMPLE_DEFAULTS } from '../generate/sample.ts';
import { parseArgsMessage, requireFolder, UsageError } from '../pipeline/options.ts';
import { runMain } from './main.ts';

export const GENERATE_USAGE = `Usage: npm run generate -- [options]

Writes the fictional sample extracts (families.csv, outcomes.csv, claims.csv, area_indicators.csv):
seeded and deterministic, so the same options give the same files.

Options:
  --out <folder>         where the extracts go (default data/sample)
  --seed <n>             random seed (default ${SAMPLE_DEFAULTS.seed})
  --families <n>         families in one round of the programme (default ${SAMPLE_DEFAULTS.families})
  --outcome-rows <n>     exact number of outcome rows: more rounds are added until it is reached
  --as-at <yyyy-mm-dd>   last day of the data (default ${SAMPLE_DEFAULTS.asAt})
  --reference <folder>   reference data (default ${SAMPLE_DEFAULTS.referenceDir})
  --help                 show this help
`;

await runMain(
  async () => {
    let values;
    try {
      ({ values } = parseArgs({
        strict: true,
        allowPositionals: false,
        options: {
          out: { type: 'string', default: 'data/sample' },
          seed: { type: 'string', default: String(SAMPLE_DEFAULTS.seed) },
          families: { type: 'string', default: String(SAMPLE_DEFAULTS.families) },
          'outcome-rows': { type: 'string' },
          'as-at': { type: 'string', default: SAMPLE_DEFAULTS.asAt },
          reference: { type: 'string', default: SAMPLE_DEFAULTS.referenceDir },
          help: { type: 'boolean', default: false },
        },
      }));
    } catch (error) {
      throw new UsageError(parseArgsMessage(error));
    }
    if (values.help) {
      process.stdout.write(GENERATE_USAGE);
      return;
    }
    const rows = values['outcome-rows'];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values['as-at']) || Number.isNaN(Date.parse(values['as-at']))) {
      throw new UsageError(`--as-at must be a date as yyyy-mm-dd, not "${values['as-at']}"`);
    }
    requireFolder('--reference', values.reference, 'the reference data folder, e.g. data/reference');
    const summary = await generateSample({
      out: values.out,
      seed: whole('seed', values.seed),
      families: whole('families', values.families, 1),
      ...(rows === undefined ? {} : { outcomeRows: whole('outcome-rows', rows) }),
      asAt: values['as-at'],
      referenceDir: values.reference,
    });
    console.log(`Wrote ${values.out}: ${summary.families} families, ${summary.outcomes} outcomes, ${summary.claims} claims, ${summary.areaIndicators} area indicator rows`);
  },
  {
    help: 'npm run generate -- --help lists every option',
    // generateSample refuses impossible options (a date before the programme) with a plain Error.
    explain: (error) => (error instanceof Error && error.constructor === Error && !('code' in error) ? { message: error.message, exitCode: 2 } : null),
  },
);

function whole(name: string, text: string, least = 0): number {
  if (!/^\d+$/.test(text) || Number(text) < least || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`--${name} must be a whole number${least > 0 ? ` of at least ${least}` : ''}, not "${text}"`);
  }
  return Number(text);
}
