/**
 * The safety net: a last look at a built site before it is published. Whatever the pipeline's
 * guard and disclosure control did, this reads every file under the site as a reader would and
 * refuses it when it finds a row-level column, a direct identifier, a board (unsuppressed)
 * release, or a count the release's own rule does not allow (in data files by column, in pages by
 * the cells DataTable marks as published counts). It runs after every public build
 * (astro.config.mjs) and in the tests, on the real built files.
 */
import { openDuckDB } from '../pipeline/duckdb.ts';
import { loadReference } from '../../src/lib/reference/load.ts';
import type { Audience } from '../../src/lib/outputs/tables.ts';
import { COUNCIL_FILE, loadCouncil } from '../../src/lib/site/council.ts';
import { boardManifests, countRule, counts, identifiers, rowLevelColumns, type Finding } from './checks.ts';
import { readSite } from './read-site.ts';

export type { Finding } from './checks.ts';

export interface SiteCheckOptions {
  /** The public site gets every check; a board site is unsuppressed by design, so only row-level data and identifiers. */
  readonly audience: Audience;
  /** Reference data: the rounding bases the release design may use, the council's own areas. */
  readonly referenceDir?: string;
  /** The council's file, whose contact address the site publishes on purpose. */
  readonly councilFile?: string;
}

export class SiteCheckError extends Error {
  override name = 'SiteCheckError';
  constructor(
    message: string,
    readonly findings: readonly Finding[],
  ) {
    super(message);
  }
}

/** Bases a rounded figure may use (the policy's base and each measure's locality base), and the council's own areas. */
async function referenceFacts(referenceDir: string): Promise<{ bases: number[]; ownAreas: Set<string> }> {
  const { disclosure: policy, programme, localities } = await loadReference(referenceDir);
  const bases = [policy.rounding_base, ...policy.measures.flatMap((m) => (m.round_localities_to === null ? [] : [m.round_localities_to]))];
  return { bases: [...new Set(bases)].sort((a, b) => a - b), ownAreas: new Set([programme.authority.code, ...localities.map((l) => l.locality_code)]) };
}

/** Every finding in the site under `dir`, in file order. */
export async function checkSite(dir: string, options: SiteCheckOptions): Promise<Finding[]> {
  const content = await readSite(dir);
  const findings: Finding[] = content.unreadable.map(({ file, reason }) => ({ kind: 'unreadable', file, where: 'file', value: file, why: `${reason}, so it was not checked` }));
  findings.push(...rowLevelColumns(content));
  const conn = await openDuckDB();
  try {
    const council = loadCouncil(options.councilFile ?? COUNCIL_FILE);
    findings.push(...(await identifiers(conn, content.texts, [council.contact_email])));
  } finally {
    conn.closeSync();
  }
  if (options.audience === 'public') {
    findings.push(...boardManifests(content));
    const { bases, ownAreas } = await referenceFacts(options.referenceDir ?? 'data/reference');
    const { rule, findings: ruleFindings } = countRule(content, bases, ownAreas);
    findings.push(...ruleFindings);
    if (rule) findings.push(...counts(content, rule));
  }
  const order = new Map(content.files.map((file, i) => [file, i]));
  const rank = (f: Finding) => order.get(f.file.replace(/ \(.*\)$/, '')) ?? Number.MAX_SAFE_INTEGER;
  return findings.sort((a, b) => rank(a) - rank(b));
}

/** Findings shown per kind before "and N more": enough to act on, short enough for a CI log. */
const SHOWN_PER_KIND = 20;

export function describeFindings(dir: string, findings: readonly Finding[]): string {
  const lines = [`The site in ${dir} must not be published: ${findings.length === 1 ? '1 problem' : `${findings.length} problems`}.`];
  const byKind = new Map<string, Finding[]>();
  for (const f of findings) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  for (const [kind, list] of byKind) {
    lines.push(`${kind}:`);
    for (const f of list.slice(0, SHOWN_PER_KIND)) lines.push(`  ${f.file} (${f.where}): "${f.value}" is ${f.why}`);
    if (list.length > SHOWN_PER_KIND) lines.push(`  and ${list.length - SHOWN_PER_KIND} more`);
  }
  return lines.join('\n');
}

/** Checks the site and throws a SiteCheckError listing every finding. */
export async function assertSiteSafe(dir: string, options: SiteCheckOptions): Promise<void> {
  const findings = await checkSite(dir, options);
  if (findings.length > 0) throw new SiteCheckError(describeFindings(dir, findings), findings);
}
