/**
 * Disclosure benchmark: the public release designed and audited for the shipped sample and for
 * the pipeline benchmark's large council (1,000,000 outcome rows). Prints the release's utility
 * (share of board figures shown, by table, area level and granularity, as the manifest records
 * it), the audit's rounds, solves and time, and peak memory.
 * Prints figures; asserts nothing (tests never assert wall-clock time).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { UtilityShare } from '../../src/lib/outputs/tables.ts';
import type { AuditSummary } from '../pipeline/disclose/release.ts';
import { ensureGeneratedExtracts } from './generated-extracts.ts';

const DIR = '.cache/bench/disclosure';
/** The pipeline benchmark's extracts (scripts/bench/pipeline.ts), shared so they are made once. */
const LARGE = { dir: '.cache/bench/pipeline/extracts', outcomeRows: 1_000_000 };
const THRESHOLD = 5;

interface Designed {
  seconds: number;
  maxRssMb: number;
  rows: number;
  cells: number;
  relations: number;
  failingByRound: number[];
  audit: AuditSummary;
  shown: Record<string, number>;
  utility: UtilityShare[];
}

export async function benchDisclosure(): Promise<void> {
  await ensureGeneratedExtracts(LARGE.dir, LARGE.outcomeRows);
  const councils = [
    { name: 'sample (data/sample)', extracts: 'data/sample' },
    { name: `large council (${LARGE.outcomeRows.toLocaleString('en-GB')} outcome rows, ${LARGE.dir})`, extracts: LARGE.dir },
  ];
  for (const [i, council] of councils.entries()) {
    const board = join(DIR, `board-${i}`);
    console.log(`\n### ${council.name}`);
    const started = performance.now();
    // A generated extract the validator has since learned to reject a row of still makes a council.
    const args = ['--extracts', council.extracts, '--audience', 'board', '--out', board, '--report', `${board}-report`, '--quiet', '--accept-partial'];
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/cli/data.ts', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
    console.log(`Board tables: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench/disclosure-child.ts', board, String(THRESHOLD)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    report(JSON.parse(out.trim().split('\n').at(-1) as string) as Designed);
  }
}

function report(d: Designed): void {
  const a = d.audit;
  const shown = Object.entries(d.shown)
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([k, n]) => `${k} ${n.toLocaleString('en-GB')}`)
    .join(', ');
  console.log(`Release: ${d.rows.toLocaleString('en-GB')} board rows → ${d.cells.toLocaleString('en-GB')} figures at every granularity, ${d.relations.toLocaleString('en-GB')} relations; ${shown}`);
  console.log(`Design and audit: ${d.seconds.toFixed(1)} s, peak memory ${d.maxRssMb.toFixed(0)} MB; ${a.rounds} round(s) (still failing after each: ${d.failingByRound.join(', ')}), ${a.solves.toLocaleString('en-GB')} linear solves, ${a.integer_solves.toLocaleString('en-GB')} integer solves`);
  console.log(`Audit: ${a.passed ? 'passed' : 'FAILED'}; ${a.hidden_counts_audited.toLocaleString('en-GB')} hidden counts audited, narrowest interval ${a.narrowest_interval ?? 'none'} (threshold ${THRESHOLD})`);
  console.log('Utility (share of board figures shown with a number):');
  const rows = d.utility.map((u) => [u.table, u.area_type, u.period_type, `${u.shown}/${u.figures}`, `${(u.share * 100).toFixed(1)}%`]);
  const widths = [0, 1, 2, 3, 4].map((c) => Math.max(...rows.map((r) => (r[c] as string).length)));
  for (const r of rows) console.log(`  ${r.map((v, c) => (c >= 3 ? v.padStart(widths[c] as number) : v.padEnd(widths[c] as number))).join('  ')}`);
  const byLevel = new Map<string, { figures: number; shown: number }>();
  for (const u of d.utility) {
    const g = byLevel.get(u.area_type) ?? { figures: 0, shown: 0 };
    byLevel.set(u.area_type, { figures: g.figures + u.figures, shown: g.shown + u.shown });
  }
  console.log(`  All tables and granularities: ${[...byLevel].map(([level, g]) => `${level} ${((g.shown / g.figures) * 100).toFixed(1)}%`).join(', ')}`);
}
