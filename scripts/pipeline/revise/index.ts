/**
 * The revision step of the pipeline, after disclosure control and before writing: mark provisional
 * figures [p] from the reference data, then, given the release archive, compare with the latest
 * archived public release before this one, mark revised figures [r] and extend that release's
 * revisions log with them. Only public releases reach the archive (and only a public run is
 * compared), so every figure compared, and every "was" in the log, is one already published.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { plainRow } from '../../../src/lib/data/plain-row.ts';
import { isGssFlag } from '../../../src/lib/format/symbols.ts';
import { listArchive, previousRelease, ReleaseArchiveError, type ArchivedRelease } from '../../../src/lib/outputs/releases.ts';
import { REVISIONS_FILE, revisionsLogSchema, type Revision, type RevisionsLog } from '../../../src/lib/outputs/revisions.ts';
import { OUTPUT_TABLES } from '../../../src/lib/outputs/tables.ts';
import { loadProvisional } from '../../../src/lib/reference/provisional.ts';
import type { IndicatorCatalogue } from '../../../src/lib/reference/schema.ts';
import { ReferenceFileError } from '../../../src/lib/reference/json-file.ts';
import { literal, ident } from '../duckdb.ts';
import { PipelineError } from '../issues.ts';
import { sha256File } from '../write/manifest.ts';
import { compareReleases, type PublishedFigures } from './compare.ts';
import { COHORT_FIGURE_KEY, FIGURE_KEYS, RELEASE_TABLES, type FigureRow, type ReleaseRows, type RevisedTable } from '../../../src/lib/outputs/figures.ts';
import { markProvisional } from './provisional.ts';

/** What the log says when the analyst gives no reason of their own. */
export const DEFAULT_REVISION_REASON = 'Late or corrected records received since the previous release.';

export interface Revised {
  rows: ReleaseRows;
  /** The whole log to publish with this release (earlier revisions too), or null when there is nothing to log. */
  log: RevisionsLog | null;
  /** The release compared with, when there was one. */
  previous: ArchivedRelease | null;
  /** Revisions this release made. */
  revised: number;
}

export interface ReviseOptions {
  referenceDir: string;
  catalogue: IndicatorCatalogue;
  /** The archive's releases before this one, oldest first (readEarlierReleases); none: compare with nothing. */
  earlier: readonly EarlierRelease[];
  lastQuarter: string;
  released: string;
  /** The disclosure policy's rounding base. */
  roundingBase: number;
  reason?: string;
}

export async function reviseRelease(rows: ReleaseRows, options: ReviseOptions): Promise<Revised> {
  const policy = await loadProvisional(options.referenceDir, options.catalogue).catch((error: unknown) => {
    if (error instanceof ReferenceFileError) throw new PipelineError(error.message);
    throw error;
  });
  const marked = markProvisional(rows, policy, options.lastQuarter);
  const latest = options.earlier.at(-1);
  if (!latest) return { rows: marked, log: null, previous: null, revised: 0 };
  const { release: previous, figures } = latest;
  const { rows: revisedRows, revisions } = compareReleases(figures, marked, {
    previous: { released: previous.manifest.released },
    current: { released: options.released },
    reason: options.reason ?? DEFAULT_REVISION_REASON,
    roundingBase: options.roundingBase,
  });
  const earlier = readLog(previous.folder);
  const all = [...earlier.filter((r) => r.revised !== options.released), ...revisions];
  return { rows: revisedRows, log: all.length > 0 ? { schema_version: 1, revisions: all } : null, previous, revised: revisions.length };
}

/** The earlier release's own log, carried forward so the log lists every revision ever made. */
function readLog(folder: string): Revision[] {
  const file = join(folder, REVISIONS_FILE);
  if (!existsSync(file)) return [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PipelineError(`${file} is not valid JSON (${(error as Error).message}); restore it from the release as published.`);
  }
  const parsed = revisionsLogSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new PipelineError(`${file} is not a revisions log: ${problems}. Restore it from the release as published.`);
  }
  return parsed.data.revisions;
}

/**
 * Each table of an archived release: its key columns, value and flag. The files are checked
 * against the release's manifest first, so a damaged or edited archive is refused, not compared.
 */
export async function readPublishedFigures(conn: DuckDBConnection, release: ArchivedRelease): Promise<PublishedFigures> {
  const out = {} as Record<RevisedTable, FigureRow[]>;
  for (const table of RELEASE_TABLES) {
    const rows = await readFigureRows(conn, release, table, FIGURE_KEYS[table]);
    if (!rows) throw new PipelineError(`${join(release.folder, 'manifest.json')} lists no ${OUTPUT_TABLES[table].file}; the archived release is incomplete, so revisions cannot be worked out. Archive the release again from its published folder.`);
    out[table] = rows;
  }
  return out;
}

/** One archived table's figures (key columns, value, flag), checked against the manifest; null when the release has no such table. */
async function readFigureRows(conn: DuckDBConnection, release: ArchivedRelease, table: keyof typeof OUTPUT_TABLES, keys: readonly string[]): Promise<FigureRow[] | null> {
  const { file } = OUTPUT_TABLES[table];
  const listed = release.manifest.outputs.find((o) => o.file === file);
  if (!listed) return null;
  const path = join(release.folder, file);
  if (!existsSync(path) || (await sha256File(path)) !== listed.sha256) {
    throw new PipelineError(`${path} is missing or differs from its manifest (SHA-256); the archive must hold the release exactly as published. Restore the file from the published release.`);
  }
  const columns = [...keys, 'value', 'flag'].map(ident).join(', ');
  let raw: Record<string, unknown>[];
  try {
    raw = (await conn.runAndReadAll(`SELECT ${columns} FROM read_parquet(${literal(path)})`)).getRowObjectsJS();
  } catch (error) {
    throw new PipelineError(`${path}: cannot be read as the ${table} table (${(error as Error).message.split('\n')[0]}).`);
  }
  return raw.map((r, i) => {
    const row = plainRow(r);
    const { value, flag } = row;
    if ((value !== null && typeof value !== 'number') || (flag !== null && (typeof flag !== 'string' || !isGssFlag(flag)))) {
      throw new PipelineError(`${path}: row ${i + 1} has value "${String(value)}" and flag "${String(flag)}"; a published figure is a number or null with a GSS symbol or none.`);
    }
    return { ...row, value, flag };
  });
}

/** What a reader holds of one earlier public release: its quarterly and longer-period figures, and its cohort table. */
export interface EarlierRelease {
  readonly release: ArchivedRelease;
  readonly figures: PublishedFigures;
  /** Empty for a release from before the cohort table was published. */
  readonly cohort: readonly FigureRow[];
}

/**
 * The published figures of every archived release before `lastQuarter`, oldest first: what a
 * reader already holds when this release comes out, for the release design to take as known.
 */
export async function readEarlierReleases(conn: DuckDBConnection, archiveDir: string, lastQuarter: string): Promise<EarlierRelease[]> {
  const releases = openArchive(archiveDir);
  const earlier: EarlierRelease[] = [];
  // previousRelease picks the latest before a quarter; walking back from it gives them all.
  for (let release = previousRelease(releases, lastQuarter); release; release = previousRelease(releases, release.manifest.extract_period.last_quarter)) {
    const figures = await readPublishedFigures(conn, release);
    const cohort = (await readFigureRows(conn, release, 'cohort', COHORT_FIGURE_KEY)) ?? [];
    earlier.unshift({ release, figures, cohort });
  }
  return earlier;
}

/** The archive's releases, oldest first; a damaged archive is the analyst's to fix, in one line. */
function openArchive(archiveDir: string): ArchivedRelease[] {
  try {
    return listArchive(archiveDir);
  } catch (error) {
    if (error instanceof ReleaseArchiveError) throw new PipelineError(`--archive ${archiveDir}: ${error.message}`);
    throw error;
  }
}
