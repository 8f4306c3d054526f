/**
 * Reads an extract's bytes only when the file is what it claims to be: a regular file of the
 * extracts folder, within the size limit. A `families.csv` that is a link to `/etc/passwd` would
 * otherwise be read, and its first line quoted in the console and the quality report; a FIFO or
 * a device would never end. Every check here runs before a byte of the file is read.
 */
import { constants } from 'node:fs';
import { lstat, open, realpath, stat, type FileHandle } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { extractLimits, limitWords } from '../contract/limits.ts';

/** Which file was read, so a later reader of the same path can check it is still that file. */
export interface FileIdentity {
  /** The file's path with every link resolved. */
  readonly path: string;
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

export type OpenedExtract =
  | { readonly ok: true; readonly bytes: Buffer; readonly identity: FileIdentity }
  | { readonly ok: false; readonly code: 'missing_file' }
  | { readonly ok: false; readonly code: 'linked_file' | 'not_a_file' | 'file_too_large' | 'unreadable_file'; readonly message: string; readonly fix: string };

const copyInstead = 'Copy the file itself into the extracts folder (a copy, not a link or shortcut), then run again.';

/** `name` is the file's name in the folder; `file` the contract's name for it, used in messages. */
export async function openExtract(extractsDir: string, name: string, file: string): Promise<OpenedExtract> {
  const path = join(extractsDir, name);
  let entry;
  try {
    entry = await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, code: 'missing_file' };
    throw error;
  }
  const folder = await realpath(extractsDir);
  let target = path;
  if (entry.isSymbolicLink()) {
    let resolved: string;
    try {
      resolved = await realpath(path);
    } catch {
      return { ok: false, code: 'linked_file', message: `${file} is a symbolic link to a file that does not exist.`, fix: copyInstead };
    }
    // A link to another file of the folder ("families.csv" -> "families-2024-q3.csv") is how
    // some councils keep each quarter's export; a link out of the folder is refused unread.
    const inside = relative(folder, resolved);
    if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
      return { ok: false, code: 'linked_file', message: `${file} is a symbolic link to ${resolved}, outside the extracts folder ${folder}; it was not read.`, fix: copyInstead };
    }
    target = resolved;
  }

  let handle: FileHandle;
  try {
    // O_NOFOLLOW: a link swapped in after the check above is refused, not followed.
    // O_NONBLOCK: opening a FIFO does not wait for a writer.
    handle = await open(target, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { ok: false, code: 'linked_file', message: `${file} became a symbolic link while it was being opened; it was not read.`, fix: copyInstead };
    if (code === 'ENOENT') return { ok: false, code: 'missing_file' };
    if (code === 'EACCES' || code === 'EPERM') {
      return {
        ok: false,
        code: 'unreadable_file',
        message: `${file} cannot be opened: permission denied for the account running the pipeline; it was not read.`,
        fix: `Give that account read access to ${file} (e.g. chmod a+r on it), or copy the file into the extracts folder again as that account, then run again.`,
      };
    }
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      const kind = info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a named pipe' : info.isSocket() ? 'a socket' : 'a device';
      return { ok: false, code: 'not_a_file', message: `${file} is ${kind}, not a file; it was not read.`, fix: copyInstead };
    }
    // The cheap equivalents of a link: a hard link (a second name for a file that may live
    // anywhere on the disk) and a file mounted over the name from another file system.
    if (info.nlink > 1) {
      return { ok: false, code: 'linked_file', message: `${file} is a hard link (the same file has ${info.nlink} names on disk, possibly outside the extracts folder); it was not read.`, fix: copyInstead };
    }
    if (info.dev !== (await stat(folder)).dev) {
      return { ok: false, code: 'linked_file', message: `${file} is on another file system than the extracts folder (mounted over the name); it was not read.`, fix: copyInstead };
    }
    if (info.size > extractLimits.fileBytes) {
      return {
        ok: false,
        code: 'file_too_large',
        message: `${file} is ${info.size.toLocaleString('en-GB')} bytes; the limit is ${limitWords.fileBytes.limit}. It was not read.`,
        fix: 'Check it is the right file: an extract this size is far above any quarter. If it is, split the export by period and run each part; see the limits in data/DATA-DICTIONARY.md.',
      };
    }
    const identity = { path: target, dev: info.dev, ino: info.ino, size: info.size, mtimeMs: info.mtimeMs };
    return { ok: true, bytes: await readAtMost(handle, info.size), identity };
  } finally {
    await handle.close();
  }
}

/**
 * The file's bytes, at most `size` of them (its size when opened): a file that grows while it
 * is read, or claims a size of 0 as /proc files do, cannot make the read unbounded.
 */
async function readAtMost(handle: FileHandle, size: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(buffer, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === size ? buffer : buffer.subarray(0, filled);
}

/**
 * True when `identity.path` is still the file that was read: not replaced by a link or another
 * file, and not written to since. DuckDB reads a clean UTF-8 extract from its path rather than
 * from a copy, so this closes the gap between the checks above and that second read.
 */
export async function isSameFile(identity: FileIdentity): Promise<boolean> {
  try {
    const now = await lstat(identity.path);
    return now.isFile() && now.dev === identity.dev && now.ino === identity.ino && now.size === identity.size && now.mtimeMs === identity.mtimeMs;
  } catch {
    return false;
  }
}
