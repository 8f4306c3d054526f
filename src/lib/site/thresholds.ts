/**
 * The programme's status thresholds (data/reference/programme.json), so the methodology page
 * states the numbers the dashboard uses rather than paraphrasing them.
 */
import { readOptionalJson } from './optional-json.ts';
import { resolve } from 'node:path';
import { programmeSchema } from '../reference/schema.ts';

export const PROGRAMME_FILE = 'data/reference/programme.json';

const thresholdsOnly = programmeSchema.pick({ status_thresholds: true });

export interface StatusThresholds {
  /** Below this share of the trajectory a measure is "at risk". */
  at_risk: number;
  /** Below this share it is "off track". */
  off_track: number;
}

/** Null when the file is absent; an invalid one is an error, as everywhere else. */
export function loadStatusThresholds(file: string = resolve(process.cwd(), PROGRAMME_FILE)): StatusThresholds | null {
  return readOptionalJson(file, thresholdsOnly)?.status_thresholds ?? null;
}
