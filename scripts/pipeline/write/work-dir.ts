/**
 * The run's private scratch folder for clean copies of the extracts (`families.clean.csv`, ...).
 * Those copies hold raw references, LSOA codes and dates before pseudonymisation, so the folder
 * is readable by its owner only (0700), is removed when the run ends however it ends (normally,
 * on an error, Ctrl+C or SIGTERM), and one left by a killed run (SIGKILL, a power cut) is removed
 * at the start of the next run: its name carries the pid of the run that made it.
 */
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onExit } from './exit-cleanup.ts';
import { pidAlive } from './owner.ts';

export const WORK_DIR_PREFIX = 'tfo-pipeline-';

export interface WorkDir {
  readonly path: string;
  remove(): void;
}

export function makeWorkDir(base = tmpdir()): WorkDir {
  removeStaleWorkDirs(base);
  const path = mkdtempSync(join(base, `${WORK_DIR_PREFIX}${process.pid}-`));
  chmodSync(path, 0o700);
  const remove = (): void => rmSync(path, { recursive: true, force: true });
  const unregister = onExit(remove);
  return {
    path,
    remove() {
      remove();
      unregister();
    },
  };
}

/** Removes work folders of this user whose run is no longer running. */
export function removeStaleWorkDirs(base = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return removed;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    if (!name.startsWith(WORK_DIR_PREFIX)) continue;
    const path = join(base, name);
    const withPid = /^tfo-pipeline-(\d+)-[A-Za-z0-9]{6}$/.exec(name);
    // Folders named before the pid was recorded (tfo-pipeline-XXXXXX): stale once an hour old.
    const legacy = /^tfo-pipeline-[A-Za-z0-9]{6}$/.test(name);
    if (!withPid && !legacy) continue;
    try {
      const stats = lstatSync(path);
      if (!stats.isDirectory() || (uid !== undefined && stats.uid !== uid)) continue;
      const stale = withPid ? Number(withPid[1]) !== process.pid && !pidAlive(Number(withPid[1])) : Date.now() - stats.mtimeMs > 3_600_000;
      if (!stale) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}
