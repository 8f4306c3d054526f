/**
 * Files a finished public release in the release archive: `releases/<slug>/`, a copy of the
 * release folder's manifest.json, the files it lists and its revisions.json, nothing else.
 *
 * - Only a public, disclosure-controlled release is archived: a board manifest is refused.
 * - The release must be whole: every file the manifest lists is there with its SHA-256.
 * - An archived release is never changed: filing the same release again is a no-op, and filing a
 *   different release for a quarter already archived is refused (publish a later release, whose
 *   revisions log will say what changed).
 * - The copy is written into a hidden work folder in the archive and renamed into place in one
 *   step, so a failed or killed run leaves the archive as it was (rename(2) onto an existing
 *   release fails, so two runs at once cannot both file one quarter). Work folders a killed run
 *   left are removed at the next run.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readReleaseManifest, releaseSlug, type ArchivedManifest } from '../../../src/lib/outputs/releases.ts';
import { REVISIONS_FILE, revisionsLogSchema } from '../../../src/lib/outputs/revisions.ts';
import { MANIFEST_FILE } from '../../../src/lib/outputs/tables.ts';
import { pidAlive } from '../write/owner.ts';

export class ArchiveError extends Error {
  override name = 'ArchiveError';
  constructor(
    message: string,
    /** 2 when the command line names the wrong thing, 1 when the release or archive is at fault. */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export interface ArchiveResult {
  slug: string;
  folder: string;
  /** False when the archive already held this very release. */
  added: boolean;
  files: string[];
}

const WORK_PREFIX = '.archiving-';

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The files of a release: the manifest, what it lists, and the revisions log when there is one. */
function releaseFiles(dataDir: string, manifest: ArchivedManifest): string[] {
  const files = [MANIFEST_FILE, ...manifest.outputs.map((o) => o.file)];
  if (existsSync(join(dataDir, REVISIONS_FILE))) files.push(REVISIONS_FILE);
  return files;
}

/** Checks a release folder is a whole public release; returns its manifest. */
export function checkRelease(dataDir: string): ArchivedManifest {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) throw new ArchiveError(`--data ${dataDir}: no such folder; give the folder the pipeline wrote the release to, e.g. public/data.`, 2);
  let manifest: ArchivedManifest;
  try {
    manifest = readReleaseManifest(dataDir);
  } catch (error) {
    throw new ArchiveError((error as Error).message);
  }
  for (const o of manifest.outputs) {
    const path = join(dataDir, o.file);
    if (!existsSync(path)) throw new ArchiveError(`${path}: missing, though ${join(dataDir, MANIFEST_FILE)} lists it; the release is incomplete. Run the pipeline again.`);
    if (sha256(path) !== o.sha256) throw new ArchiveError(`${path}: its SHA-256 differs from the one in ${join(dataDir, MANIFEST_FILE)}, so it is not the file the pipeline wrote. Run the pipeline again.`);
  }
  const revisions = join(dataDir, REVISIONS_FILE);
  if (existsSync(revisions)) {
    let ok = false;
    try {
      ok = revisionsLogSchema.safeParse(JSON.parse(readFileSync(revisions, 'utf8'))).success;
    } catch {
      ok = false;
    }
    if (!ok) throw new ArchiveError(`${revisions}: not a revisions log the pipeline wrote; run the pipeline again.`);
  }
  return manifest;
}

/** Removes work folders of archive runs that are no longer running. */
function removeStaleWork(archiveDir: string): void {
  for (const name of readdirSync(archiveDir)) {
    const pid = Number(/^\.archiving-[^.]+\.(\d+)\./.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid > 0 && !pidAlive(pid)) rmSync(join(archiveDir, name), { recursive: true, force: true });
  }
}

/** `archived` holds exactly `files`, each the same bytes as in `source`. */
function sameFiles(source: string, archived: string, files: readonly string[]): boolean {
  const listed = readdirSync(archived).filter((n) => !n.startsWith('.')).sort();
  if (listed.join('\n') !== [...files].sort().join('\n')) return false;
  return files.every((f) => existsSync(join(source, f)) && sha256(join(source, f)) === sha256(join(archived, f)));
}

export function archiveRelease(dataDir: string, archiveDir: string): ArchiveResult {
  const manifest = checkRelease(dataDir);
  // public/data is a link the pipeline swaps in one step: copy from the one version it names now.
  const source = realpathSync(dataDir);
  const slug = releaseSlug(manifest.extract_period.last_quarter);
  const files = releaseFiles(dataDir, manifest);
  mkdirSync(archiveDir, { recursive: true });
  removeStaleWork(archiveDir);
  const target = join(archiveDir, slug);
  if (existsSync(target)) {
    if (sameFiles(dataDir, target, files)) return { slug, folder: target, added: false, files };
    throw new ArchiveError(
      `${target} already holds the release covering ${manifest.extract_period.last_quarter}, and it differs from ${dataDir}. An archived release stays as it was published: to correct it, publish a later release (its revisions log says what changed).`,
    );
  }
  const work = join(archiveDir, `${WORK_PREFIX}${slug}.${process.pid}.${randomBytes(4).toString('hex')}`);
  mkdirSync(work);
  try {
    for (const file of files) {
      copyFileSync(join(source, file), join(work, file));
      const fd = openSync(join(work, file), 'r');
      fsyncSync(fd);
      closeSync(fd);
    }
    // What was copied is what was checked: a file changed under us is refused, not archived.
    if (!sameFiles(source, work, files) || releaseSlug(checkRelease(work).extract_period.last_quarter) !== slug) {
      throw new ArchiveError(`${dataDir} changed while it was being archived (is the pipeline running?); run npm run release again once it has finished.`);
    }
    try {
      renameSync(work, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') throw new ArchiveError(`${target} was filed by another run at the same time; run npm run release again to check it is this release.`);
      throw error;
    }
    const dir = openSync(archiveDir, 'r');
    fsyncSync(dir);
    closeSync(dir);
    return { slug, folder: target, added: true, files };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
