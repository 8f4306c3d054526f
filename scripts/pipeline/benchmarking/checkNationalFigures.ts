/**
 * The pipeline's check of the benchmarking inputs: comparators.json in the reference folder and
 * other authorities' published figures in the extracts folder's `national/` subfolder (kept out
 * of the extracts themselves, which are only the council's own files). Every problem stops the
 * run with file, line, column and a fix, as a bad extract does; a council without comparators or
 * national figures simply has no benchmarking.
 */
import { join } from 'node:path';
import { loadNationalFigures, type NationalFigures } from '../../../src/lib/benchmarking/national-figures.ts';
import type { Reference } from '../../../src/lib/reference/load.ts';

export const NATIONAL_SUBFOLDER = 'national';

export function checkNationalFigures(extractsDir: string, referenceDir: string, ref: Reference): Promise<NationalFigures | null> {
  return loadNationalFigures(referenceDir, ref.catalogue, join(extractsDir, NATIONAL_SUBFOLDER));
}
