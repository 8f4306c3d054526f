/**
 * The programme's status thresholds (data/reference/programme.json), so the methodology page
 * states the numbers the dashboard uses rather than paraphrasing them.
 */
import { readFileSync } from 'node:fs';
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
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = thresholdsOnly.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${file}: ${problems.join('; ')}`);
  }
  return parsed.data.status_thresholds;
}
