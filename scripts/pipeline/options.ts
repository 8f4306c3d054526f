/** Command-line options of `npm run data`, parsed and checked once. */
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { Audience } from '../../src/lib/outputs/tables.ts';
import { parseQuarter, quarterLabel, quarterOfDate, quarterStart } from '../../src/lib/period/quarter.ts';
import { SITE_FOLDERS } from '../../src/lib/site/site-build.ts';
import { identifierShapeRegex } from './guard/identifierPatterns.ts';
import { DEFAULT_REVISION_REASON } from './revise/index.ts';

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
  /** Where to write the internal claims file (board audience only), or null for none. */
  claimsFile?: string | null;
  /** Claim window the claims file lists, e.g. "2014-15 Q3"; by default the last published quarter. */
  claimsWindow?: string | null;
  /** The release archive to compare with (public audience only), or null for none. */
  archiveDir?: string | null;
  /** Why figures were revised, for the revisions log and page; null for the standard wording. */
  revisionReason?: string | null;
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
                         values from rejected rows, so it is refused under public/, dist/ or --out
  --threshold <n>        counts from 1 to n-1 are suppressed (default 5)
  --round <5|10>         round published counts to this base (default: no rounding)
  --accept-partial       publish the good rows and report the rejected ones instead of failing
  --pseudonymise         replace family_ref and claim_ref by keyed HMAC-SHA256 pseudonyms; the key
                         comes from TFO_PSEUDONYMISATION_KEY or --key-file and is never written out
  --key-file <path>      file holding the pseudonymisation key
  --last-quarter <label> last quarter to publish, e.g. "2026-27 Q2" (default: the quarter of the
                         latest date in the extracts, or the last complete one before
                         SOURCE_DATE_EPOCH when that is set)
  --claims-file <path>   also write the families that meet a claim window's results criteria
                         (pseudonymous references, the rule met, dates) as CSV, for the
                         coordinator; board audience only, never under public/, dist/ or --out
  --claims-window <label>
                         claim window the claims file lists, e.g. "2014-15 Q3" (default: the
                         last published quarter)
  --archive <folder>     the release archive (see npm run release): compare with the latest
                         archived release before this one, mark revised figures [r] and write
                         revisions.json; public audience only
  --revision-reason <text>
                         why this release revises earlier figures, in a sentence for the
                         revisions page; needs --archive. Default:
                         "${DEFAULT_REVISION_REASON}"
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
        'claims-file': { type: 'string' },
        'claims-window': { type: 'string' },
        archive: { type: 'string' },
        'revision-reason': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(parseArgsMessage(error));
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (!v.extracts) throw new UsageError('--extracts <folder> is required, e.g. --extracts data/sample');
  if (v.audience !== 'public' && v.audience !== 'board') {
    throw new UsageError(`--audience must be "public" or "board", not "${v.audience}"`);
  }
  const threshold = wholeNumber(v.threshold);
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 100) {
    throw new UsageError(`--threshold must be a whole number from 1 to 100, not "${v.threshold}"`);
  }
  const roundTo = v.round === undefined ? null : wholeNumber(v.round);
  if (roundTo !== null && roundTo !== 5 && roundTo !== 10) {
    throw new UsageError(`--round must be 5 or 10, not "${v.round}"`);
  }
  const claimsFile = v['claims-file'] ?? null;
  if (claimsFile !== null && v.audience !== 'board') {
    throw new UsageError('--claims-file lists families by reference, so it is for the internal (board) audience only; add --audience board, and keep the file out of anything published.');
  }
  const claimsWindow = v['claims-window'] ?? null;
  if (claimsWindow !== null && claimsFile === null) throw new UsageError('--claims-window needs --claims-file <path>: it chooses the window the claims file lists.');
  if (claimsWindow !== null && !/^\d{4}-\d{2} Q[1-4]$/.test(claimsWindow)) {
    throw new UsageError(`--claims-window must be a financial quarter such as "2014-15 Q3", not "${claimsWindow}"`);
  }
  const lastQuarter = v['last-quarter'] ?? null;
  const parsedLast = lastQuarter === null ? null : parseQuarter(lastQuarter);
  // Checked here, before minutes of reading, rather than when the period is worked out.
  if (lastQuarter !== null && !parsedLast) {
    throw new UsageError(`--last-quarter must be a financial quarter such as "2026-27 Q2", not "${lastQuarter}"`);
  }
  const archiveDir = v.archive ?? null;
  if (archiveDir !== null && v.audience !== 'public') {
    throw new UsageError('--archive compares public releases figure by figure, so it is for the public audience only; drop it for --audience board.');
  }
  const revisionReason = parseRevisionReason(v['revision-reason'], archiveDir);
  const sourceDateEpoch = parseSourceDateEpoch(env.SOURCE_DATE_EPOCH);
  const today = sourceDateEpoch ?? now.toISOString().slice(0, 10);
  const lastQuarterStart = parsedLast ? quarterStart(parsedLast) : null;
  // A quarter that has not begun has no data: its rows would be published as zeros.
  if (lastQuarterStart !== null && lastQuarterStart > today) {
    throw new UsageError(`--last-quarter ${lastQuarter} has not begun (it starts on ${lastQuarterStart}; today is ${today}${sourceDateEpoch ? ', from SOURCE_DATE_EPOCH' : ''}). Give a quarter no later than the current one, ${quarterLabel(quarterOfDate(today))}, or leave --last-quarter out.`);
  }
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
    today,
    sourceDateEpoch,
    lastQuarter,
    claimsFile,
    claimsWindow,
    archiveDir,
    revisionReason,
    quiet: v.quiet ?? false,
  };
}

/** Digits only: Number() would also take "0x5", "5e0", " 5" and "", none of them what was meant. */
function wholeNumber(text: string | undefined): number {
  return text !== undefined && /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
}

/** Longest reason: a sentence or two in a table cell, not a report. */
export const REVISION_REASON_MAX = 300;

/** The reason, trimmed, or null; it is published, so it is one short line of plain text. */
function parseRevisionReason(text: string | undefined, archiveDir: string | null): string | null {
  if (text === undefined) return null;
  if (archiveDir === null) throw new UsageError('--revision-reason says why figures of an earlier release changed, so it needs --archive <folder> to compare with.');
  const reason = text.trim();
  if (reason === '') throw new UsageError('--revision-reason is empty; give a sentence such as "Late attachments recorded by the Northgate team."');
  // Control characters (line breaks, tabs, escapes) would break the table cell and the log's one-line entries.
  if (/\p{Cc}/u.test(reason)) throw new UsageError('--revision-reason must be one line of text, without line breaks, tabs or other control characters.');
  if (identifierShapeRegex().test(reason)) {
    throw new UsageError('--revision-reason holds what looks like a direct identifier (an email address, phone number, postcode, NHS, National Insurance or pupil number); the reason is published, so say what was revised without it.');
  }
  if ([...reason].length > REVISION_REASON_MAX) {
    throw new UsageError(`--revision-reason is ${[...reason].length} characters; keep it to ${REVISION_REASON_MAX} (a sentence or two for the revisions page).`);
  }
  return reason;
}

/** 9999-12-31T23:59:59Z. */
const LAST_EPOCH_SECOND = 253_402_300_799;

function parseSourceDateEpoch(text: string | undefined): string | null {
  if (text === undefined || text === '') return null;
  const seconds = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  // The date is written as yyyy-mm-dd, so it must fall before the year 10000.
  if (!Number.isSafeInteger(seconds) || seconds > LAST_EPOCH_SECOND) {
    throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 up to ${LAST_EPOCH_SECOND} (the last second of 9999), not "${text}"`);
  }
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** Node's parseArgs messages, shortened to what to type instead. */
export function parseArgsMessage(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const message = e.message ?? String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option ${option ?? message}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return option && /argument missing/.test(message) ? `${option} needs a value.` : message;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? message}: every value follows its option, e.g. --extracts <folder>.`;
    default:
      return message;
  }
}

/**
 * Checks the folders named on the command line before anything is read or written: the extracts
 * and reference folders exist, and the data-quality report, which quotes values from rejected
 * rows, is nowhere the site publishes (public/, dist/, the output folder) nor holds one of them.
 */
export function checkPipelinePaths(
  options: Pick<PipelineOptions, 'extractsDir' | 'referenceDir' | 'outDir' | 'reportDir' | 'claimsFile' | 'archiveDir'>,
  projectRoot = process.cwd(),
): void {
  requireFolder('--extracts', options.extractsDir, 'the folder holding families.csv, outcomes.csv, claims.csv and area_indicators.csv');
  requireFolder('--reference', options.referenceDir, 'the reference data folder, e.g. data/reference');
  if (options.archiveDir) requireFolder('--archive', options.archiveDir, 'the release archive folder (`npm run release` fills it; make an empty one before the first release)');
  // Compare every spelling of each path (as given, with its folder's links resolved, with its
  // own link resolved): `public/data` is a link to a staging folder, and `public` may be a link.
  const report = spellings(options.reportDir);
  const published: [string[], string][] = [
    ...publishedFolders(projectRoot).map(({ path, what }): [string[], string] => [spellings(path), what]),
    [spellings(options.outDir), `the output folder (--out ${options.outDir}), which the site publishes`],
  ];
  const hint = 'the report quotes values from rejected rows, so keep it private: give a folder outside public/, dist/ and --out, e.g. --report data-quality.';
  for (const [folders, what] of published) {
    for (const r of report) {
      for (const folder of folders) {
        if (within(r, folder)) throw new UsageError(`--report ${options.reportDir} is inside ${what}; ${hint}`);
        if (within(folder, r)) {
          throw new UsageError(`--report ${options.reportDir} holds ${what}, and a run replaces the whole report folder; ${hint}`);
        }
      }
    }
  }
  if (options.claimsFile) {
    checkClaimsFile(options.claimsFile, [
      ...published,
      [report, `the report folder (--report ${options.reportDir}), which each run replaces whole`],
      // A file there would be read as an extract next run (or overwrite one, e.g. claims.csv).
      [spellings(options.extractsDir), `the extracts folder (--extracts ${options.extractsDir}), which each run reads as input`],
      [spellings(options.referenceDir), `the reference folder (--reference ${options.referenceDir}), which each run reads as input`],
    ]);
  }
}

/** The claims file names families: never inside a published folder (nor one a run replaces), never a folder itself. */
function checkClaimsFile(path: string, published: readonly [string[], string][]): void {
  const hint = 'it lists families by reference, so keep it private: give a path outside public/, dist/, --out, --report, --extracts and --reference, e.g. --claims-file claims/2014-15-Q3.csv.';
  for (const [folders, what] of published) {
    if (spellings(path).some((p) => folders.some((folder) => within(p, folder)))) throw new UsageError(`--claims-file ${path} is inside ${what}; ${hint}`);
  }
  requireFolder('--claims-file', dirname(resolve(path)), 'a path in a folder that exists', false);
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    // Not there yet: the run creates it.
  }
  if (isFolder) throw new UsageError(`--claims-file ${path} is a folder; give the path of the CSV file to write, e.g. ${join(path, 'claims.csv')}.`);
}

/** Folders of the project that end up on a web server: what Astro copies, the sites it builds, their data. */
export function publishedFolders(projectRoot = process.cwd()): { path: string; what: string }[] {
  const folders = [{ path: join(projectRoot, 'public'), what: 'public/, which the site publishes' }];
  for (const [audience, { dataDir, outDir }] of Object.entries(SITE_FOLDERS)) {
    folders.push({ path: resolve(projectRoot, outDir), what: `${outDir}/, the built ${audience} site` });
    folders.push({ path: resolve(projectRoot, dataDir), what: `${dataDir}, the ${audience} site's data` });
  }
  return folders;
}

function within(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

function spellings(path: string): string[] {
  const absolute = resolve(path);
  return [...new Set([absolute, join(canonical(dirname(absolute)), basename(absolute)), canonical(absolute)])];
}

/** A UsageError unless `path` is a folder that exists (and, with `mustRead`, that this account can list): what the option should name is in `what`. */
export function requireFolder(option: string, path: string, what: string, mustRead = true): void {
  let isFolder: boolean;
  let readable = true;
  try {
    isFolder = statSync(path).isDirectory();
    readable = !isFolder || !mustRead || canRead(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError(`${option} ${path}: no such folder; give ${what}.`);
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`${option} ${path}: permission denied; give ${what} that you can read.`);
    throw error;
  }
  if (!isFolder) throw new UsageError(`${option} ${path} is a file, not a folder; give ${what}.`);
  if (!readable) {
    throw new UsageError(`${option} ${path}: permission denied, the account running the pipeline cannot list or read this folder; give ${what} that it can read, or give it read access (e.g. chmod a+rx).`);
  }
}

/** Listing a folder and opening what is in it needs read and search permission. */
function canRead(path: string): boolean {
  try {
    accessSync(path, constants.R_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The absolute path with links resolved as far as the path exists (the rest may not exist yet). */
function canonical(path: string): string {
  let existing = resolve(path);
  const rest: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(existing), ...rest);
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return resolve(path);
      rest.unshift(basename(existing));
      existing = parent;
    }
  }
}
