/**
 * Publishes a folder of outputs all at once: the caller fills a temporary sibling folder and
 * `commit` swaps it into place, so a run that fails part-way leaves the last good output as it was.
 */
import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';

export interface StagedDir {
  /** Write outputs here. */
  readonly path: string;
  /** Swap the staged folder into place of the target. */
  commit(): Promise<void>;
  /** Discard the staged folder (after a failure). */
  discard(): Promise<void>;
}

export async function stageDir(target: string): Promise<StagedDir> {
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  // A sibling of the target, so the final rename stays on one file system.
  const path = await mkdtemp(join(parent, `.${basename(target)}.staging-`));
  return {
    path,
    async commit() {
      const previous = `${path}.previous`;
      const hadTarget = await exists(target);
      if (hadTarget) await rename(target, previous);
      try {
        await rename(path, target);
      } catch (error) {
        if (hadTarget) await rename(previous, target);
        throw error;
      }
      if (hadTarget) await rm(previous, { recursive: true, force: true });
    },
    async discard() {
      await rm(path, { recursive: true, force: true });
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
