/**
 * The sample's public release, designed and audited for real: the board figures come from the
 * real pipeline on the shipped sample, the design and audit from the real HiGHS.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CountRow } from '../../../src/lib/outputs/tables.ts';
import { addQuarters, parseQuarter, quarterLabel, type FinancialQuarter } from '../../../src/lib/period/quarter.ts';
import { loadReference } from '../../../src/lib/reference/load.ts';
import type { CountTable } from '../aggregate/index.ts';
import { sustainMonthsOf } from './release-cells.ts';
import { auditDesign, describeCell, designRelease, type ReleaseDesign, type Shown } from './release.ts';

const THRESHOLD = 5;
let design: ReleaseDesign;
let sustainMonths: Map<string, number>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tfo-release-'));
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/cli/data.ts', '--extracts', 'data/sample', '--audience', 'board', '--out', join(dir, 'out'), '--report', join(dir, 'dq'), '--quiet'], { stdio: 'ignore' });
  const db = await DuckDBInstance.create();
  const conn = await db.connect();
  const tables = {} as Record<CountTable, CountRow[]>;
  for (const t of ['programme', 'criteria', 'outcomes', 'claims'] as const) {
    const reader = await conn.runAndReadAll(`SELECT quarter, strftime(quarter_start, '%Y-%m-%d') AS quarter_start, area_code, area_type, measure, breakdown, value, flag FROM '${join(dir, 'out', `${t}.parquet`)}'`);
    tables[t] = reader.getRowObjectsJS() as unknown as CountRow[];
  }
  conn.closeSync();
  const ref = await loadReference('data/reference');
  sustainMonths = sustainMonthsOf(ref.programme.outcome_measures);
  design = await designRelease(tables, ref.disclosure, THRESHOLD, parseQuarter('2012-13 Q1') as FinancialQuarter, parseQuarter('2026-27 Q2') as FinancialQuarter, undefined, undefined, { sustainMonths });
}, 300_000);

describe("the sample's public release", () => {
  it('passes its own audit, with every hidden count at least the threshold wide', async () => {
    expect(design.audit.passed).toBe(true);
    expect(design.audit.narrowest_interval).toBeGreaterThanOrEqual(THRESHOLD);
    expect(await auditDesign(design.universe, design.shown, THRESHOLD)).toEqual([]);
  });

  it('keeps a hidden sustained count wider than the outcomes achieved when its sustain period began', () => {
    // Written here from the rule, not from release-cells.ts: an outcome sustained in quarter q
    // after m months was achieved floor(m/3) or ceil(m/3) quarters before, so a reader bounds a
    // hidden sustained count (at least 1) by those achieved counts when they are shown exactly.
    const { cells } = design.universe;
    const at = new Map(cells.map((c, i) => [[c.measure, c.breakdown, c.area_code, c.period.type, c.period.label].join('|'), i]));
    let bounded = 0;
    cells.forEach((c, i) => {
      const months = sustainMonths.get(c.breakdown);
      if (c.measure !== 'outcomes_sustained' || c.period.type !== 'quarter' || months === undefined || (design.shown[i] as Shown).kind !== 'hidden') return;
      const q = parseQuarter(c.period.label) as FinancialQuarter;
      const lags = [...new Set([Math.floor(months / 3), Math.ceil(months / 3)])];
      const before = lags.map((k) => at.get(['outcomes_achieved', c.breakdown, c.area_code, 'quarter', quarterLabel(addQuarters(q, -k))].join('|')));
      if (before.some((b) => b === undefined || (design.shown[b] as Shown).kind !== 'exact')) return;
      const most = before.reduce<number>((sum, b) => sum + (cells[b as number]?.value ?? 0), 0);
      bounded++;
      expect(most - 1, `${describeCell(c)}: at most ${most} achieved before`).toBeGreaterThanOrEqual(THRESHOLD);
    });
    expect(bounded).toBeGreaterThan(0);
  });

  it('never hides a zero count, nor any council-wide count of 5 or more', () => {
    let authority = 0;
    const hidden: string[] = [];
    design.universe.cells.forEach((c, i) => {
      const s = design.shown[i] as Shown;
      if (c.value === 0 && c.measure !== 'claim_amount_gbp') expect(s.kind, `${c.measure} ${c.area_code} ${c.period.label}`).not.toBe('hidden');
      if (c.area_type === 'authority' && c.measure !== 'claim_amount_gbp' && c.value >= THRESHOLD) {
        authority++;
        // A withheld quarterly series is published by its longer periods instead: not hidden.
        if (s.kind === 'hidden') hidden.push(describeCell(c));
      }
    });
    expect(authority).toBeGreaterThan(1000);
    expect(hidden).toEqual([]);
  });

  it('is caught by the audit when one of its secondary suppressions is published exactly again', async () => {
    // Complements: hidden though not small, or rounded. Removing one at a time, some removal must fail.
    const large = (i: number) => (design.universe.cells[i]?.value ?? 0) >= THRESHOLD;
    const complements = [
      ...design.shown.flatMap((s, i) => (s.kind === 'hidden' && large(i) ? [i] : [])),
      ...design.shown.flatMap((s, i) => (s.kind === 'rounded' ? [i] : [])),
    ];
    expect(complements.length).toBeGreaterThan(0);
    let caught: number | null = null;
    for (const i of complements.slice(0, 40)) {
      const one = design.shown.map((s, j): Shown => (j === i ? { kind: 'exact' } : s));
      if ((await auditDesign(design.universe, one, THRESHOLD)).length > 0) {
        caught = i;
        break;
      }
    }
    expect(caught).not.toBeNull();
  }, 300_000);

  it('is caught by the audit when its protecting figures are published exactly again', async () => {
    // Every figure the design rounded or hid beyond the primary rule, shown exactly again.
    const bare = design.shown.map((s, i): Shown => {
      const v = design.universe.cells[i]?.value ?? 0;
      return s.kind === 'rounded' || (s.kind === 'hidden' && v >= THRESHOLD) ? { kind: 'exact' } : s;
    });
    expect(bare.filter((s, i) => s !== design.shown[i]).length).toBeGreaterThan(0);
    expect((await auditDesign(design.universe, bare, THRESHOLD)).length).toBeGreaterThan(0);
  }, 300_000);
});
