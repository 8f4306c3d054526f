/**
 * The pack's version block: which release its figures come from. The manifest's own SHA-256
 * pins every figure (the manifest lists each output file's hash), and its dates say when, so the
 * pack carries no "generated at" time and the same release always prints the same text.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest } from '../data/published.ts';
import { formatDate } from '../format/date.ts';
import { MANIFEST_FILE, type Audience, type ManifestOutput } from '../outputs/tables.ts';
import { siteBuild } from '../site/site-build.ts';

export interface ReleaseVersion {
  readonly audience: Audience;
  /** ISO date of the release, and as words: "30 September 2026". */
  readonly released: string;
  readonly releasedText: string;
  readonly firstQuarter: string;
  readonly lastQuarter: string;
  /** SHA-256 of manifest.json as published (the bytes a reader downloads from /data/). */
  readonly manifestSha256: string;
  readonly outputs: readonly ManifestOutput[];
}

/** The build's release, or null before the pipeline has run. */
export function releaseVersion(dir = siteBuild().dataDir): ReleaseVersion | null {
  const manifest = readManifest(dir);
  if (!manifest) return null;
  return {
    audience: manifest.audience,
    released: manifest.released,
    releasedText: formatDate(manifest.released),
    firstQuarter: manifest.extract_period.first_quarter,
    lastQuarter: manifest.extract_period.last_quarter,
    manifestSha256: sha256(readFileSync(join(dir, MANIFEST_FILE))),
    outputs: manifest.outputs,
  };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
