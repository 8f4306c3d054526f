/**
 * Which published measures are provisional, and for how long: data/reference/provisional.json.
 * A measure listed here is marked [p] in its latest N quarters (and in any longer period that
 * takes in one of them), because the council knows those figures still grow or change as late
 * records arrive. A council edits the file; this schema is the contract, and the pipeline and the
 * open-data dictionary read it through loadProvisional. Without the file nothing is provisional.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { COUNT_MEASURES, type CountTable } from '../outputs/tables.ts';
import { readReferenceJson, ReferenceFileError } from './json-file.ts';
import type { IndicatorCatalogue } from './schema.ts';

export const PROVISIONAL_FILE = 'provisional.json';

/** The tables whose rows have a measure a policy can name: the count tables and the indicators. */
export const PROVISIONAL_TABLES = [...(Object.keys(COUNT_MEASURES) as CountTable[]), 'indicators'] as const;
export type ProvisionalTable = (typeof PROVISIONAL_TABLES)[number];

export const provisionalMeasureSchema = z.object({
  table: z.enum(PROVISIONAL_TABLES).describe('Published table the measure is in: a count table or "indicators".'),
  measure: z.string().min(1).describe('Measure name, or the indicator code for "indicators".'),
  provisional_quarters: z.number().int().min(1).max(8).describe('How many of the latest quarters are provisional ([p]), 1 to 8.'),
  reason: z.string().min(1).describe('Why the latest figures may still change, for the methodology and the data dictionary.'),
});
export type ProvisionalMeasure = z.infer<typeof provisionalMeasureSchema>;

export const provisionalPolicySchema = z.object({
  schema_version: z.literal(1),
  measures: z.array(provisionalMeasureSchema),
});
export type ProvisionalPolicy = z.infer<typeof provisionalPolicySchema>;

/** No measure is provisional: the policy of a council without provisional.json. */
export const NO_PROVISIONAL: ProvisionalPolicy = { schema_version: 1, measures: [] };

/**
 * Reads `dir`/provisional.json, checking each entry names a measure its table publishes (an
 * indicator in the catalogue) and no measure is listed twice. Absent file: nothing provisional.
 */
export async function loadProvisional(dir: string, catalogue: IndicatorCatalogue): Promise<ProvisionalPolicy> {
  const path = join(dir, PROVISIONAL_FILE);
  if (!existsSync(path)) return NO_PROVISIONAL;
  const policy = await readReferenceJson(path, provisionalPolicySchema);
  const seen = new Set<string>();
  const problems: string[] = [];
  policy.measures.forEach((m, i) => {
    const known: readonly string[] = m.table === 'indicators' ? catalogue.indicators.map((x) => x.code) : COUNT_MEASURES[m.table];
    if (!known.includes(m.measure)) {
      problems.push(`measures.${i}.measure: "${m.measure}" is not a measure of the ${m.table} table; use one of ${known.join(', ')}`);
    }
    const key = `${m.table}/${m.measure}`;
    if (seen.has(key)) problems.push(`measures.${i}: ${key} is listed twice; keep one entry`);
    seen.add(key);
  });
  if (problems.length > 0) throw new ReferenceFileError(`${path} does not match the published measures:\n${problems.join('\n')}`);
  return policy;
}

/** The number of provisional quarters of one measure, or 0 when it is not provisional. */
export function provisionalQuarters(policy: ProvisionalPolicy, table: string, measure: string): number {
  return policy.measures.find((m) => m.table === table && m.measure === measure)?.provisional_quarters ?? 0;
}
