/**
 * The release archive: a folder the analyst keeps from quarter to quarter, holding each public
 * release as it was published, one sub-folder per release named by its slug
 * (`releases/2026-27-q2/`: the Parquet files, manifest.json and any revisions.json). The pipeline
 * compares a new release with the latest archived one to mark revisions; the site serves every
 * archived release at `/releases/<slug>/`. Only public (disclosure-controlled) releases are ever
 * archived, so everything here may be published and compared figure by figure.
 */
import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseQuarter, quarterIndex } from '../period/quarter.ts';
import { MANIFEST_FILE, SCHEMA_VERSION } from './tables.ts';

/** "2026-27 Q2" → "2026-27-q2": the address of the release covering that quarter. */
export function releaseSlug(lastQuarter: string): string {
  const q = parseQuarter(lastQuarter);
  if (!q) throw new Error(`"${lastQuarter}" is not a financial quarter such as "2026-27 Q2"`);
  return lastQuarter.replace(' Q', '-q');
}

const SLUG = /^\d{4}-\d{2}-q[1-4]$/;

/** The manifest fields the archive relies on; the full manifest is the pipeline's contract (tables.ts). */
export const archivedManifestSchema = z.object({
  schema_version: z.literal(SCHEMA_VERSION),
  audience: z.enum(['public', 'board']),
  released: z.iso.date(),
  extract_period: z.object({ first_quarter: z.string(), last_quarter: z.string().refine((t) => parseQuarter(t) !== null, 'a quarter such as "2026-27 Q2"') }),
  suppression: z.object({ applied: z.boolean(), rule: z.string() }),
  outputs: z.array(z.object({ file: z.string().regex(/^[a-z_]+\.parquet$/), rows: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type ArchivedManifest = z.infer<typeof archivedManifestSchema>;

export class ReleaseArchiveError extends Error {
  override name = 'ReleaseArchiveError';
}

/** Reads and checks a release's manifest.json: valid, and for the public audience. */
export function readReleaseManifest(folder: string): ArchivedManifest {
  const file = join(folder, MANIFEST_FILE);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new ReleaseArchiveError(`${file}: no manifest.json, so ${folder} is not a finished release; run the pipeline into it first.`);
    throw new ReleaseArchiveError(`${file} is not valid JSON (${e.message}); it must be the manifest the pipeline wrote.`);
  }
  const parsed = archivedManifestSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ');
    throw new ReleaseArchiveError(`${file} is not a release manifest the archive can use: ${problems}.`);
  }
  if (parsed.data.audience !== 'public' || !parsed.data.suppression.applied) {
    throw new ReleaseArchiveError(
      `${file}: the manifest's audience is "${parsed.data.audience}" (unsuppressed figures for internal use), and only public, disclosure-controlled releases may be archived or published. Rerun the pipeline with --audience public.`,
    );
  }
  return parsed.data;
}

export interface ArchivedRelease {
  slug: string;
  folder: string;
  manifest: ArchivedManifest;
}

/**
 * Every release in the archive folder, oldest first; an absent folder is an empty archive. Work
 * folders of an unfinished archive step (names starting with ".") are not releases; any other
 * folder must be a public release filed under its own slug.
 */
export function listArchive(archiveDir: string): ArchivedRelease[] {
  let names: string[];
  try {
    // A release the pipeline wrote with --out is a link to its folder: followed, never skipped,
    // or the design would not know a release readers hold.
    names = readdirSync(archiveDir, { withFileTypes: true }).filter((d) => !d.name.startsWith('.') && (d.isDirectory() || (d.isSymbolicLink() && linksToFolder(join(archiveDir, d.name))))).map((d) => d.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const releases = names.map((slug): ArchivedRelease => {
    const folder = join(archiveDir, slug);
    if (!SLUG.test(slug)) {
      const renamed = SLUG.test(slug.toLowerCase()) ? ` (here ${slug.toLowerCase()})` : '';
      throw new ReleaseArchiveError(
        `${folder}: not a release folder; archived releases are named by the quarter they cover, in lower case, such as 2026-27-q2. Fix: if it holds an archived release, rename it to its quarter${renamed}; otherwise move it out of the archive folder.`,
      );
    }
    const manifest = readReleaseManifest(folder);
    const expected = releaseSlug(manifest.extract_period.last_quarter);
    if (expected !== slug) throw new ReleaseArchiveError(`${folder}: holds the release covering ${manifest.extract_period.last_quarter}, which belongs in ${join(archiveDir, expected)}.`);
    return { slug, folder, manifest };
  });
  return releases.sort((a, b) => quarterOrder(a.manifest) - quarterOrder(b.manifest));
}

/** Whether a link in the archive leads to a folder; a link that leads nowhere is refused. */
function linksToFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    throw new ReleaseArchiveError(`${path}: a link that leads nowhere (${readlinkSync(path)}). Fix: point it at the release folder it stands for, or remove it.`);
  }
}

function quarterOrder(m: ArchivedManifest): number {
  return quarterIndex(parseQuarter(m.extract_period.last_quarter)!);
}

/** The latest archived release covering a quarter before `lastQuarter`: the one a new release revises. */
export function previousRelease(releases: readonly ArchivedRelease[], lastQuarter: string): ArchivedRelease | null {
  const current = parseQuarter(lastQuarter);
  if (!current) return null;
  return releases.filter((r) => quarterOrder(r.manifest) < quarterIndex(current)).at(-1) ?? null;
}
