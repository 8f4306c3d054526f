/**
 * One run at a time per output folder: a lock file that says which run holds it. The file is
 * written complete under a temporary name and hard-linked into place, so it either does not
 * exist or names its holder (no half-written lock). A lock whose holder is no longer running
 * (killed, or the machine restarted) is stale and taken over; taking over goes through a second,
 * short-lived guard file so two runs that find the same stale lock cannot both take it.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, lstatSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { currentOwner, describeOwner, isOwner, ownerLiveness, pidAlive, type Owner } from './owner.ts';
import { onExit } from './exit-cleanup.ts';

interface LockContent extends Owner {
  /** What the lock protects, for people reading the file. */
  what: string;
  /** Distinguishes this acquisition from any other by the same process. */
  nonce: string;
}

/** Another run holds the lock: the message names it (pid, host, start time) and the lock file. */
export class LockHeldError extends Error {
  override name = 'LockHeldError';
  constructor(
    readonly what: string,
    readonly lockFile: string,
    readonly holder: Owner | null,
  ) {
    super(
      holder
        ? `Another run is writing ${what}: ${describeOwner(holder)}. Wait for it to finish and run again` +
            (ownerLiveness(holder) === 'unknown' ? `; if it is no longer running, delete ${lockFile}.` : '.')
        : `Another run is writing ${what} (lock file ${lockFile}). Wait for it to finish and run again.`,
    );
  }
}

export interface HeldLock {
  readonly file: string;
  /** Removes the lock if it is still this run's. Safe to call twice. */
  release(): void;
}

const ATTEMPTS = 50;

export function acquireLock(file: string, what: string): HeldLock {
  const content: LockContent = { ...currentOwner(), what, nonce: randomBytes(8).toString('hex') };
  const text = `${JSON.stringify(content, null, 2)}\n`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (tryCreate(file, text)) return held(file, content.nonce);
    const existing = readLock(file);
    if (existing === 'missing') continue; // released in between: try again
    if (existing === 'being-written') {
      sleep(20);
      continue;
    }
    const holder = existing === 'unreadable' ? null : existing;
    if (holder && ownerLiveness(holder) !== 'dead') throw new LockHeldError(what, file, holder);
    // Stale (its holder is gone) or not a lock we can read (only a crash mid-takeover could
    // leave that, and a takeover writes a complete file): take it over, then try again.
    takeOver(file, existing === 'unreadable' ? null : holder);
  }
  throw new LockHeldError(what, file, null);
}

function tryCreate(file: string, text: string): boolean {
  const temporary = join(dirname(file), `${basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  writeFileSync(temporary, text, { mode: 0o644, flag: 'wx' });
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOENT: the start-of-run clean-up of a run holding the lock removed our temporary file.
    if (code === 'EEXIST' || code === 'ENOENT') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') return createExclusive(file, text);
    throw error;
  } finally {
    unlinkQuietly(temporary);
  }
}

/** For file systems without hard links: exclusive create, then write. */
function createExclusive(file: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readLock(file: string): LockContent | 'missing' | 'unreadable' | 'being-written' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return isOwner(parsed) ? (parsed as LockContent) : 'unreadable';
  } catch {
    // A lock made by createExclusive may be read between its create and its write.
    return text === '' && Date.now() - mtime(file) < 5_000 ? 'being-written' : 'unreadable';
  }
}

function takeOver(file: string, stale: LockContent | null): void {
  const guard = `${file}.takeover`;
  const guardText = `${JSON.stringify(currentOwner())}\n`;
  try {
    writeFileSync(guard, guardText, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Someone else is taking it over. If that run died mid-takeover, clear its guard.
    const other = readLock(guard);
    const otherDead =
      other === 'unreadable' ? Date.now() - mtime(guard) > 5_000 : typeof other === 'object' && !pidAlive(other.pid);
    if (otherDead) unlinkQuietly(guard);
    sleep(20);
    return;
  }
  try {
    const now = readLock(file);
    const same =
      now === 'missing' || (stale === null ? now === 'unreadable' : typeof now === 'object' && now.nonce === stale.nonce && now.pid === stale.pid);
    if (same) unlinkQuietly(file);
  } finally {
    unlinkQuietly(guard);
  }
}

function held(file: string, nonce: string): HeldLock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    const now = readLock(file);
    if (typeof now === 'object' && now.nonce === nonce) unlinkQuietly(file);
  };
  const unregister = onExit(release);
  return {
    file,
    release() {
      release();
      unregister();
    },
  };
}

function mtime(file: string): number {
  try {
    return lstatSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
