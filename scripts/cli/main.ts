/**
 * How every command ends when something goes wrong: one line that says what to do, exit code 2
 * when the command line is at fault and 1 otherwise, and no stack trace unless TFO_DEBUG=1 is
 * set (for a bug report). Known failures (a full or read-only disk, a missing folder, another run
 * holding the output) get a specific message; anything else still gets one line.
 */
import { printable } from '../pipeline/printable.ts';
import { CohortDisclosureError } from '../pipeline/disclose/cohort.ts';
import { DisclosureAuditError } from '../pipeline/disclose/release.ts';
import { formatIssue, PipelineError, type DataIssue } from '../pipeline/issues.ts';
import { UsageError } from '../pipeline/options.ts';
import { OutputPathError, outputOptionOf } from '../pipeline/write/atomic-dir.ts';
import { LockHeldError } from '../pipeline/write/lock.ts';

export interface Failure {
  message: string;
  exitCode: number;
}

export interface MainOptions {
  /** How to get help, appended to usage errors: "npm run data -- --help lists every option". */
  help: string;
  /** Messages for failures only this command knows about; null to fall back to the common ones. */
  explain?: (error: unknown) => Failure | null;
}

/** A failure the command explains itself: its message is the whole line. */
export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const debug = (): boolean => process.env.TFO_DEBUG === '1';

/** Runs a command's body and turns any failure into one line and an exit code. */
export async function runMain(body: () => Promise<void> | void, options: MainOptions): Promise<void> {
  installLastResort();
  try {
    await body();
  } catch (error) {
    const failure = options.explain?.(error) ?? describeFailure(error, options.help);
    report(failure, error);
  }
}

export function describeFailure(error: unknown, help: string): Failure {
  if (error instanceof CommandError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof UsageError) return { message: `${error.message} (${help})`, exitCode: 2 };
  if (error instanceof OutputPathError) return { message: error.message, exitCode: 2 };
  if (error instanceof LockHeldError) return { message: error.message, exitCode: 1 };
  if (error instanceof PipelineError) {
    // Bad data (reference data, an extract): the summary, then each problem on its own line.
    const shown = error.issues.filter((i) => i.severity === 'error').slice(0, 25);
    return { message: [error.message, ...shown.map(issueLine)].join('\n'), exitCode: 1 };
  }
  if (error instanceof DisclosureAuditError || error instanceof CohortDisclosureError) {
    // Refusing is the safe outcome: the design could not protect every hidden figure.
    return {
      message: `${error.message}\nFix: nothing was published. If the figures named were shown by an earlier release in --archive, that release already lets a reader narrow them (it was made before the pipeline knew the relation named): tell the data protection officer, and see "What is not protected" in docs/disclosure-control.md. Otherwise report it with this message (it names figures, not families).`,
      exitCode: 1,
    };
  }
  return describeSystemError(error) ?? unexpected(error);
}

/**
 * File-system failures, from Node (error.code) or from DuckDB (its message names the errno), as
 * one line that says what to do. Exit code 2 when a path on the command line is unusable
 * (missing, not a folder, read-only, not allowed), 1 when the machine is (disk full, too many
 * open files, a disk error).
 */
export function describeSystemError(error: unknown): Failure | null {
  // The project's own errors are worded already; their text may say "permission denied" too.
  if (isWorded(error)) return null;
  const e = error as NodeJS.ErrnoException & { dest?: string };
  const message = typeof e?.message === 'string' ? e.message : '';
  const code = typeof e?.code === 'string' ? e.code : duckdbErrno(message);
  if (!code) return null;
  const file = e.path ?? e.dest ?? /"([^"]+)"/.exec(message)?.[1] ?? /'([^']+)'/.exec(message)?.[1];
  // Which option the path belongs to, when it is one of the pipeline's output folders.
  const option = outputOptionOf(error, file);
  const path = (file ?? 'a file') + (option && !option.endsWith(` ${file}`) ? ` (${option})` : '');
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return { message: `No space left on the disk to write ${path}: free some space or give a folder on another disk, then run again.`, exitCode: 1 };
    case 'EROFS':
      return { message: `${path} is on a read-only disk: give a folder on a disk you can write to.`, exitCode: 2 };
    case 'EACCES':
    case 'EPERM':
      return { message: `Permission denied for ${path}: give a folder you can write to, or ask for access to this one.`, exitCode: 2 };
    case 'ENOENT':
      return { message: `${path} does not exist: check the path.`, exitCode: 2 };
    case 'ENOTDIR':
      return { message: `${path}: part of this path is a file, not a folder: check the path.`, exitCode: 2 };
    case 'EISDIR':
      return { message: `${path} is a folder where a file was expected: check the path.`, exitCode: 2 };
    case 'ELOOP':
      return { message: `${path}: the symbolic links in this path go round in a loop: check the path.`, exitCode: 2 };
    case 'ENAMETOOLONG':
      return { message: `${path}: the path is too long: give a shorter one.`, exitCode: 2 };
    case 'ENOTEMPTY':
    case 'EEXIST':
      return { message: `${path} is in the way (${code}): check that no other program writes there, then run again.`, exitCode: 1 };
    case 'EMFILE':
    case 'ENFILE':
      return { message: `Too many open files (${code}): close other programs or raise the limit (ulimit -n), then run again.`, exitCode: 1 };
    case 'ENOMEM':
      return { message: 'Out of memory: close other programs or use a machine with more memory, then run again.', exitCode: 1 };
    case 'EIO':
      return { message: `The disk reported an input/output error on ${path}: check the disk, then run again.`, exitCode: 1 };
    case 'EXDEV':
      return { message: `${path} is on another disk than its staging folder: give an output folder on one disk.`, exitCode: 2 };
    default:
      return null;
  }
}

function isWorded(error: unknown): boolean {
  return [CommandError, UsageError, OutputPathError, LockHeldError, PipelineError].some((kind) => error instanceof kind);
}

function duckdbErrno(message: string): string | null {
  if (/No space left on device|Disk quota exceeded/i.test(message)) return 'ENOSPC';
  if (/Read-only file system/i.test(message)) return 'EROFS';
  if (/Permission denied/i.test(message)) return 'EACCES';
  return null;
}

function unexpected(error: unknown): Failure {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n').find((l) => l.trim() !== '') ?? 'unknown error';
  return {
    message: `Unexpected error: ${line.trim()}${debug() ? '' : ' (run again with TFO_DEBUG=1 to see where it happened, and report it)'}`,
    exitCode: 1,
  };
}

/** One issue on one line of the console, whatever its quoted value holds. */
export function issueLine(issue: DataIssue): string {
  return printable(formatIssue(issue));
}

function report(failure: Failure, error: unknown): void {
  console.error(printable(failure.message, true));
  if (debug() && error instanceof Error && error.stack) console.error(error.stack);
  process.exitCode = failure.exitCode;
}

let installed = false;

/** Errors no command caught (a rejected promise nobody awaited, a throw in a callback). */
function installLastResort(): void {
  if (installed) return;
  installed = true;
  const last = (error: unknown): void => {
    report(describeSystemError(error) ?? unexpected(error), error);
    process.exit(process.exitCode ?? 1);
  };
  process.on('uncaughtException', last);
  process.on('unhandledRejection', last);
}
