/**
 * Comparator groups (data/reference/comparators.json): every authority in England with its
 * region, and this council's named neighbour lists (a CIPFA-style nearest-neighbour list, the DfE
 * children's services list). A council swaps or edits the lists here, without code; the schema
 * and the cross-checks below are the contract the edit must keep.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { PipelineError, type DataIssue } from '../issues/data-issue.ts';
import { locateJsonPath } from './load.ts';

export const COMPARATORS_FILE = 'comparators.json';

const gss = (prefix: string) => z.string().regex(new RegExp(`^${prefix}\\d{6,7}$`), `a GSS code starting ${prefix}`);
const authorityCode = z.string().regex(/^E(06|07|08|09|10)\d{6}$/, 'a GSS local authority code such as "E06009901"');

export const comparatorsSchema = z.object({
  schema_version: z.literal(1),
  /** The council the site is about; must be one of `authorities`. */
  authority: authorityCode,
  england: z.object({ code: gss('E92'), name: z.string().min(1) }),
  regions: z.array(z.object({ code: gss('E12'), name: z.string().min(1) })).min(1),
  authorities: z
    .array(z.object({ code: authorityCode, name: z.string().min(1), region: gss('E12') }))
    .min(2)
    .describe('Every authority the national figures cover, with its region.'),
  groups: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and underscores'),
        title: z.string().min(1),
        source: z.string().min(1).describe('Who published the list and how it was formed.'),
        members: z.array(authorityCode).min(1).describe("The council's neighbours, nearest first; the council itself is not listed."),
      }),
    )
    .describe("This council's neighbour groups."),
});
export type Comparators = z.infer<typeof comparatorsSchema>;
export type ComparatorGroup = Comparators['groups'][number];

export interface ComparatorProblem {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
  readonly fix: string;
}

/** Checks across entries: unique codes, regions and members that exist, no self-neighbour. */
export function comparatorProblems(c: Comparators): ComparatorProblem[] {
  const problems: ComparatorProblem[] = [];
  const regions = new Set(c.regions.map((r) => r.code));
  const seen = new Set<string>();
  c.authorities.forEach((a, i) => {
    if (seen.has(a.code)) problems.push({ path: ['authorities', i, 'code'], code: 'duplicate_code', message: `authorities[${i}].code "${a.code}" is listed twice.`, fix: 'List every authority once.' });
    seen.add(a.code);
    if (!regions.has(a.region)) problems.push({ path: ['authorities', i, 'region'], code: 'unknown_region', message: `authorities[${i}].region "${a.region}" is not in regions.`, fix: 'Use the code of a region listed under "regions".' });
  });
  if (!seen.has(c.authority)) problems.push({ path: ['authority'], code: 'unknown_authority', message: `authority "${c.authority}" is not in authorities.`, fix: 'Add the council to "authorities" or correct its code.' });
  const groupCodes = new Set<string>();
  c.groups.forEach((g, gi) => {
    if (groupCodes.has(g.code)) problems.push({ path: ['groups', gi, 'code'], code: 'duplicate_code', message: `groups[${gi}].code "${g.code}" is used twice.`, fix: 'Give every group its own code.' });
    groupCodes.add(g.code);
    const members = new Set<string>();
    g.members.forEach((m, mi) => {
      const path = ['groups', gi, 'members', mi];
      if (!seen.has(m)) problems.push({ path, code: 'unknown_authority', message: `groups[${gi}].members[${mi}] "${m}" is not in authorities.`, fix: 'Use the code of an authority listed under "authorities".' });
      if (m === c.authority) problems.push({ path, code: 'self_neighbour', message: `groups[${gi}].members[${mi}] is the council itself.`, fix: 'Leave the council out of its own neighbour list.' });
      if (members.has(m)) problems.push({ path, code: 'duplicate_code', message: `groups[${gi}].members[${mi}] "${m}" is listed twice in the group.`, fix: 'List every neighbour once.' });
      members.add(m);
    });
  });
  return problems;
}

/** The council's own entry and region, which the checks above guarantee exist. */
export function councilRegion(c: Comparators): { code: string; name: string } {
  const own = c.authorities.find((a) => a.code === c.authority);
  const region = c.regions.find((r) => r.code === own?.region);
  return region ?? { code: own?.region ?? '', name: own?.region ?? '' };
}

/**
 * Reads and checks comparators.json in `dir`; every problem becomes a DataIssue at the line and
 * column to edit. Null when the council has no comparators file (benchmarking is then left out).
 */
export async function loadComparators(dir: string): Promise<Comparators | null> {
  const path = join(dir, COMPARATORS_FILE);
  if (!existsSync(path)) return null;
  const text = await readFile(path, 'utf8');
  const issues: DataIssue[] = [];
  const at = (p: readonly (string | number)[]) => locateJsonPath(text, p);
  const push = (p: readonly (string | number)[], code: string, message: string, fix: string) => {
    const { line, column } = at(p);
    issues.push({ file: COMPARATORS_FILE, line, column, column_name: p.length ? p.map(String).join('.') : null, code, severity: 'error', message, fix });
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    push([], 'invalid_json', `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`, 'Correct the JSON syntax; a JSON-aware editor shows where.');
    throw new PipelineError(`${COMPARATORS_FILE} in ${dir} is not valid JSON.`, issues);
  }
  const parsed = comparatorsSchema.safeParse(data);
  if (!parsed.success) {
    for (const problem of parsed.error.issues) push(problem.path as (string | number)[], 'invalid_reference', `${problem.path.join('.') || 'The file'}: ${problem.message}.`, 'See the schema in src/lib/reference/comparators.ts.');
  } else {
    for (const p of comparatorProblems(parsed.data)) push(p.path, p.code, p.message, p.fix);
  }
  if (issues.length > 0 || !parsed.success) throw new PipelineError(`${COMPARATORS_FILE} in ${dir} has ${issues.length} problem${issues.length === 1 ? '' : 's'}.`, issues);
  return parsed.data;
}
