/**
 * Reads every extract of the contract from one folder. A file whose name differs only in letter
 * case ("Families.csv") is read with a warning, since Windows and Excel do not care about case;
 * any other file is reported as unexpected so a misnamed extract is not silently ignored.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { extracts as contract, type ExtractSpec } from '../contract/extracts.ts';
import { extractLimits } from '../contract/limits.ts';
import { identifierShapeRegex } from '../guard/identifierPatterns.ts';
import type { DataIssue } from '../issues.ts';
import { rowCount } from '../progress.ts';
import { openExtract, type OpenedExtract } from './openExtract.ts';
import { readExtract, type CleanPass, type ReadResult } from './readExtract.ts';

export interface ReadAllOptions {
  readonly workDir: string;
  /** Defaults to the four extracts of the contract. */
  readonly specs?: readonly ExtractSpec[];
  /** Told of each file once it is read: a large extract takes seconds, so the analyst sees progress. */
  readonly onProgress?: (message: string) => void;
  /** Tried first on each file that may be clean (see readExtract). */
  readonly cleanPass?: CleanPass;
}

export interface ReadAllResult {
  readonly reads: ReadResult[];
  /** Issues about the folder rather than one extract (unexpected files). */
  readonly folderIssues: DataIssue[];
}

export async function readExtracts(conn: DuckDBConnection, extractsDir: string, opts: ReadAllOptions): Promise<ReadAllResult> {
  const specs = opts.specs ?? contract;
  // Links count as files here so they are matched and then refused by name (see openExtract);
  // folders are ignored.
  const names = (await readdir(extractsDir, { withFileTypes: true })).filter((e) => !e.isDirectory()).map((e) => e.name);
  const used = new Set<string>();
  const found = specs.map((spec) => {
    const exact = names.find((n) => n === spec.file);
    const loose = exact ?? names.find((n) => n.toLowerCase() === spec.file.toLowerCase());
    if (loose) used.add(loose);
    return { spec, loose };
  });
  // Each file's bytes are loaded (on libuv's threads) while DuckDB reads the file before it:
  // loading a large extract takes about a third of DuckDB's read. Only when both files together
  // are within one file's size limit, so memory still holds at most that many extract bytes.
  const open = (i: number) => {
    const next = found[i];
    const opening = next?.loose ? openExtract(extractsDir, next.loose, next.spec.file) : undefined;
    // Awaited in order below; a failure is reported there, not as an unhandled rejection meanwhile.
    opening?.catch(() => undefined);
    return opening;
  };
  const fitsBeside = async (opened: OpenedExtract, i: number): Promise<boolean> => {
    const next = found[i]?.loose;
    if (!next) return false;
    const size = await stat(join(extractsDir, next)).then((s) => s.size, () => null);
    return size !== null && (opened.ok ? opened.bytes.length : 0) + size <= extractLimits.fileBytes;
  };
  const reads: ReadResult[] = [];
  let ahead = open(0);
  for (const [i, { spec, loose }] of found.entries()) {
    const readOnce = async (cleanPass: CleanPass | undefined, opening?: Promise<OpenedExtract>): Promise<ReadResult> => {
      const read = await readExtract(conn, extractsDir, spec, { workDir: opts.workDir, ...(loose ? { fileName: loose } : {}), ...(cleanPass ? { cleanPass } : {}), ...(opening ? { opening } : {}) });
      opts.onProgress?.(`${spec.file}: ${rowCount(read.rowsIn)} read`);
      return loose && loose !== spec.file ? withCaseWarning(read, spec, loose) : read;
    };
    const current = ahead ?? open(i);
    ahead = current && (await fitsBeside(await current, i + 1)) ? open(i + 1) : undefined;
    const read = await readOnce(opts.cleanPass, current);
    reads.push(read.clean ? { ...read, readAgain: () => readOnce(undefined) } : read);
  }
  const folderIssues = names
    .filter((n) => !used.has(n) && /\.(csv|txt|xlsx?)$/i.test(n))
    .sort()
    .map(maskedFileName)
    .map(
      (n): DataIssue => ({
        file: n, line: 0, column: 0, column_name: null, code: 'unexpected_file', severity: 'warning',
        message: `${n} is not one of the extracts (${specs.map((s) => s.file).join(', ')}) and was not read.`,
        fix: 'Rename it if it is one of the extracts, or move it out of the extracts folder.',
      }),
    );
  return { reads, folderIssues };
}

/**
 * A file name with what may be a direct identifier in it ("referral-943 476 5919.csv") shown with
 * that part masked: the name goes into the console and the quality report. The guard's value
 * shapes are used without their check digits, so anything with the shape is masked.
 */
const identifierInName = identifierShapeRegex('gi');

function maskedFileName(name: string): string {
  return name.replace(identifierInName, (found) => found.slice(0, 1) + found.slice(1).replace(/[A-Za-z0-9]/g, '*'));
}

function withCaseWarning(read: ReadResult, spec: ExtractSpec, loose: string): ReadResult {
  const issue: DataIssue = {
    file: spec.file, line: 0, column: 0, column_name: null, code: 'file_name_case', severity: 'warning',
    message: `Read "${loose}" as ${spec.file}.`,
    fix: `Rename the file to ${spec.file} (lower case), as the contract names it.`,
  };
  return { ...read, issues: [issue, ...read.issues], counts: [{ file: spec.file, code: issue.code, severity: 'warning', count: 1 }, ...read.counts] };
}
