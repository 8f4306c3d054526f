/**
 * What a pipeline run holds from start to end: the lock on its output and report folders (one
 * run at a time, stale leftovers of killed runs cleaned first) and a private scratch folder.
 * `end` gives everything back; a run that is interrupted gives it back on the way out.
 */
import type { PipelineOptions } from '../options.ts';
import { checkPipelinePaths } from '../options.ts';
import { claimOutputFolder, type OutputFolder } from './atomic-dir.ts';
import { makeWorkDir } from './work-dir.ts';

export interface RunGuard {
  /** Private (0700) scratch folder for clean copies of the extracts. */
  readonly workDir: string;
  readonly out: OutputFolder;
  readonly report: OutputFolder;
  end(): void;
}

/** A published output folder holds the Parquet files and manifest.json, nothing else. */
export const isOutputFile = (name: string): boolean => /\.(parquet|json)$/.test(name);
/** The report folder holds data-quality.md and data-quality.json. */
export const isReportFile = (name: string): boolean => /\.(md|json)$/.test(name);

export function startRun(options: Pick<PipelineOptions, 'extractsDir' | 'referenceDir' | 'outDir' | 'reportDir' | 'audience'>): RunGuard {
  checkPipelinePaths(options);
  // Public data is readable by a web server; board (unsuppressed) data by its owner only.
  const mode = options.audience === 'public' ? 0o755 : 0o700;
  const out = claimOutputFolder(options.outDir, { label: `--out ${options.outDir}`, owns: isOutputFile, mode });
  let report: OutputFolder;
  try {
    report = claimOutputFolder(options.reportDir, { label: `--report ${options.reportDir}`, owns: isReportFile, mode: 0o700 });
  } catch (error) {
    out.release();
    throw error;
  }
  let workDir;
  try {
    workDir = makeWorkDir();
  } catch (error) {
    report.release();
    out.release();
    throw error;
  }
  const work = workDir;
  return {
    workDir: work.path,
    out,
    report,
    end() {
      work.remove();
      report.release();
      out.release();
    },
  };
}
