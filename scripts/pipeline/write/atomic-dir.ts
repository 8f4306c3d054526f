/**
 * Publishes a folder of outputs all at once, so a run that fails or is killed at any instant
 * leaves either the complete old output or the complete new one, and the folder is always there.
 *
 * The output path (`public/data`) is a symbolic link to a complete, versioned folder kept in a
 * private staging folder, `.tfo-staging/`. A run fills a new version there, makes a new link
 * beside it and renames the link over the output path: rename(2) replaces the old link in one
 * step, so a reader (or `astro build`, which copies `public/` into `dist/` following the link)
 * sees the old version or the new one, never a mix and never nothing. Only then is the old
 * version removed. The staging folder is
 *
 * - never inside a folder Astro publishes: `<project>/.tfo-staging` when the output is inside
 *   the project (`public/data` stages in the project root), otherwise `.tfo-staging` in the
 *   folder above the output's parent (a web root such as /var/www/html may be published whole,
 *   the folder above it is not), or, when that is not writable or on another disk, beside the
 *   output (the staging folder is 0711 and what is being written 0700, so a web server there
 *   can neither list it nor read a half-written version);
 * - on the same file system as the output's parent, or the rename could not be atomic (checked).
 *
 * One run at a time: claiming an output takes a lock file in the staging folder, removes what
 * killed runs left there (half-written versions, links, the `.<name>.staging-*` folders the
 * previous, non-atomic version of this code left beside the output) and puts back an output a
 * kill took away. An `--out` that is a symbolic link the user made is written through: the
 * folder it points to becomes the output. A real folder (from an older version of the pipeline)
 * is turned into a link the first time; it is refused if it holds anything a run did not write.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { publishedFolders } from '../options.ts';
import { onExit } from './exit-cleanup.ts';
import { acquireLock, type HeldLock } from './lock.ts';
import { pidAlive } from './owner.ts';

export const STAGING_DIR_NAME = '.tfo-staging';

/** The folder named on the command line cannot be used as given: a usage error (exit code 2). */
export class OutputPathError extends Error {
  override name = 'OutputPathError';
}

export interface StagedDir {
  /** Write outputs here. */
  readonly path: string;
  /** Swap the staged folder into place of the target, atomically. */
  commit(): Promise<void>;
  /** Discard the staged folder (after a failure). */
  discard(): Promise<void>;
}

export interface OutputFolderOptions {
  /** How messages name the folder, e.g. "--out public/data". */
  label?: string;
  /** Files a run writes here: a real folder holding anything else is refused, never replaced. */
  owns?: (name: string) => boolean;
  /** Mode of a committed version: 0o755 for published data, 0o700 for the private report. */
  mode?: number;
  /** The project whose `public/` and `dist/` Astro publishes (default: the current folder). */
  projectRoot?: string;
}

export interface OutputFolder {
  /** The path as given. */
  readonly given: string;
  /** The path this run replaces: `given` with any user-made links followed, made absolute. */
  readonly target: string;
  readonly stagingRoot: string;
  /** Prefix of every name this output uses in the staging folder. */
  readonly key: string;
  readonly lock: HeldLock;
  /** A new, empty, private folder in the staging folder to write the outputs into. */
  stage(): StagedDir;
  release(): void;
}

const DEFAULT_OWNS = (name: string): boolean => /\.(parquet|json|md)$/.test(name);
const claimed = new Map<string, OutputFolder>();
/** Every output folder this process has claimed, kept after release so errors can name them. */
const known: { label: string; target: string; stagingRoot: string; key: string }[] = [];

/**
 * The option an error's path belongs to ("--out public/data"), for messages: set on errors raised
 * while claiming a folder, or found by the path (the folder, its staging folder, a parent).
 */
export function outputOptionOf(error: unknown, path: string | undefined): string | null {
  const own = (error as { outputOption?: unknown } | null)?.outputOption;
  if (typeof own === 'string') return own;
  if (!path) return null;
  const p = resolve(path);
  for (const k of known) {
    if (p === k.target || isInside(p, k.target) || isInside(k.target, p)) return k.label;
    if (isInside(p, k.stagingRoot) && basename(relative(k.stagingRoot, p).split(sep)[0] ?? '').startsWith(`${k.key}.`)) return k.label;
  }
  return null;
}

/** Where an output stages and locks, without changing anything (for tests and messages). */
export function stagingLocation(given: string, projectRoot = process.cwd()): { target: string; stagingRoot: string; key: string } {
  const target = resolveTarget(given, given, false);
  return { target, stagingRoot: chooseStagingRoot(target, projectRoot, given), key: keyOf(target) };
}

/** Locks an output folder for this run, after cleaning up what earlier, killed runs left. */
export function claimOutputFolder(given: string, options: OutputFolderOptions = {}): OutputFolder {
  const label = options.label ?? given;
  try {
    return claim(given, label, options);
  } catch (error) {
    // Let the message say which option the failing path belongs to.
    if (error instanceof Error && 'code' in error) Object.assign(error, { outputOption: label });
    throw error;
  }
}

function claim(given: string, label: string, options: OutputFolderOptions): OutputFolder {
  const owns = options.owns ?? DEFAULT_OWNS;
  const mode = options.mode ?? 0o755;
  const target = resolveTarget(given, label, true);
  const stagingRoot = chooseStagingRoot(target, options.projectRoot ?? process.cwd(), label);
  ensureStagingRoot(stagingRoot, target);
  const key = keyOf(target);
  known.push({ label, target, stagingRoot, key });
  const lock = acquireLock(join(stagingRoot, `${key}.lock`), label);
  try {
    recoverAndClean(target, stagingRoot, key);
    removeOrphans(stagingRoot, key);
    // Which folder these versions belong to, so a later run can tell when it is gone.
    writeFileSync(join(stagingRoot, `${key}.target`), `${target}\n`);
    refuseForeignFolder(target, label, owns);
  } catch (error) {
    lock.release();
    throw error;
  }
  const folder: OutputFolder = {
    given,
    target,
    stagingRoot,
    key,
    lock,
    stage: () => stage(target, stagingRoot, key, mode),
    release() {
      lock.release();
      if (claimed.get(given) === folder) claimed.delete(given);
    },
  };
  claimed.set(given, folder);
  return folder;
}

/**
 * A staging folder for `target`. Uses this run's claim on it when there is one; otherwise claims
 * it just for this staging and lets go after the commit or discard.
 */
export async function stageDir(target: string): Promise<StagedDir> {
  const held = claimed.get(target);
  if (held) return held.stage();
  const folder = claimOutputFolder(target);
  const staged = folder.stage();
  return {
    path: staged.path,
    async commit() {
      try {
        await staged.commit();
      } finally {
        folder.release();
      }
    },
    async discard() {
      try {
        await staged.discard();
      } finally {
        folder.release();
      }
    },
  };
}

/** Follows links the user made (write-through) to the path that will be this run's link. */
function resolveTarget(given: string, label: string, create: boolean): string {
  let path = resolve(given);
  for (let hop = 0; hop < 32; hop++) {
    const parent = dirname(path);
    if (create) mkdirSync(parent, { recursive: true });
    const target = join(realpathOrSelf(parent), basename(path));
    const stats = lstatOrNull(target);
    if (!stats?.isSymbolicLink()) return target;
    const pointsTo = resolve(dirname(target), readlinkSync(target));
    if (isVersionOf(target, pointsTo)) return target;
    if (basename(dirname(pointsTo)) === STAGING_DIR_NAME) {
      throw new OutputPathError(
        `${label} is a link into another output's staging folder (${pointsTo}); give that output's own folder, or a new folder.`,
      );
    }
    path = pointsTo;
  }
  throw new OutputPathError(`${label}: too many levels of symbolic links; give the folder itself.`);
}

function chooseStagingRoot(target: string, projectRoot: string, label: string): string {
  const project = realpathOrSelf(resolve(projectRoot));
  const published = publishedFolders(project).map(({ path }) => realpathOrSelf(path));
  const parent = dirname(target);
  const candidates: string[] = [];
  if (isInside(target, project)) candidates.push(join(project, STAGING_DIR_NAME));
  candidates.push(join(dirname(parent), STAGING_DIR_NAME), join(parent, STAGING_DIR_NAME));
  const parentDevice = deviceOf(parent);
  const usable = candidates.filter(
    (c) => !published.some((p) => c === p || isInside(c, p)) && (parentDevice === null || deviceOf(dirname(c)) === parentDevice),
  );
  if (usable.length === 0) {
    throw new OutputPathError(
      `${label}: ${parent} is a separate disk (a mount point) that the site publishes, so the output cannot be staged on that disk outside it. ` +
        'Give an output folder on a disk mounted one level higher.',
    );
  }
  // The first one this user can write to; if none, the first, so the error names the real cause
  // (a read-only disk, a permission).
  return usable.find(writable) ?? usable[0]!;
}

function writable(stagingRoot: string): boolean {
  try {
    accessSync(existsSync(stagingRoot) ? stagingRoot : dirname(stagingRoot), constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function ensureStagingRoot(root: string, target: string): void {
  try {
    // 0711: others may reach a published version by its path (a web server serving the link)
    // but cannot list what is being staged.
    mkdirSync(root, { mode: 0o711 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stats = lstatSync(root);
  if (stats.isSymbolicLink() || !stats.isDirectory()) {
    throw new OutputPathError(`${root} (where ${target} is staged) is not a folder: move it away and run again.`);
  }
  if (process.getuid && stats.uid !== process.getuid()) {
    throw new OutputPathError(`${root} (where ${target} is staged) belongs to another user: give an output folder of your own.`);
  }
}

function recoverAndClean(target: string, root: string, key: string): void {
  // The previous version of this code staged beside the target and swapped with two renames: a
  // kill between them left the old output as `.<name>.staging-XXXXXX.previous`.
  const parent = dirname(target);
  const legacyPrefix = `.${basename(target)}.staging-`;
  const legacy = readdirSync(parent).filter((name) => name.startsWith(legacyPrefix));
  if (!lstatOrNull(target)) {
    const previous = legacy.find((name) => name.endsWith('.previous'));
    if (previous) renameSync(join(parent, previous), target);
  }
  for (const name of legacy) removePath(join(parent, name));

  const mine = readdirSync(root).filter((name) => name.startsWith(`${key}.`));
  // Killed between moving a real folder aside and linking the new version: put the old one back.
  if (!lstatOrNull(target)) {
    const aside = mine.find((name) => name.startsWith(`${key}.migrated-`));
    if (aside) swapLink(target, join(root, aside), root, key);
  }
  const current = currentVersion(target);
  for (const name of mine) {
    const path = join(root, name);
    if (path === current || name === `${key}.lock` || name === `${key}.lock.takeover` || name === `${key}.target`) continue;
    const lockTemporary = /\.lock\.tmp-(\d+)-/.exec(name);
    if (lockTemporary && pidAlive(Number(lockTemporary[1]))) continue;
    removePath(path);
  }
}

/**
 * Removes the versions of outputs that no longer exist (a deleted scratch folder, a renamed
 * output): their `.target` file names a path that is not a link to one of them any more. An
 * output whose lock file exists is left alone, whoever holds it.
 */
function removeOrphans(root: string, ownKey: string): void {
  const names = readdirSync(root);
  for (const name of names) {
    if (!name.endsWith('.target')) continue;
    const key = name.slice(0, -'.target'.length);
    if (key === ownKey || names.includes(`${key}.lock`)) continue;
    let current: string | null;
    try {
      const target = readFileSync(join(root, name), 'utf8').trim();
      current = isAbsolute(target) ? currentVersion(target) : null;
    } catch {
      continue; // cannot tell: leave it
    }
    if (current && dirname(current) === root && basename(current).startsWith(`${key}.`)) continue;
    for (const other of names) {
      if (other.startsWith(`${key}.`) && other !== `${key}.lock` && !other.startsWith(`${key}.lock.`)) removePath(join(root, other));
    }
  }
}

function refuseForeignFolder(target: string, label: string, owns: (name: string) => boolean): void {
  const stats = lstatOrNull(target);
  if (!stats || stats.isSymbolicLink()) return;
  if (!stats.isDirectory()) throw new OutputPathError(`${label} is a file, not a folder: give a folder for the outputs.`);
  const foreign = readdirSync(target, { withFileTypes: true })
    .filter((entry) => !entry.isFile() || !owns(entry.name))
    .map((entry) => entry.name)
    .sort();
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? `, and ${foreign.length - 3} more` : '');
    throw new OutputPathError(
      `${label} holds files the pipeline did not write (${shown}), and a run replaces the whole folder: give a new or empty folder, or move those files out.`,
    );
  }
}

function stage(target: string, root: string, key: string, mode: number): StagedDir {
  const path = mkdtempSync(join(root, `${key}.${timestamp()}-`));
  const unregister = onExit(() => rmSync(path, { recursive: true, force: true }));
  killPoint('staged', target);
  return {
    path,
    async commit() {
      killPoint('written', target);
      syncFolder(path);
      chmodSync(path, mode);
      swapLink(target, path, root, key, unregister);
    },
    async discard() {
      rmSync(path, { recursive: true, force: true });
      unregister();
    },
  };
}

/**
 * Points `target` at `version` in one rename, then removes the version it pointed at before.
 * Synchronous on purpose: no signal handler can run in the middle.
 */
function swapLink(target: string, version: string, root: string, key: string, onSwapped: () => void = () => {}): void {
  const link = join(root, `${key}.link-${process.pid}-${randomBytes(4).toString('hex')}`);
  symlinkSync(relative(dirname(target), version), link);
  killPoint('linked', target);
  let previous: string | null = null;
  try {
    const stats = lstatOrNull(target);
    if (stats?.isSymbolicLink()) {
      previous = resolve(dirname(target), readlinkSync(target));
      renameSync(link, target);
    } else if (stats) {
      // A real folder (written by an older version of the pipeline) cannot be replaced by a link
      // in one step. Move it into the staging folder and link at once; a kill in between is
      // repaired at the start of the next run (recoverAndClean), which links the moved folder.
      previous = join(root, `${key}.migrated-${randomBytes(4).toString('hex')}`);
      renameSync(target, previous);
      killPoint('migrating', target);
      try {
        renameSync(link, target);
      } catch (error) {
        renameSync(previous, target);
        throw error;
      }
    } else {
      renameSync(link, target);
    }
  } catch (error) {
    unlinkQuietly(link);
    throw error;
  }
  onSwapped();
  killPoint('swapped', target);
  syncFolder(dirname(target), false);
  if (previous && previous !== version && dirname(previous) === root && basename(previous).startsWith(`${key}.`)) {
    rmSync(previous, { recursive: true, force: true });
  }
}

function currentVersion(target: string): string | null {
  const stats = lstatOrNull(target);
  if (!stats?.isSymbolicLink()) return null;
  return resolve(dirname(target), readlinkSync(target));
}

function isVersionOf(target: string, pointsTo: string): boolean {
  return basename(dirname(pointsTo)) === STAGING_DIR_NAME && basename(pointsTo).startsWith(`${keyOf(target)}.`);
}

/** "data-1a2b3c4d5e": the folder's name, and a hash of its full path so two `data` folders differ. */
function keyOf(target: string): string {
  const name = basename(target).replace(/[^\w.-]/g, '_').slice(0, 40) || 'root';
  return `${name}-${createHash('sha256').update(target).digest('hex').slice(0, 10)}`;
}

/** Flushes the files of a folder, and the folder, to disk (best effort: not every system can). */
function syncFolder(path: string, files = true): void {
  const flush = (p: string): void => {
    try {
      const fd = openSync(p, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      // Windows cannot open a folder; some file systems refuse fsync. The rename still protects
      // against a killed run; this only adds protection against a power cut.
    }
  };
  if (files) for (const name of readdirSync(path)) flush(join(path, name));
  flush(path);
}

/**
 * For tests: TFO_TEST_KILL_AT=<point>@<folder name> (e.g. `swapped@data`) kills the process with
 * SIGKILL at that instant of writing that folder, to prove a kill there loses nothing.
 */
function killPoint(point: 'staged' | 'written' | 'linked' | 'migrating' | 'swapped', target: string): void {
  if (process.env.TFO_TEST_KILL_AT === `${point}@${basename(target)}`) process.kill(process.pid, 'SIGKILL');
}

function timestamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
}

function isInside(path: string, folder: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function deviceOf(path: string): number | null {
  try {
    return statSync(path).dev;
  } catch {
    return null;
  }
}

/** Removes a folder with its contents, or a file or link (even a dangling one, which rmSync skips). */
function removePath(path: string): void {
  const stats = lstatOrNull(path);
  if (!stats) return;
  if (stats.isDirectory()) rmSync(path, { recursive: true, force: true });
  else unlinkQuietly(path);
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
