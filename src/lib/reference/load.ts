/**
 * Loads and checks the reference data a council edits: `localities.csv`, `indicators.json`,
 * `programme.json` and `council.json`. The schemas say what one file must look like; this module
 * adds the checks that span entries (unique codes, references between lists) and turns every
 * problem into a DataIssue that points at the file, line and column to edit.
 *
 * It stays free of DuckDB because the site imports it at build time too.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { parseCsv } from '../encoding/csv.ts';
import { decodeWindows1252, locateByte } from '../encoding/windows1252.ts';
import { PipelineError, type DataIssue } from '../issues/data-issue.ts';
import {
  councilSchema,
  indicatorCatalogueSchema,
  localitySchema,
  programmeSchema,
  type Council,
  type IndicatorCatalogue,
  type Locality,
  type Programme,
  disclosurePolicySchema,
  type DisclosurePolicy,
} from './schema.ts';
import { OUTCOME_RULES_FILE, outcomeRuleProblems, outcomeRulesSchema, type OutcomeRules } from './outcome-rules.ts';

export interface Reference {
  readonly localities: readonly Locality[];
  readonly catalogue: IndicatorCatalogue;
  readonly programme: Programme;
  readonly council: Council;
  readonly disclosure: DisclosurePolicy;
  /** Outcome rules for results claims; absent when the council has no outcome-rules.json. */
  readonly outcomeRules?: OutcomeRules;
}

/** Where a council keeps its reference data, relative to the project root (the build's working directory). */
export const REFERENCE_DIR = 'data/reference';

export const REFERENCE_FILES = {
  localities: 'localities.csv',
  indicators: 'indicators.json',
  programme: 'programme.json',
  council: 'council.json',
  disclosure: 'disclosure.json',
} as const;

type JsonPath = readonly (string | number)[];

/** Reads the four reference files from `dir`; throws PipelineError listing every problem found. */
export async function loadReference(dir: string): Promise<Reference> {
  const issues: DataIssue[] = [];
  const localities = await loadLocalities(dir, issues);
  const catalogue = await loadJson(dir, REFERENCE_FILES.indicators, indicatorCatalogueSchema, issues);
  const programme = await loadJson(dir, REFERENCE_FILES.programme, programmeSchema, issues);
  const council = await loadJson(dir, REFERENCE_FILES.council, councilSchema, issues);
  const disclosure = await loadJson(dir, REFERENCE_FILES.disclosure, disclosurePolicySchema, issues);
  // Optional: a council without results payments has no outcome rules.
  const outcomeRules = existsSync(join(dir, OUTCOME_RULES_FILE)) ? await loadJson(dir, OUTCOME_RULES_FILE, outcomeRulesSchema, issues) : null;
  if (localities && catalogue && programme) {
    issues.push(...crossChecks(localities, catalogue, programme));
  }
  if (outcomeRules && programme) {
    for (const p of outcomeRuleProblems(outcomeRules.value, programme.value)) issues.push(jsonIssue(outcomeRules, p.path, p.code, p.message, p.fix));
  }
  if (issues.length > 0 || !localities || !catalogue || !programme || !council || !disclosure) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    throw new PipelineError(`The reference data in ${dir} has ${count}.`, issues);
  }
  return {
    localities: localities.rows,
    catalogue: catalogue.value,
    programme: programme.value,
    council: council.value,
    disclosure: disclosure.value,
    ...(outcomeRules ? { outcomeRules: outcomeRules.value } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// localities.csv

interface LocalitiesFile {
  readonly rows: Locality[];
  /** Source line of each row, for issues found after parsing. */
  readonly lines: number[];
}

const localityColumns = Object.keys(localitySchema.shape) as (keyof Locality)[];
const numericLocalityColumns = new Set<string>(['population_0_19', 'deprivation_score', 'staff_fte']);

async function loadLocalities(dir: string, issues: DataIssue[]): Promise<LocalitiesFile | null> {
  const file = REFERENCE_FILES.localities;
  const text = await readText(dir, file, issues);
  if (text === null) return null;
  const records = parseCsv(text);
  const headerRecord = records[0];
  if (!headerRecord || headerRecord.fields.every((f) => f.trim() === '')) {
    issues.push(issue(file, 0, 0, null, 'empty_file', 'The file is empty.', `Add the header line: ${localityColumns.join(',')}`));
    return null;
  }
  const header = headerRecord.fields.map((f) => f.trim().toLowerCase());
  let headerOk = true;
  for (const name of localityColumns) {
    if (!header.includes(name)) {
      headerOk = false;
      issues.push(
        issue(file, headerRecord.line, 0, name, 'missing_column', `The header has no "${name}" column.`, `The header must be: ${localityColumns.join(',')}`),
      );
    }
  }
  header.forEach((name, i) => {
    if (!(localityColumns as string[]).includes(name)) {
      issues.push(
        issue(file, headerRecord.line, i + 1, name, 'unknown_column', `Column ${i + 1} "${name}" is not a localities column.`, `The header must be: ${localityColumns.join(',')}`),
      );
    }
  });
  if (!headerOk) return null;

  const rows: Locality[] = [];
  const lines: number[] = [];
  for (const record of records.slice(1)) {
    if (record.fields.every((f) => f.trim() === '')) continue;
    if (record.fields.length !== header.length) {
      issues.push(
        issue(file, record.line, 0, null, 'wrong_field_count', `Line ${record.line} has ${record.fields.length} fields but the header has ${header.length}.`, 'Give every line one value per header column, separated by commas.'),
      );
      continue;
    }
    const candidate: Record<string, unknown> = {};
    let rowOk = true;
    header.forEach((name, i) => {
      const raw = (record.fields[i] ?? '').trim();
      if (!numericLocalityColumns.has(name)) {
        candidate[name] = raw;
        return;
      }
      if (!/^-?\d+(\.\d+)?$/.test(raw)) {
        rowOk = false;
        issues.push(issue(file, record.line, i + 1, name, 'invalid_number', `${name} "${raw}" is not a number.`, 'Write a plain number, with no commas, spaces or units.'));
        return;
      }
      candidate[name] = Number(raw);
    });
    if (!rowOk) continue;
    const parsed = localitySchema.safeParse(candidate);
    if (!parsed.success) {
      for (const problem of parsed.error.issues) {
        const name = String(problem.path[0] ?? '');
        const col = header.indexOf(name) + 1;
        issues.push(issue(file, record.line, col, name || null, 'invalid_reference', `${name} "${String(candidate[name] ?? '')}": ${problem.message}.`, `See the schema in src/lib/reference/schema.ts.`));
      }
      continue;
    }
    rows.push(parsed.data);
    lines.push(record.line);
  }
  if (rows.length === 0 && issues.every((i) => i.file !== file)) {
    issues.push(issue(file, 0, 0, null, 'no_rows', 'The file has a header but no localities.', 'Add one line per locality.'));
  }
  return { rows, lines };
}

// ---------------------------------------------------------------------------------------------
// JSON files

interface JsonFile<T> {
  readonly file: string;
  readonly text: string;
  readonly value: T;
}

async function loadJson<S extends z.ZodType>(dir: string, file: string, schema: S, issues: DataIssue[]): Promise<JsonFile<z.infer<S>> | null> {
  const text = await readText(dir, file, issues);
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason);
    const at = position ? lineAndColumn(text, Number(position[1])) : { line: 0, column: 0 };
    issues.push(issue(file, at.line, at.column, null, 'invalid_json', `The file is not valid JSON: ${reason}.`, 'Correct the JSON syntax (a missing comma or quote is the usual cause); a JSON-aware editor shows where.'));
    return null;
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const problem of parsed.error.issues) {
      issues.push(jsonIssue({ file, text, value: data }, problem.path as JsonPath, 'invalid_reference', `${describePath(problem.path as JsonPath)}: ${problem.message}${foundValue(data, problem.path as JsonPath)}.`, 'See the schema in src/lib/reference/schema.ts.'));
    }
    return null;
  }
  return { file, text, value: parsed.data as z.infer<S> };
}

function foundValue(data: unknown, path: JsonPath): string {
  let node: unknown = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return '';
    node = (node as Record<string | number, unknown>)[key];
  }
  if (node === undefined) return ' (missing)';
  if (typeof node === 'object' && node !== null) return '';
  return ` (found ${JSON.stringify(node)})`;
}

/** `indicators[3].unit`: how a person finds the entry in the file. */
function describePath(path: JsonPath): string {
  if (path.length === 0) return 'The file';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

function jsonIssue<T>(source: JsonFile<T>, path: JsonPath, code: string, message: string, fix: string): DataIssue {
  const at = locateJsonPath(source.text, path);
  return issue(source.file, at.line, at.column, describePath(path), code, message, fix);
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Line and column of the value at `path` in JSON text, or of the deepest ancestor that exists
 * (a missing key points at its object). The text is known to parse, so the walker can be simple.
 */
export function locateJsonPath(text: string, path: JsonPath): { line: number; column: number } {
  let pos = 0;
  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos] ?? '')) pos++;
  };
  const skipString = () => {
    pos++;
    while (pos < text.length && text[pos] !== '"') pos += text[pos] === '\\' ? 2 : 1;
    pos++;
  };
  const readString = (): string => {
    const start = pos;
    skipString();
    return JSON.parse(text.slice(start, pos)) as string;
  };
  const skipValue = () => {
    skipSpace();
    const c = text[pos];
    if (c === '"') return skipString();
    if (c === '{' || c === '[') {
      let depth = 0;
      while (pos < text.length) {
        const d = text[pos];
        if (d === '"') {
          skipString();
          continue;
        }
        if (d === '{' || d === '[') depth++;
        if (d === '}' || d === ']') depth--;
        pos++;
        if (depth === 0) return;
      }
      return;
    }
    while (pos < text.length && !/[\s,\]}]/.test(text[pos] ?? '')) pos++;
  };
  skipSpace();
  let found = pos;
  for (const key of path) {
    skipSpace();
    const open = text[pos];
    let located = false;
    if (open === '{' && typeof key === 'string') {
      pos++;
      for (;;) {
        skipSpace();
        if (text[pos] !== '"') break;
        const name = readString();
        skipSpace();
        pos++; // the colon
        skipSpace();
        if (name === key) {
          located = true;
          break;
        }
        skipValue();
        skipSpace();
        if (text[pos] === ',') pos++;
      }
    } else if (open === '[' && typeof key === 'number') {
      pos++;
      for (let index = 0; ; index++) {
        skipSpace();
        if (text[pos] === ']' || pos >= text.length) break;
        if (index === key) {
          located = true;
          break;
        }
        skipValue();
        skipSpace();
        if (text[pos] === ',') pos++;
      }
    }
    if (!located) break;
    found = pos;
  }
  return lineAndColumn(text, found);
}

// ---------------------------------------------------------------------------------------------
// Checks across entries and files

interface Keyed {
  readonly code: string;
}

function duplicates<T extends Keyed>(items: readonly T[]): [number, number][] {
  const first = new Map<string, number>();
  const out: [number, number][] = [];
  items.forEach((item, i) => {
    const seen = first.get(item.code);
    if (seen === undefined) first.set(item.code, i);
    else out.push([seen, i]);
  });
  return out;
}

function crossChecks(localities: LocalitiesFile, catalogue: JsonFile<IndicatorCatalogue>, programme: JsonFile<Programme>): DataIssue[] {
  const issues: DataIssue[] = [];
  const duplicateCode = <T>(source: JsonFile<T>, listPath: JsonPath, items: readonly Keyed[]) => {
    for (const [first, again] of duplicates(items)) {
      const path = [...listPath, again, 'code'];
      issues.push(jsonIssue(source, path, 'duplicate_code', `${describePath(path)} "${items[again]?.code}" repeats ${describePath([...listPath, first, 'code'])}.`, 'Give every entry its own code.'));
    }
  };

  const localityFile = REFERENCE_FILES.localities;
  const seenLocality = new Map<string, number>();
  localities.rows.forEach((row, i) => {
    const line = localities.lines[i] ?? 0;
    const first = seenLocality.get(row.locality_code);
    if (first !== undefined) {
      issues.push(issue(localityFile, line, 1, 'locality_code', 'duplicate_code', `locality_code "${row.locality_code}" repeats line ${first}.`, 'Give every locality its own code.'));
    } else seenLocality.set(row.locality_code, line);
  });

  const cat = catalogue.value;
  duplicateCode(catalogue, ['themes'], cat.themes);
  duplicateCode(catalogue, ['indicators'], cat.indicators);
  const themes = new Set(cat.themes.map((t) => t.code));
  cat.indicators.forEach((indicator, i) => {
    if (!themes.has(indicator.theme)) {
      const path = ['indicators', i, 'theme'];
      issues.push(jsonIssue(catalogue, path, 'unknown_theme', `${describePath(path)} "${indicator.theme}" is not one of the themes.`, `Use one of: ${[...themes].join(', ')}; or add the theme to "themes".`));
    }
  });

  const prog = programme.value;
  duplicateCode(programme, ['phases'], prog.phases);
  prog.phases.forEach((phase, i) => duplicateCode(programme, ['phases', i, 'criteria'], phase.criteria));
  duplicateCode(programme, ['lead_agencies'], prog.lead_agencies);
  duplicateCode(programme, ['outcome_measures'], prog.outcome_measures);
  const criteria = new Set(prog.phases.flatMap((p) => p.criteria.map((c) => c.code)));
  prog.outcome_measures.forEach((measure, i) => {
    if (!criteria.has(measure.criterion)) {
      const path = ['outcome_measures', i, 'criterion'];
      issues.push(jsonIssue(programme, path, 'unknown_criterion', `${describePath(path)} "${measure.criterion}" is not a criterion of any phase.`, `Use a criterion listed under a phase (${[...criteria].sort().join(', ')}), or add it to the phase.`));
    }
  });
  prog.phases.forEach((phase, i) => {
    if (phase.min_criteria > phase.criteria.length) {
      const path = ['phases', i, 'min_criteria'];
      issues.push(jsonIssue(programme, path, 'invalid_reference', `${describePath(path)} is ${phase.min_criteria} but phase "${phase.code}" lists only ${phase.criteria.length} criteria.`, 'Lower min_criteria or add the missing criteria.'));
    }
    if (phase.end !== null && phase.end < phase.start) {
      const path = ['phases', i, 'end'];
      issues.push(jsonIssue(programme, path, 'dates_out_of_order', `${describePath(path)} ${phase.end} is before its start ${phase.start}.`, 'Correct the start or end date of the phase.'));
    }
  });
  const phases = new Set(prog.phases.map((p) => p.code));
  const ruleYears = new Map<string, { index: number; years: readonly string[] }[]>();
  prog.payment_rules.forEach((rule, i) => {
    if (!phases.has(rule.phase)) {
      const path = ['payment_rules', i, 'phase'];
      issues.push(jsonIssue(programme, path, 'unknown_phase', `${describePath(path)} "${rule.phase}" is not a phase.`, `Use one of: ${[...phases].join(', ')}.`));
    }
    const key = `${rule.phase}\u0000${rule.claim_type}`;
    const earlier = ruleYears.get(key) ?? [];
    for (const other of earlier) {
      // Two rules for one claim type overlap when either applies to every year or they share one.
      const overlap = other.years.length === 0 || rule.years.length === 0 || rule.years.some((y) => other.years.includes(y));
      if (overlap) {
        const path = ['payment_rules', i];
        issues.push(jsonIssue(programme, path, 'duplicate_code', `${describePath(path)} (${rule.phase}, ${rule.claim_type}) overlaps payment_rules[${other.index}] in the years it covers.`, 'Give each payment rule of a claim type its own financial years.'));
      }
    }
    earlier.push({ index: i, years: rule.years });
    ruleYears.set(key, earlier);
  });
  const thresholds = prog.status_thresholds;
  if (thresholds.off_track > thresholds.at_risk) {
    const path = ['status_thresholds', 'off_track'];
    issues.push(jsonIssue(programme, path, 'invalid_reference', `${describePath(path)} (${thresholds.off_track}) is above at_risk (${thresholds.at_risk}).`, 'off_track must be at most at_risk: a measure is at risk before it is off track.'));
  }

  // Area codes in area_indicators.csv must say unambiguously whether they are a locality,
  // the authority or a comparator.
  const areaOwner = new Map<string, string>();
  for (const row of localities.rows) areaOwner.set(row.locality_code, 'a locality');
  const claim = (code: string, path: JsonPath) => {
    const owner = areaOwner.get(code);
    if (owner) {
      issues.push(jsonIssue(programme, path, 'duplicate_code', `${describePath(path)} "${code}" is already used by ${owner}.`, 'Area codes of localities, the authority and comparators must all differ.'));
    } else areaOwner.set(code, path[0] === 'authority' ? 'the authority' : 'a comparator');
  };
  claim(prog.authority.code, ['authority', 'code']);
  prog.comparators.forEach((c, i) => claim(c.code, ['comparators', i, 'code']));
  return issues;
}

// ---------------------------------------------------------------------------------------------

async function readText(dir: string, file: string, issues: DataIssue[]): Promise<string | null> {
  try {
    const bytes = await readFile(join(dir, file));
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Saved from Excel as "CSV (Comma delimited)": Windows-1252, the only other likely encoding.
      const text = decodeWindows1252(bytes);
      if (text.ok) return text.value;
      const at = locateByte(bytes, text.offset);
      issues.push(
        issue(file, at.line, at.column, null, 'invalid_encoding', `${file} is neither UTF-8 nor Windows-1252: byte 0x${text.byte.toString(16).toUpperCase()} on line ${at.line} is undefined in Windows-1252.`, 'Save the file as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)") and check the character at that place.'),
      );
      return null;
    }
  } catch (error) {
    issues.push(unreadableIssue(file, dir, (error as NodeJS.ErrnoException).code));
    return null;
  }
}

/** Why a reference file could not be read, in words, with what to do; never the system's raw text. */
function unreadableIssue(file: string, dir: string, code: string | undefined): DataIssue {
  if (code === 'ENOENT') return issue(file, 0, 0, null, 'missing_file', `${file} is missing from ${dir}.`, `Put ${file} in ${dir}; see data/DATA-DICTIONARY.md.`);
  if (code === 'EACCES' || code === 'EPERM') {
    return issue(file, 0, 0, null, 'unreadable_file', `${file} in ${dir} cannot be opened: permission denied for the account running the pipeline.`, `Give that account read access to ${file} (e.g. chmod a+r on it), then run again.`);
  }
  if (code === 'EISDIR') return issue(file, 0, 0, null, 'unreadable_file', `${file} in ${dir} is a folder, not a file.`, `Put the file ${file} in its place; see data/DATA-DICTIONARY.md.`);
  return issue(file, 0, 0, null, 'unreadable_file', `${file} in ${dir} could not be read${code ? ` (system error ${code})` : ''}.`, `Check the file can be opened by the account running the pipeline, then run again; see data/DATA-DICTIONARY.md.`);
}

function issue(file: string, line: number, column: number, columnName: string | null, code: string, message: string, fix: string): DataIssue {
  return { file, line, column, column_name: columnName, code, severity: 'error', message, fix };
}
