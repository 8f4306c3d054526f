/** Command-line options of `npm run data`, parsed and checked once. */
import { parseArgs } from 'node:util';
import type { Audience } from '../../src/lib/outputs/tables.ts';

export interface PipelineOptions {
  extractsDir: string;
  referenceDir: string;
  outDir: string;
  reportDir: string;
  audience: Audience;
  threshold: number;
  roundTo: number | null;
  acceptPartial: boolean;
  pseudonymise: boolean;
  keyFile: string | null;
  /** ISO date used for "dates in the future" checks: SOURCE_DATE_EPOCH, else today. */
  today: string;
  /** SOURCE_DATE_EPOCH as an ISO date, when set: fixes the release date. */
  sourceDateEpoch: string | null;
  /** Last quarter to publish, e.g. "2026-27 Q2"; by default the quarter of the latest date. */
  lastQuarter: string | null;
  quiet: boolean;
}

export const USAGE = `Usage: npm run data -- --extracts <folder> [options]

Validates the extracts, aggregates them by locality and financial quarter, applies disclosure
control and writes Parquet files and manifest.json.

Options:
  --extracts <folder>    folder holding families.csv, outcomes.csv, claims.csv, area_indicators.csv
  --audience <public|board>
                         public (default): disclosure control applied; board: unsuppressed, internal only
  --out <folder>         where the Parquet files go (default public/data)
  --reference <folder>   reference data (default data/reference)
  --report <folder>      where the data-quality report goes (default data-quality); it quotes
                         values from rejected rows, so it is never written under public/
  --threshold <n>        counts from 1 to n-1 are suppressed (default 5)
  --round <5|10>         round published counts to this base (default: no rounding)
  --accept-partial       publish the good rows and report the rejected ones instead of failing
  --pseudonymise         replace family_ref and claim_ref by keyed HMAC-SHA256 pseudonyms; the key
                         comes from TFO_PSEUDONYMISATION_KEY or --key-file and is never written out
  --key-file <path>      file holding the pseudonymisation key
  --last-quarter <label> last quarter to publish, e.g. "2026-27 Q2" (default: the quarter of the
                         latest date in the extracts, or the last complete one before
                         SOURCE_DATE_EPOCH when that is set)
  --quiet                no progress lines
  --help                 show this help
`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parsePipelineOptions(argv: readonly string[], env: NodeJS.ProcessEnv, now = new Date()): PipelineOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        extracts: { type: 'string' },
        audience: { type: 'string', default: 'public' },
        out: { type: 'string', default: 'public/data' },
        reference: { type: 'string', default: 'data/reference' },
        report: { type: 'string', default: 'data-quality' },
        threshold: { type: 'string', default: '5' },
        round: { type: 'string' },
        'accept-partial': { type: 'boolean', default: false },
        pseudonymise: { type: 'boolean', default: false },
        'key-file': { type: 'string' },
        'last-quarter': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (!v.extracts) throw new UsageError('--extracts <folder> is required, e.g. --extracts data/sample');
  if (v.audience !== 'public' && v.audience !== 'board') {
    throw new UsageError(`--audience must be "public" or "board", not "${v.audience}"`);
  }
  const threshold = Number(v.threshold);
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 100) {
    throw new UsageError(`--threshold must be a whole number from 1 to 100, not "${v.threshold}"`);
  }
  const roundTo = v.round === undefined ? null : Number(v.round);
  if (roundTo !== null && roundTo !== 5 && roundTo !== 10) {
    throw new UsageError(`--round must be 5 or 10, not "${v.round}"`);
  }
  const sourceDateEpoch = parseSourceDateEpoch(env.SOURCE_DATE_EPOCH);
  return {
    extractsDir: v.extracts,
    referenceDir: v.reference ?? 'data/reference',
    outDir: v.out ?? 'public/data',
    reportDir: v.report ?? 'data-quality',
    audience: v.audience,
    threshold,
    roundTo,
    acceptPartial: v['accept-partial'] ?? false,
    pseudonymise: v.pseudonymise ?? false,
    keyFile: v['key-file'] ?? null,
    today: sourceDateEpoch ?? now.toISOString().slice(0, 10),
    sourceDateEpoch,
    lastQuarter: v['last-quarter'] ?? null,
    quiet: v.quiet ?? false,
  };
}

function parseSourceDateEpoch(text: string | undefined): string | null {
  if (text === undefined || text === '') return null;
  const seconds = Number(text);
  if (!Number.isInteger(seconds) || seconds < 0) {
    throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${text}"`);
  }
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}
