/** The manifest: what was published, from which sources, under which rule — with hashes to check it. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Manifest } from '../../../src/lib/outputs/tables.ts';

export async function sha256File(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

/** Stable JSON: keys in the order the Manifest type declares them, two-space indent, final newline. */
export function renderManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
