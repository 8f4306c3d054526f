/**
 * Times disclosure control on a table of the largest expected size: 60 quarters × 8 areas ×
 * ~100 measure/breakdowns (≈ 48,000 rows), with many small counts and stock-flow series.
 * Run: npx tsx scripts/pipeline/disclose/bench.ts [localities] [quarters] [breakdowns]
 * Prints timings; asserts nothing (tests never assert wall-clock times).
 */
import { performance } from 'node:perf_hooks';
import type { CountRow } from '../../../src/lib/outputs/tables.ts';
import { addQuarters, quarterLabel, quarterStart } from '../../../src/lib/period/quarter.ts';
import { discloseCountsWithStats } from './counts.ts';
import { TABLE_RELATIONS, type RelationSpec } from './relations.ts';

const [localities = 7, quarters = 60, breakdowns = 24] = process.argv.slice(2).map(Number);

// Deterministic pseudo-random counts, mostly small: the hard case for secondary suppression.
let state = 12345;
const rand = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
const small = () => (rand() < 0.5 ? Math.floor(rand() * 5) : Math.floor(rand() * 40));

function table(): CountRow[] {
  const rows: CountRow[] = [];
  const areas = Array.from({ length: localities }, (_, i) => `E0500${1000 + i}`);
  const push = (q: number, measure: string, breakdown: string, values: number[]) => {
    const fq = addQuarters({ startYear: 2012, quarter: 1 }, q);
    const base = { quarter: quarterLabel(fq), quarter_start: quarterStart(fq), measure, breakdown, flag: null };
    values.forEach((value, i) => rows.push({ ...base, area_code: areas[i] as string, area_type: 'locality', value }));
    rows.push({ ...base, area_code: 'E06000014', area_type: 'authority', value: values.reduce((s, v) => s + v, 0) });
  };
  const cum = new Array<number>(localities).fill(0);
  const open = new Array<number>(localities).fill(0);
  for (let q = 0; q < quarters; q++) {
    const attached = areas.map(small);
    const closed = attached.map((a, i) => Math.min(small(), (open[i] as number) + a));
    attached.forEach((a, i) => {
      cum[i] = (cum[i] as number) + a;
      open[i] = (open[i] as number) + a - (closed[i] as number);
    });
    push(q, 'families_identified', 'all', areas.map(small));
    push(q, 'families_attached', 'all', attached);
    push(q, 'families_closed', 'all', closed);
    push(q, 'families_attached_cumulative', 'all', [...cum]);
    push(q, 'families_open', 'all', [...open]);
    const claimsAll = new Array<number>(localities).fill(0);
    const amountAll = new Array<number>(localities).fill(0);
    for (let b = 0; b < breakdowns; b++) {
      push(q, 'outcomes_achieved', `outcome_${b}`, areas.map(small));
      push(q, 'outcomes_sustained', `outcome_${b}`, areas.map(small));
      const claims = areas.map(small);
      const tariff = 800 + 100 * (b % 3);
      push(q, 'claims', `type_${b}`, claims);
      push(q, 'claim_amount_gbp', `type_${b}`, claims.map((c) => c * tariff));
      claims.forEach((c, i) => {
        claimsAll[i] = (claimsAll[i] as number) + c;
        amountAll[i] = (amountAll[i] as number) + c * tariff;
      });
    }
    push(q, 'claims', 'all', claimsAll);
    push(q, 'claim_amount_gbp', 'all', amountAll);
  }
  return rows;
}

const spec: RelationSpec = {
  areaTotals: true,
  stockFlows: TABLE_RELATIONS.programme.stockFlows,
  breakdownTotals: TABLE_RELATIONS.claims.breakdownTotals,
  links: TABLE_RELATIONS.claims.links,
};
const rows = table();
for (const roundTo of [null, 5]) {
  const t0 = performance.now();
  const { stats } = discloseCountsWithStats(rows, { threshold: 5, roundTo, relations: spec });
  const ms = performance.now() - t0;
  console.log(`rows ${stats.rows}, round ${roundTo ?? 'none'}: ${ms.toFixed(0)} ms; primary ${stats.primary}, secondary ${stats.secondary}, relations ${stats.relations}, exact rounds ${stats.exactRounds}`);
}
