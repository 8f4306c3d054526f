/**
 * The cohort funnel on the sample extracts, checked against a count made here in plain
 * TypeScript over the CSV files (not the pipeline's SQL): every stage, cohort year and locality,
 * the time-to-claim bins and the families due next quarter.
 */
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../generate/csv.ts';
import { CLAIM_LAG_BINS } from '../../../src/lib/cohort/claim-lag.ts';
import type { CohortRow } from '../../../src/lib/outputs/tables.ts';
import { loadReference, type Reference } from '../../../src/lib/reference/load.ts';
import { aggregateCohort, resultsClaimTypes } from './aggregate-cohort.ts';

const LAST_QUARTER = '2026-27 Q2';
const PERIOD_END = '2026-09-30';
const NEXT_END = '2026-12-31';

const read = (name: string) => parseCsvRecords(readFileSync(`data/sample/${name}.csv`, 'utf8'));

/** ISO date plus whole months, clamped to the month's last day (as DuckDB adds months). */
function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function wholeMonths(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** "2013-14 Q3" → its first day, to compare claim windows with the last quarter. */
function windowStart(label: string): string {
  const y = Number(label.slice(0, 4));
  const q = Number(label.slice(-1));
  return q === 4 ? `${y + 1}-01-01` : `${y}-${String(1 + 3 * q).padStart(2, '0')}-01`;
}

function independentCount(ref: Reference): Map<string, number> {
  const sustainOf = new Map(ref.programme.phases.map((p) => [p.code, p.sustain_months ?? 6]));
  const results = new Set(resultsClaimTypes(ref));
  const families = read('families').filter((f) => (f.date_identified ?? '') <= PERIOD_END);
  const byRef = new Map(families.map((f) => [f.family_ref as string, f]));
  const attached = (f: Record<string, string>) => f.date_attached !== '' && (f.date_attached as string) <= PERIOD_END;
  const achieved = new Set<string>();
  const sustained = new Set<string>();
  const dueNext = new Set<string>();
  for (const o of read('outcomes')) {
    const f = byRef.get(o.family_ref as string);
    if (!f || !attached(f) || !o.date_achieved || o.date_achieved > PERIOD_END) continue;
    achieved.add(f.family_ref as string);
    const on = addMonths(o.date_achieved, sustainOf.get(f.programme_phase as string) as number);
    const heldTo = o.date_sustained_to || o.date_achieved;
    if (heldTo >= on && on <= PERIOD_END) sustained.add(f.family_ref as string);
    if (on > PERIOD_END && on <= NEXT_END) dueNext.add(f.family_ref as string);
  }
  const windows = new Map<string, { family: string; date: string }>();
  for (const c of read('claims')) {
    const f = byRef.get(c.family_ref as string);
    if (!f || !attached(f) || !results.has(c.claim_type as string) || windowStart(c.claim_window as string) > '2026-07-01') continue;
    const k = `${c.family_ref}|${c.claim_window}`;
    const seen = windows.get(k);
    if (!seen || (c.claim_date as string) < seen.date) windows.set(k, { family: c.family_ref as string, date: c.claim_date as string });
  }
  const counts = new Map<string, number>();
  const add = (year: string, area: string, measure: string, breakdown = 'all') => {
    for (const y of [year, 'all']) for (const a of [area, ref.programme.authority.code]) {
      const k = [y, a, measure, breakdown].join('|');
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  };
  const claimedFamilies = new Set([...windows.values()].map((w) => w.family));
  for (const f of families) {
    const [year, area, id] = [f.cohort_year as string, f.locality_code as string, f.family_ref as string];
    add(year, area, 'families_identified');
    if (!attached(f)) continue;
    add(year, area, 'families_attached');
    if (achieved.has(id)) add(year, area, 'families_achieved');
    if (sustained.has(id)) add(year, area, 'families_sustained');
    if (achieved.has(id) && !sustained.has(id) && dueNext.has(id) && !claimedFamilies.has(id)) add(year, area, 'families_due_next_quarter');
  }
  for (const w of windows.values()) {
    const f = byRef.get(w.family) as Record<string, string>;
    add(f.cohort_year as string, f.locality_code as string, 'families_claimed');
    const months = Math.max(0, wholeMonths(f.date_attached as string, w.date));
    const bin = CLAIM_LAG_BINS.find((b) => months >= b.fromMonths && (b.toMonths === null || months < b.toMonths));
    // Bins are published for every cohort together only.
    for (const a of [f.locality_code as string, ref.programme.authority.code]) {
      const k = ['all', a, 'families_claimed', bin?.code].join('|');
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return counts;
}

describe('aggregateCohort on the sample extracts', () => {
  let rows: CohortRow[];
  let ref: Reference;
  beforeAll(async () => {
    ref = await loadReference('data/reference');
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    for (const t of ['families', 'outcomes', 'claims']) await conn.run(`CREATE TABLE ${t} AS SELECT * FROM read_csv('data/sample/${t}.csv', all_varchar = false)`);
    rows = await aggregateCohort(conn, ref, { firstQuarter: '2012-13 Q1', lastQuarter: LAST_QUARTER });
    conn.closeSync();
  });

  it('agrees with an independent count, cell by cell', () => {
    const expected = independentCount(ref);
    const got = new Map(rows.map((r) => [[r.cohort_year, r.area_code, r.measure, r.breakdown].join('|'), r.value]));
    for (const [k, v] of expected) expect([k, got.get(k)]).toEqual([k, v]);
    // Every other cell is a true zero.
    for (const [k, v] of got) if (!expected.has(k)) expect([k, v]).toEqual([k, 0]);
    expect(expected.get(`all|${ref.programme.authority.code}|families_identified|all`)).toBe(2000);
  });

  it('has a row for every locality and cohort year with a target, and nests', () => {
    const years = new Set(rows.map((r) => r.cohort_year));
    for (const y of Object.keys(ref.programme.cohort_targets)) expect(years).toContain(y);
    const value = (y: string, a: string, m: string) => rows.find((r) => r.cohort_year === y && r.area_code === a && r.measure === m && r.breakdown === 'all')?.value ?? Number.NaN;
    for (const y of years) {
      for (const a of [...ref.localities.map((l) => l.locality_code), ref.programme.authority.code]) {
        const stages = ['families_identified', 'families_attached', 'families_achieved', 'families_sustained'].map((m) => value(y, a, m));
        for (let i = 1; i < stages.length; i++) expect(stages[i]).toBeLessThanOrEqual(stages[i - 1] as number);
      }
    }
  });
});
