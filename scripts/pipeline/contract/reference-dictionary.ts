/**
 * The reference-data half of the data dictionary, generated from the zod schemas the loader
 * validates with (through their JSON Schema), so the documentation cannot drift from the check.
 */
import { z } from 'zod';
import {
  councilSchema,
  indicatorSchema,
  localitySchema,
  outcomeMeasureSchema,
  paymentRuleSchema,
  phaseSchema,
  programmeSchema,
} from '../../../src/lib/reference/schema.ts';
import {
  claimPeriodSchema,
  everyNeedConditionSchema,
  measureConditionSchema,
  outcomeRuleSchema,
  outcomeRulesSchema,
} from '../../../src/lib/reference/outcome-rules.ts';

interface JsonSchema {
  type?: string | string[];
  description?: string;
  pattern?: string;
  enum?: readonly unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

interface ReferenceTable {
  /** The file in data/reference/. */
  file: string;
  /** The part of the file the table describes ("each entry of `phases`"); none for the whole file. */
  part?: string;
  intro?: string;
  schema: z.ZodType;
}

const TABLES: readonly ReferenceTable[] = [
  { file: 'localities.csv', intro: 'One row per locality team, with a header row of these column names.', schema: localitySchema },
  { file: 'indicators.json', part: 'each entry of `indicators`', intro: 'The indicator catalogue. `themes` lists `{ code, title }` pairs; each indicator names one theme. Swapping this file swaps the indicator pages: no code change.', schema: indicatorSchema },
  { file: 'programme.json', intro: 'Programme settings: the rules that differ by phase and by council are data, never code.', schema: programmeSchema },
  { file: 'programme.json', part: 'each entry of `phases`', schema: phaseSchema },
  { file: 'programme.json', part: 'each entry of `outcome_measures`', schema: outcomeMeasureSchema },
  { file: 'programme.json', part: 'each entry of `payment_rules`', intro: 'A claim must match exactly one rule for its phase and financial year.', schema: paymentRuleSchema },
  { file: 'council.json', intro: 'How the site presents the council.', schema: councilSchema },
  {
    file: 'outcome-rules.json',
    intro:
      'Outcome rules: when a family\'s measured outcomes (outcomes.csv) make it claimable for a results payment. Optional: without it no claim is treated as a results claim. The pipeline checks results claims against these rules and lists the families that meet them in the internal claims file (`--claims-file`, board audience only).',
    schema: outcomeRulesSchema,
  },
  { file: 'outcome-rules.json', part: 'each entry of `claim_periods`', schema: claimPeriodSchema },
  {
    file: 'outcome-rules.json',
    part: 'each entry of `rules`',
    intro: 'One rule per phase and claim type. A rule is met when every condition holds; a rule none of whose conditions applies to a family is not met. It is sustained on the latest day an outcome it asks for had held for its sustain months.',
    schema: outcomeRuleSchema,
  },
  { file: 'outcome-rules.json', part: 'a condition of `kind` "measure"', intro: 'A value missing from outcomes.csv counts as not meeting a threshold.', schema: measureConditionSchema },
  { file: 'outcome-rules.json', part: 'a condition of `kind` "every_need"', intro: 'Every criterion the family was identified on must be evidenced by each outcome measure of that criterion (programme.json), achieved and sustained; a criterion with no measure cannot be met.', schema: everyNeedConditionSchema },
];

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function typeWords(s: JsonSchema): string {
  if (s.anyOf) return s.anyOf.map(typeWords).join(' or ');
  if (s.const !== undefined) return 'fixed value';
  const words: Record<string, string> = { string: 'text', integer: 'whole number', number: 'number', array: 'list', object: 'object', null: 'null', boolean: 'true or false' };
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  return types.map((t) => words[t] ?? t).join(' or ');
}

function allowed(s: JsonSchema): string {
  if (s.anyOf) return s.anyOf.map(allowed).filter(Boolean).join('; ');
  const parts: string[] = [];
  if (s.const !== undefined) parts.push(`\`${JSON.stringify(s.const)}\``);
  if (s.enum) parts.push(s.enum.map((v) => `\`${String(v)}\``).join(', '));
  if (s.pattern) parts.push(`matches \`${s.pattern}\``);
  if (s.format) parts.push(s.format);
  if (s.minimum !== undefined) parts.push(`at least ${s.minimum}`);
  if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) parts.push(`at most ${s.maximum}`);
  if (s.minLength !== undefined && s.minLength > 0) parts.push('not empty');
  if (s.maxLength !== undefined) parts.push(`at most ${s.maxLength} characters`);
  return parts.join('; ');
}

function renderTable(table: ReferenceTable): string {
  const json = z.toJSONSchema(table.schema) as JsonSchema;
  const required = new Set(json.required ?? []);
  const rows = Object.entries(json.properties ?? {}).map(
    ([name, s]) => `| \`${name}\` | ${typeWords(s)} | ${required.has(name) ? 'yes' : 'no'} | ${cell(s.description ?? '')} | ${cell(allowed(s))} |`,
  );
  const heading = `\`reference/${table.file}\`${table.part ? `: ${table.part}` : ''}`;
  return [`### ${heading}`, '', ...(table.intro ? [table.intro, ''] : []), '| Field | Type | Required | Meaning | Allowed values |', '| --- | --- | --- | --- | --- |', ...rows, ''].join('\n');
}

export function renderReferenceDictionary(): string {
  return [
    '## Reference data',
    '',
    'Files in `data/reference/` that a council edits to fit its own programme. `npm run data`',
    'refuses to run while any of them breaks these rules, naming the file, line and column.',
    '',
    ...TABLES.map(renderTable),
  ].join('\n');
}
