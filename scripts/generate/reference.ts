/**
 * Reads data/reference/ through the shared zod schemas, so the generator only ever produces
 * codes the pipeline will accept, and checks the references between the files.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  councilSchema,
  indicatorCatalogueSchema,
  localitySchema,
  programmeSchema,
  type Council,
  type IndicatorCatalogue,
  type Locality,
  type Programme,
} from '../../src/lib/reference/schema.ts';
import { parseCsv } from './csv.ts';

export const LOCALITY_COLUMNS = [
  'locality_code',
  'locality_name',
  'ons_codes',
  'population_0_19',
  'deprivation_score',
  'staff_fte',
] as const;

const NUMERIC_LOCALITY_COLUMNS = new Set<string>(['population_0_19', 'deprivation_score', 'staff_fte']);

export interface Reference {
  localities: Locality[];
  catalogue: IndicatorCatalogue;
  programme: Programme;
  council: Council;
}

function describe(file: string, error: z.ZodError): Error {
  const lines = error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return new Error(`${file} does not match its schema:\n${lines.join('\n')}`);
}

function parseWith<T>(file: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw describe(file, result.error);
  return result.data;
}

/** Parses localities.csv text; the header must be exactly the documented columns. */
export function parseLocalities(text: string): Locality[] {
  const [header, ...rows] = parseCsv(text);
  if (header?.join(',') !== LOCALITY_COLUMNS.join(',')) {
    throw new Error(`localities.csv header must be: ${LOCALITY_COLUMNS.join(',')}`);
  }
  return rows.map((fields, i) => {
    const record: Record<string, string | number> = {};
    LOCALITY_COLUMNS.forEach((name, c) => {
      const raw = fields[c] ?? '';
      // An empty numeric cell must fail validation rather than become 0.
      record[name] = NUMERIC_LOCALITY_COLUMNS.has(name) && raw.trim() !== '' ? Number(raw) : raw;
    });
    return parseWith(`localities.csv line ${i + 2}`, localitySchema, record);
  });
}

export async function loadReference(dir: string): Promise<Reference> {
  const json = async (file: string): Promise<unknown> => JSON.parse(await readFile(join(dir, file), 'utf8'));
  const reference: Reference = {
    localities: parseLocalities(await readFile(join(dir, 'localities.csv'), 'utf8')),
    catalogue: parseWith('indicators.json', indicatorCatalogueSchema, await json('indicators.json')),
    programme: parseWith('programme.json', programmeSchema, await json('programme.json')),
    council: parseWith('council.json', councilSchema, await json('council.json')),
  };
  const problems = referenceProblems(reference);
  if (problems.length > 0) throw new Error(`Reference data is inconsistent:\n  ${problems.join('\n  ')}`);
  return reference;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(values.filter((v) => seen.has(v) || !seen.add(v)))];
}

/** Cross-file problems the schemas cannot see, in plain English; empty when consistent. */
export function referenceProblems(ref: Reference): string[] {
  const problems: string[] = [];
  const { programme, catalogue, localities } = ref;
  const phaseCodes = new Set(programme.phases.map((p) => p.code));
  const criteria = new Set(programme.phases.flatMap((p) => p.criteria.map((c) => c.code)));
  const themes = new Set(catalogue.themes.map((t) => t.code));

  for (const code of duplicates(localities.map((l) => l.locality_code))) problems.push(`locality ${code} is listed twice`);
  for (const code of duplicates(catalogue.indicators.map((i) => i.code))) problems.push(`indicator ${code} is listed twice`);
  for (const code of duplicates(programme.phases.map((p) => p.code))) problems.push(`phase ${code} is listed twice`);
  for (const code of duplicates(programme.outcome_measures.map((m) => m.code))) problems.push(`outcome measure ${code} is listed twice`);
  for (const code of duplicates(programme.lead_agencies.map((a) => a.code))) problems.push(`lead agency ${code} is listed twice`);

  const areaCodes = [...localities.map((l) => l.locality_code), programme.authority.code, ...programme.comparators.map((c) => c.code)];
  for (const code of duplicates(areaCodes)) problems.push(`area code ${code} is used by more than one area`);

  for (const indicator of catalogue.indicators) {
    if (!themes.has(indicator.theme)) problems.push(`indicator ${indicator.code} has unknown theme ${indicator.theme}`);
  }
  for (const phase of programme.phases) {
    if (phase.end !== null && phase.end < phase.start) problems.push(`phase ${phase.code} ends before it starts`);
    if (phase.min_criteria > phase.criteria.length) problems.push(`phase ${phase.code} needs more criteria than it lists`);
    for (const code of duplicates(phase.criteria.map((c) => c.code))) problems.push(`phase ${phase.code} lists criterion ${code} twice`);
  }
  for (const measure of programme.outcome_measures) {
    if (!criteria.has(measure.criterion)) problems.push(`outcome measure ${measure.code} evidences unknown criterion ${measure.criterion}`);
  }
  const yearsByRule = new Map<string, string[][]>();
  for (const rule of programme.payment_rules) {
    if (!phaseCodes.has(rule.phase)) problems.push(`payment rule ${rule.claim_type} is for unknown phase ${rule.phase}`);
    const key = `${rule.phase}/${rule.claim_type}`;
    yearsByRule.set(key, [...(yearsByRule.get(key) ?? []), rule.years]);
  }
  // A claim must match exactly one rule, so rules for the same claim type may not overlap.
  for (const [key, yearLists] of yearsByRule) {
    const overlapping = yearLists.length > 1 && (yearLists.some((y) => y.length === 0) || duplicates(yearLists.flat()).length > 0);
    if (overlapping) problems.push(`payment rules for ${key} overlap in their years`);
  }
  const { at_risk, off_track } = programme.status_thresholds;
  if (off_track > at_risk) problems.push('status_thresholds.off_track must not exceed at_risk');
  return problems;
}
