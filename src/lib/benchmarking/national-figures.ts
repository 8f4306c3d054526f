/**
 * Build-time access to the benchmarking inputs: comparators.json from the reference data and the
 * national figures (other authorities' published values and programme results) from the national
 * folder. Read once per build and checked with the same issues as every extract, so a bad edit
 * stops the build with the file, line and column to fix rather than a wrong rank.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PipelineError } from '../issues/data-issue.ts';
import { loadComparators, type Comparators } from '../reference/comparators.ts';
import type { IndicatorCatalogue } from '../reference/schema.ts';
import { NATIONAL_FILES, parseNationalIndicators, parseNationalResults, type NationalIndicatorRow, type NationalResultRow } from './national-input.ts';

/** Where the national figures live; the sample ships fictional ones in a folder of its own, beside (not among) its extracts. */
export const NATIONAL_DIR = process.env.TFO_NATIONAL_DIR ?? 'data/sample/national';

export interface NationalFigures {
  readonly comparators: Comparators;
  readonly indicators: readonly NationalIndicatorRow[];
  readonly results: readonly NationalResultRow[];
}

/** Null when the council has no comparators.json or no national figures: benchmarking is left out. */
export async function loadNationalFigures(referenceDir: string, catalogue: IndicatorCatalogue, nationalDir = NATIONAL_DIR): Promise<NationalFigures | null> {
  const comparators = await loadComparators(referenceDir);
  const indicatorsFile = join(nationalDir, NATIONAL_FILES.indicators);
  if (!comparators || !existsSync(indicatorsFile)) return null;
  const indicators = parseNationalIndicators(await readFile(indicatorsFile, 'utf8'), catalogue, comparators);
  const resultsFile = join(nationalDir, NATIONAL_FILES.results);
  const results = existsSync(resultsFile) ? parseNationalResults(await readFile(resultsFile, 'utf8'), comparators) : { rows: [], issues: [] };
  const issues = [...indicators.issues, ...results.issues];
  if (issues.length > 0) throw new PipelineError(`The national figures in ${nationalDir} have ${issues.length} problem${issues.length === 1 ? '' : 's'}.`, issues);
  return { comparators, indicators: indicators.rows, results: results.rows };
}
