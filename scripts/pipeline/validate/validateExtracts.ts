/**
 * The input stage in one call: read every extract into raw tables, let the caller inspect them
 * (the privacy guard runs here, on the raw tables, before any value is typed), then validate each
 * file and build its typed table.
 *
 *   readExtracts      raw_families, raw_outcomes, raw_claims, raw_area_indicators (VARCHAR + __line)
 *   afterRead hook    e.g. the privacy guard; throw to stop the run
 *   validateExtracts  families, outcomes, claims, area_indicators (typed, accepted rows only)
 *
 * Each raw table is dropped once nothing reads it again (keepRaw keeps them all). Families are
 * validated first because outcomes and claims must refer to an accepted family.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ident } from '../duckdb.ts';
import type { DataIssue } from '../issues.ts';
import { rowCount } from '../progress.ts';
import type { Reference } from '../../../src/lib/reference/load.ts';
import type { Encoding } from '../read/decodeExtract.ts';
import { DETAIL_CAP, mergeCounts, sortIssues, type IssueCount } from '../read/issueLog.ts';
import type { ReadResult } from '../read/readExtract.ts';
import { readExtracts, type ReadAllResult } from '../read/readExtracts.ts';
import { FAMILIES_TABLE } from './codeChecks.ts';
import { prepareValidation, validateExtract, type ValidateResult } from './validateExtract.ts';
import { cleanPass } from './cleanPass.ts';
import { guardTargets, refuseDirectIdentifiers } from '../guard/guardExtract.ts';

export interface ExtractOutcome {
  readonly file: string;
  /** Typed table in DuckDB, e.g. "families". */
  readonly table: string;
  /** Raw table in DuckDB, e.g. "raw_families". */
  readonly rawTable: string;
  readonly encoding: Encoding | null;
  readonly sha256: string | null;
  readonly rowsIn: number;
  readonly accepted: number;
  readonly rejected: number;
  /** Lines of rejected rows, ascending, at most the detail cap. */
  readonly rejectedLines: readonly number[];
  /** False when a file-level error (missing file or column, unreadable bytes) rejects every row. */
  readonly usable: boolean;
  /** Issues about this file from reading and validation (details capped per code). */
  readonly issues: readonly DataIssue[];
  /** Exact counts per issue code. */
  readonly counts: readonly IssueCount[];
}

export interface ExtractsResult {
  readonly files: ExtractOutcome[];
  /** Issues about the folder itself (unexpected files). */
  readonly folderIssues: DataIssue[];
  /** Every issue, sorted by file, line and column. */
  readonly issues: DataIssue[];
  readonly counts: IssueCount[];
  readonly errors: number;
  readonly warnings: number;
  readonly rejected: number;
  /**
   * True when the run must stop. By default any error fails it. With acceptPartial, rejected rows
   * are left out and the run goes on, unless a whole file is unusable or lost every row.
   */
  readonly failed: boolean;
}

export interface ValidateAllOptions {
  readonly today: string;
  readonly acceptPartial?: boolean;
  readonly detailCap?: number;
  /**
   * Keep the raw tables after validation. By default they are dropped once every typed table is
   * built: nothing later reads them, and they hold more than half the memory of a large run.
   */
  readonly keepRaw?: boolean;
  /** Told of each file once it is validated. */
  readonly onProgress?: (message: string) => void;
}

export async function validateExtracts(conn: DuckDBConnection, readAll: ReadAllResult, ref: Reference, opts: ValidateAllOptions): Promise<ExtractsResult> {
  const cap = opts.detailCap ?? DETAIL_CAP;
  const reads = [...readAll.reads].sort((a, b) => Number(b.spec.table === FAMILIES_TABLE) - Number(a.spec.table === FAMILIES_TABLE));
  const outcomes = new Map<string, ExtractOutcome>();
  const validated: ReadResult[] = [];
  for (const first of reads) {
    let read = first;
    let result = await validateExtract(conn, read, ref, { today: opts.today, detailCap: cap });
    if (read.clean && needsDetailedPath(read, result)) {
      // The clean pass typed this file but a check found something only the detailed path can
      // word, so the file is read, guarded and validated again that way.
      opts.onProgress?.(`${read.spec.file}: issues found; reading it again for the detailed report`);
      read = await readDetailed(conn, read);
      result = await validateExtract(conn, read, ref, { today: opts.today, detailCap: cap });
    }
    const rejected = read.structuralRejects + result.rejected;
    const accepted = read.rowsIn - rejected;
    const rejectedLines = [...read.structuralRejectedLines, ...result.rejectedLines].sort((a, b) => a - b).slice(0, cap);
    outcomes.set(read.spec.file, {
      file: read.spec.file,
      table: read.spec.table,
      rawTable: read.table,
      encoding: read.encoding,
      sha256: read.sha256,
      rowsIn: read.rowsIn,
      accepted,
      rejected,
      rejectedLines,
      usable: read.usable,
      issues: sortIssues([...read.issues, ...result.issues]),
      counts: mergeCounts(read.counts, result.counts),
    });
    opts.onProgress?.(`${read.spec.file}: ${rowCount(accepted)} accepted, ${rowCount(rejected)} rejected`);
    // Raw tables hold most of a large run's memory; only raw_families is read again (by the
    // family-reference checks of later files).
    if (!opts.keepRaw && read.spec.table !== FAMILIES_TABLE) await dropRaw(conn, read);
    validated.push(read);
  }
  if (!opts.keepRaw) for (const read of validated) await dropRaw(conn, read);
  // Report in the order the reads came in (the contract's order), not validation order.
  const files = readAll.reads.map((r) => outcomes.get(r.spec.file)).filter((o): o is ExtractOutcome => o !== undefined);
  const folderCounts = mergeCounts(readAll.folderIssues.map((i) => ({ file: i.file, code: i.code, severity: i.severity, count: 1 })));
  const counts = mergeCounts(folderCounts, ...files.map((f) => f.counts));
  const total = (severity: string) => counts.filter((c) => c.severity === severity).reduce((n, c) => n + c.count, 0);
  const errors = total('error');
  const wholeFileLost = files.some((f) => !f.usable || (f.rowsIn > 0 && f.accepted === 0));
  return {
    files,
    folderIssues: readAll.folderIssues,
    issues: sortIssues([...readAll.folderIssues, ...files.flatMap((f) => f.issues)]),
    counts,
    errors,
    warnings: total('warning'),
    rejected: files.reduce((n, f) => n + f.rejected, 0),
    failed: errors > 0 && (!opts.acceptPartial || wholeFileLost),
  };
}

/**
 * Whether a clean-pass file's issues must come from the detailed path: a check that quotes the
 * text as written found something (validateExtract), or rows of families.csv were rejected. Later
 * files look rejected families up in raw_families, which for a clean-pass file is a view of the
 * accepted rows only.
 */
function needsDetailedPath(read: ReadResult, result: ValidateResult): boolean {
  return result.needsDetailedPath === true || (read.spec.table === FAMILIES_TABLE && result.rejected > 0);
}

/**
 * A clean-pass file read again by the detailed path. Its values were tested only with the guard's
 * first pass, and these bytes are read anew, so the guard looks at them before anything else.
 */
async function readDetailed(conn: DuckDBConnection, clean: ReadResult): Promise<ReadResult> {
  if (!clean.readAgain) throw new Error(`${clean.file}: a clean-pass read needs readAgain (readExtracts sets it).`);
  await cleanPass.discard(conn, clean.spec);
  const read = await clean.readAgain();
  await refuseDirectIdentifiers(conn, guardTargets([read]));
  return read;
}

/** The raw table, or for a clean-pass file the view standing in for it. */
async function dropRaw(conn: DuckDBConnection, read: ReadResult): Promise<void> {
  await conn.run(`DROP ${read.clean ? 'VIEW' : 'TABLE'} IF EXISTS ${ident(read.table)}`);
}

export interface LoadOptions extends ValidateAllOptions {
  /** Scratch directory for clean copies of extracts. */
  readonly workDir: string;
  /** Runs after the raw tables are loaded and before validation: the privacy guard's place. */
  readonly afterRead?: (read: ReadAllResult) => Promise<void>;
  /**
   * Try the clean pass (cleanPass.ts) on each file first: the same issues, faster when a file has
   * none. It builds no raw table for a clean file, so it is off with keepRaw, and must be off when
   * afterRead rewrites the raw tables.
   */
  readonly cleanPass?: boolean;
}

/** readExtracts, then the afterRead hook, then validateExtracts. */
export async function loadAndValidateExtracts(conn: DuckDBConnection, extractsDir: string, ref: Reference, opts: LoadOptions): Promise<ExtractsResult> {
  const fast = opts.cleanPass === true && opts.keepRaw !== true;
  // The clean pass types values as it reads, with validation's macros.
  if (fast) await prepareValidation(conn, ref);
  const read = await readExtracts(conn, extractsDir, {
    workDir: opts.workDir,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(fast ? { cleanPass } : {}),
  });
  await opts.afterRead?.(read);
  return validateExtracts(conn, read, ref, opts);
}
