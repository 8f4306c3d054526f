// Writes the fictional sample extracts: npx tsx scripts/cli/generate.ts --out data/sample [--seed 2012]
// [--families 2000] [--outcome-rows N] [--as-at 2026-09-30] [--reference data/reference]
import { parseArgs } from 'node:util';
import { generateSample, SAMPLE_DEFAULTS } from '../generate/sample.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'data/sample' },
    seed: { type: 'string', default: String(SAMPLE_DEFAULTS.seed) },
    families: { type: 'string', default: String(SAMPLE_DEFAULTS.families) },
    'outcome-rows': { type: 'string' },
    'as-at': { type: 'string', default: SAMPLE_DEFAULTS.asAt },
    reference: { type: 'string', default: SAMPLE_DEFAULTS.referenceDir },
  },
});

const whole = (name: string, text: string): number => {
  if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a whole number, not "${text}"`);
  return Number(text);
};

try {
  const rows = values['outcome-rows'];
  const summary = await generateSample({
    out: values.out,
    seed: whole('seed', values.seed),
    families: whole('families', values.families),
    ...(rows === undefined ? {} : { outcomeRows: whole('outcome-rows', rows) }),
    asAt: values['as-at'],
    referenceDir: values.reference,
  });
  console.log(`Wrote ${values.out}: ${summary.families} families, ${summary.outcomes} outcomes, ${summary.claims} claims, ${summary.areaIndicators} area indicator rows`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
