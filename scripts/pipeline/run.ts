/**
 * The quarterly pipeline, stage by stage: reference data, read, privacy guard, (pseudonymise),
 * validate, aggregate, disclose, write. Nothing reaches the output folder unless every stage
 * succeeds; the data-quality report is written either way so the analyst can see what to fix.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  MANIFEST_FILE,
  OUTPUT_TABLES,
  QUALITY_REPORT_FILES,
  SCHEMA_VERSION,
  type CohortRow,
  type CountRow,
  type IndicatorRow,
  type Manifest,
  type ManifestAudit,
  type ManifestOutput,
  type PeriodRow,
  type UtilityShare,
  type OutputTable,
} from '../../src/lib/outputs/tables.ts';
import { parseQuarter, quarterEnd, quarterLabel, type FinancialQuarter } from '../../src/lib/period/quarter.ts';
import { loadReference, type Reference } from '../../src/lib/reference/load.ts';
import { tableColumns, tableKey } from '../../src/lib/outputs/table-layout.ts';
import { aggregateCounts, aggregateIndicators, type CountTable } from './aggregate/index.ts';
import { aggregateCohort } from './aggregate/aggregate-cohort.ts';
import { cohortUtilityShares, designCohortRelease, type EarlierCohort } from './disclose/cohort.ts';
import { describeRule, discloseIndicators } from './disclose/index.ts';
import { publishDesign } from './disclose/publish-design.ts';
import { buildUniverse, sustainMonthsOf } from './disclose/release-cells.ts';
import { designRelease } from './disclose/release.ts';
import { roundCounts } from './disclose/rounding.ts';
import { openDuckDB } from './duckdb.ts';
import { findExtractPeriod, type ExtractPeriod } from './extract-period.ts';
import { guardTargets, refuseDirectIdentifiers } from './guard/guardExtract.ts';
import { PipelineError } from './issues.ts';
import { checkNationalFigures } from './benchmarking/checkNationalFigures.ts';
import type { PipelineOptions } from './options.ts';
import type { Progress } from './progress.ts';
import { loadPseudonymisationKey } from './pseudonymise/loadPseudonymisationKey.ts';
import { pseudonymiseTables, referenceTargets } from './pseudonymise/pseudonymiseTables.ts';
import { renderQualityReport } from './quality-report.ts';
import { loadAndValidateExtracts, type ExtractsResult } from './validate/validateExtracts.ts';
import { renderManifest, sha256File } from './write/manifest.ts';
import { writeClaimsFile } from './outcomes/claimsFile.ts';
import { readEarlierReleases, reviseRelease, type EarlierRelease } from './revise/index.ts';
import { earlierKnowledge, earlierPeriods } from './disclose/prior-release.ts';
import { REVISIONS_FILE, type RevisionsLog } from '../../src/lib/outputs/revisions.ts';
import { stageDir } from './write/atomic-dir.ts';
import { startRun } from './write/run-guard.ts';
import { writeParquet } from './write/parquet.ts';

export interface RunResult {
  manifest: Manifest;
  quality: ExtractsResult;
}

const COUNT_TABLES: readonly CountTable[] = ['programme', 'criteria', 'outcomes', 'claims'];

export async function runPipeline(options: PipelineOptions, progress: Progress): Promise<RunResult> {
  const ref = await progress.step('Checking reference data', () => loadReference(options.referenceDir));
  await progress.step('Checking the national figures for benchmarking', () => checkNationalFigures(options.extractsDir, options.referenceDir, ref));
  // Read the key before any work so a missing key fails fast, and never hold it longer than needed.
  const key = options.pseudonymise ? loadPseudonymisationKey({ env: process.env, keyFile: options.keyFile ?? undefined }) : null;
  // One run at a time per output and report folder; clean copies of the extracts go in a private
  // folder that is removed however the run ends.
  const run = startRun(options);
  const conn = await openDuckDB();
  const workDir = run.workDir;
  try {
    const quality = await progress.step('Reading, guarding and validating the extracts', () =>
      loadAndValidateExtracts(conn, options.extractsDir, ref, {
        today: options.today,
        acceptPartial: options.acceptPartial,
        workDir,
        onProgress: (message) => progress.info(`  ${message}`),
        // Pseudonymisation rewrites the raw tables, which the clean pass does not build.
        cleanPass: key === null,
        afterRead: async (read) => {
          await refuseDirectIdentifiers(conn, guardTargets(read.reads));
          progress.info('  No direct identifiers found.');
          if (key) await pseudonymiseTables(conn, key, referenceTargets());
        },
      }),
    );
    await writeQualityReport(options.reportDir, quality);
    if (quality.failed) throw new PipelineError(failureSummary(quality, options), quality.issues);
    if (quality.errors > 0) {
      progress.info(`Accepted the good rows; ${quality.rejected} row(s) rejected (see ${options.reportDir}/${QUALITY_REPORT_FILES.text}).`);
    }

    const period = await findExtractPeriod(conn, { sourceDateEpoch: options.sourceDateEpoch, lastQuarter: options.lastQuarter });
    progress.info(`Publishing ${period.firstQuarter} to ${period.lastQuarter}, released ${period.released}.`);
    const tables = await progress.step('Aggregating by locality and quarter', () => aggregate(conn, ref, period));
    // Read once: readers hold every earlier public release, and the latest is what revisions compare with.
    const earlier = options.archiveDir ? await readEarlierReleases(conn, options.archiveDir, period.lastQuarter) : [];
    const earlierCohorts = options.audience === 'public' ? await earlierCohortTables(conn, ref, earlier, period) : [];
    const published = await progress.step(options.audience === 'public' ? 'Applying disclosure control and auditing the release' : 'Adding the longer periods', () =>
      disclose(tables, ref, options, progress, earlier, earlierCohorts, period),
    );
    if (published.audit) {
      progress.info(`  Audit passed: ${published.audit.hidden_counts_audited.toLocaleString('en-GB')} hidden counts, none narrower than ${options.threshold} (narrowest ${String(published.audit.narrowest_interval)}), ${published.audit.rounds} round(s).`);
    }
    for (const line of utilityLines(published.utility)) progress.info(`  ${line}`);
    // [p] from the reference data and [r] against the archived release: flags only, after the audit.
    const revised = await progress.step('Marking provisional and revised figures', () =>
      reviseRelease(published, { referenceDir: options.referenceDir, catalogue: ref.catalogue, earlier, lastQuarter: period.lastQuarter, released: period.released, roundingBase: ref.disclosure.rounding_base, ...(options.revisionReason ? { reason: options.revisionReason } : {}) }),
    );
    if (revised.previous) progress.info(`  Compared with the release of ${revised.previous.manifest.released} (${revised.previous.slug}): ${revised.revised.toLocaleString('en-GB')} figure(s) revised.`);
    const manifest = await progress.step(`Writing Parquet to ${options.outDir}`, () => writeOutputs(conn, { ...published, ...revised.rows }, quality, period, options, revised.log));
    if (options.claimsFile) await writeClaims(conn, options.claimsFile, options.claimsWindow ?? period.lastQuarter, progress);
    return { manifest, quality };
  } finally {
    conn.closeSync();
    run.end();
  }
}

type Tables = Record<CountTable, CountRow[]> & { indicators: IndicatorRow[]; cohort: CohortRow[] };
type Published = Tables & { periods: PeriodRow[]; audit: ManifestAudit | null; utility: UtilityShare[] };

async function aggregate(conn: DuckDBConnection, ref: Reference, period: ExtractPeriod): Promise<Tables> {
  const counts = await aggregateCounts(conn, ref, period);
  const indicators = await aggregateIndicators(conn, ref, period);
  const cohort = await aggregateCohort(conn, ref, period);
  return { ...counts, indicators, cohort };
}

/**
 * Each earlier release's cohort table with the true values behind it: the funnel counted again
 * from today's data to that release's last quarter. A figure revised since matches no published
 * one and tells the audit nothing (prior-release.ts).
 */
async function earlierCohortTables(conn: DuckDBConnection, ref: Reference, earlier: readonly EarlierRelease[], period: ExtractPeriod): Promise<EarlierCohort[]> {
  const out: EarlierCohort[] = [];
  for (const e of earlier) {
    const last = parseQuarter(e.release.manifest.extract_period.last_quarter);
    if (e.cohort.length === 0 || !last) {
      out.push({ rows: e.cohort });
      continue;
    }
    const rows = await aggregateCohort(conn, ref, { firstQuarter: period.firstQuarter, lastQuarter: quarterLabel(last) });
    out.push({ rows: e.cohort, truth: { rows, asAt: quarterEnd(last) } });
  }
  return out;
}

/**
 * The public audience gets the release designed and audited as a whole (disclose/release.ts);
 * the board gets every figure, with the same longer periods so both read alike.
 */
async function disclose(tables: Tables, ref: Reference, options: PipelineOptions, progress: Progress, earlier: readonly EarlierRelease[], earlierCohorts: readonly EarlierCohort[], period: ExtractPeriod): Promise<Published> {
  const first = parseQuarter(period.firstQuarter) as FinancialQuarter;
  const last = parseQuarter(period.lastQuarter) as FinancialQuarter;
  if (options.audience === 'board') {
    const universe = buildUniverse(tables, ref.disclosure, first, last);
    const release = publishDesign(tables, universe, null);
    return { ...tables, ...release, utility: [...release.utility, ...cohortUtilityShares(tables.cohort, new Map())], audit: null };
  }
  // Readers hold every earlier public release too: what those show is known before this one.
  if (earlier.length > 0) progress.info(`  Taking what ${earlier.length} earlier release(s) in the archive show as known to a reader.`);
  const design = await designRelease(
    tables,
    ref.disclosure,
    options.threshold,
    first,
    last,
    (round, failing) => progress.info(`  Audit round ${round}: ${failing === 0 ? 'every hidden count is protected' : `${failing.toLocaleString('en-GB')} hidden figure(s) still too narrow`}`),
    (universe) => earlierKnowledge(universe, earlier.map((e) => e.figures), ref.disclosure.rounding_base),
    { sustainMonths: sustainMonthsOf(ref.programme.outcome_measures), earlierPeriods: earlierPeriods(earlier.flatMap(earlierExtract)) },
  );
  // The cohort funnel joins the same audit, against the quarterly release as designed.
  const cohort = await designCohortRelease(
    tables.cohort,
    design.universe,
    design.shown,
    ref.disclosure,
    options.threshold,
    (round, failing) => progress.info(`  Cohort audit round ${round}: ${failing === 0 ? 'every hidden count is protected' : `${failing.toLocaleString('en-GB')} hidden figure(s) still too narrow`}`),
    design.earlier,
    earlierCohorts,
  );
  if (cohort.audit.withheld) progress.info(`  The cohort table is published as [x] (not available) throughout: ${cohort.audit.withheld}. The quarterly figures are published as designed.`);
  const release = publishDesign(tables, design.universe, cohort.shown);
  const narrowest = [design.audit.narrowest_interval, cohort.audit.narrowest_interval].filter((n): n is number => n !== null);
  const out = { ...release.tables } as Record<CountTable, CountRow[]>;
  // Optional rounding blurs figures further; it only widens what a reader can prove.
  if (options.roundTo !== null) for (const t of COUNT_TABLES) out[t] = roundCounts(out[t], options.roundTo);
  return {
    ...out,
    indicators: discloseIndicators(tables.indicators, { threshold: options.threshold }),
    cohort: options.roundTo === null ? cohort.rows : roundCounts(cohort.rows, options.roundTo),
    periods: options.roundTo === null ? release.periods : roundCounts(release.periods, options.roundTo),
    utility: [...release.utility, ...cohortUtilityShares(tables.cohort, cohort.cohortShown)],
    audit: {
      passed: design.audit.passed,
      method: 'linear programme over every published figure and relation (HiGHS), integer programme where the relaxation is fractional',
      hidden_counts_audited: design.audit.hidden_counts_audited + cohort.audit.hidden_counts_audited,
      narrowest_interval: narrowest.length === 0 ? null : Math.min(...narrowest),
      rounds: design.audit.rounds + cohort.audit.rounds,
      ...(cohort.audit.withheld ? { cohort_withheld: cohort.audit.withheld } : {}),
    },
  };
}

function utilityLines(utility: readonly UtilityShare[]): string[] {
  const byLevel = new Map<string, { figures: number; shown: number }>();
  for (const u of utility) {
    const k = `${u.table} ${u.area_type}`;
    const g = byLevel.get(k) ?? { figures: 0, shown: 0 };
    g.figures += u.figures;
    g.shown += u.shown;
    byLevel.set(k, g);
  }
  return ['Figures shown, of the board release\'s:', ...[...byLevel].map(([k, g]) => `  ${k}: ${((100 * g.shown) / g.figures).toFixed(0)}% (${g.shown.toLocaleString('en-GB')} of ${g.figures.toLocaleString('en-GB')})`)];
}

async function writeOutputs(
  conn: DuckDBConnection,
  tables: Published,
  quality: ExtractsResult,
  period: ExtractPeriod,
  options: PipelineOptions,
  revisions: RevisionsLog | null,
): Promise<Manifest> {
  const staged = await stageDir(options.outDir);
  try {
    const outputs: ManifestOutput[] = [];
    for (const name of Object.keys(OUTPUT_TABLES) as OutputTable[]) {
      const { file } = OUTPUT_TABLES[name];
      const path = join(staged.path, file);
      // Each table's row type is derived from the same column list (tables.ts), so the layout
      // looked up by name fits its rows.
      const table: readonly Record<string, unknown>[] = tables[name];
      const rows = await writeParquet(conn, table, { columns: tableColumns(name), sortBy: tableKey(name), rowGroupSize: 10_000 }, path);
      outputs.push({ file, rows, sha256: await sha256File(path) });
    }
    const manifest: Manifest = {
      schema_version: SCHEMA_VERSION,
      audience: options.audience,
      released: period.released,
      extract_period: { first_quarter: period.firstQuarter, last_quarter: period.lastQuarter },
      suppression: {
        applied: options.audience === 'public',
        threshold: options.threshold,
        rounding_base: options.roundTo,
        rule:
          options.audience === 'public'
            ? describeRule({ threshold: options.threshold, roundTo: options.roundTo })
            : 'None: unsuppressed figures for internal (board) use only. Do not publish.',
        audit: tables.audit,
        utility: tables.utility,
      },
      sources: quality.files.map((f) => ({
        file: f.file,
        sha256: f.sha256 ?? '',
        rows_in: f.rowsIn,
        rows_accepted: f.accepted,
        rows_rejected: f.rejected,
      })),
      outputs,
    };
    await writeFile(join(staged.path, MANIFEST_FILE), renderManifest(manifest));
    if (revisions) await writeFile(join(staged.path, REVISIONS_FILE), `${JSON.stringify(revisions, null, 2)}\n`);
    await staged.commit();
    return manifest;
  } catch (error) {
    await staged.discard();
    throw error;
  }
}

/** The internal claims file, after the outputs: a run that fails leaves the previous one whole. */
async function writeClaims(conn: DuckDBConnection, path: string, claimWindow: string, progress: Progress): Promise<void> {
  const listed = await progress.step(`Writing the claims file for ${claimWindow} to ${path}`, () => writeClaimsFile(conn, path, claimWindow));
  progress.info(`  ${listed.toLocaleString('en-GB')} family result(s) meet the ${claimWindow} results criteria.`);
}

async function writeQualityReport(reportDir: string, quality: ExtractsResult): Promise<void> {
  const report = renderQualityReport(quality);
  const staged = await stageDir(reportDir);
  try {
    await writeFile(join(staged.path, QUALITY_REPORT_FILES.json), report.json);
    await writeFile(join(staged.path, QUALITY_REPORT_FILES.text), report.markdown);
    await staged.commit();
  } catch (error) {
    await staged.discard();
    throw error;
  }
}

function failureSummary(quality: ExtractsResult, options: PipelineOptions): string {
  const hint = options.acceptPartial
    ? 'A whole file could not be used, so nothing was published.'
    : 'Nothing was published. Fix the extracts and run again, or use --accept-partial to publish the good rows.';
  return `${quality.errors} error(s) in the extracts (${quality.rejected} row(s) rejected). ${hint} Full list: ${options.reportDir}/${QUALITY_REPORT_FILES.text}`;
}

/** An archived release's extract period and figures, as earlierPeriods reads them (none if its period does not read). */
function earlierExtract(e: EarlierRelease): Array<{ first: FinancialQuarter; last: FinancialQuarter; figures: EarlierRelease['figures'] }> {
  const { first_quarter, last_quarter } = e.release.manifest.extract_period;
  const [first, last] = [parseQuarter(first_quarter), parseQuarter(last_quarter)];
  return first && last ? [{ first, last, figures: e.figures }] : [];
}
