/**
 * The cohort table's disclosure control on random small councils, attacked by a reader it did
 * not write: the quarterly release's reader (__checkers__/reader.ts) plus the cohort relations
 * built here from the rows' own labels (localities and cohort years add up, bins add up to the
 * claimed, the funnel nests, a cohort's families attached and identified are its financial year's), solved as an
 * integer programme for every hidden count from scratch (__checkers__/integer-bounds.ts).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_LAG_BINS } from '../../../src/lib/cohort/claim-lag.ts';
import { GSS, type CohortRow } from '../../../src/lib/outputs/tables.ts';
import { addQuarters, quarterEnd } from '../../../src/lib/period/quarter.ts';
import { loadReference } from '../../../src/lib/reference/load.ts';
import type { DisclosurePolicy } from '../../../src/lib/reference/schema.ts';
import { integerBounds } from './__checkers__/integer-bounds.ts';
import { readerRelations, readerView } from './__checkers__/reader.ts';
import { AUTHORITY, council, FIRST, tablesOf, type Council } from './__checkers__/random-council.ts';
import type { AuditCell, AuditRelation } from './audit.ts';
import { CohortDisclosureError, cohortRelations, crossRelations, designCohortRelease, withheldCohort } from './cohort.ts';
import { buildUniverse } from './release-cells.ts';
import { designRelease, type Shown } from './release.ts';

const THRESHOLD = 5;
const STAGES = ['families_identified', 'families_attached', 'families_achieved', 'families_sustained', 'families_claimed'];

interface Funnel {
  /** Per locality and cohort year: extra identified, then the share kept at each later stage. */
  readonly extra: number[][];
  readonly keep: number[][][];
  readonly due: number[][];
  readonly bins: number[][];
}

const funnel = (localities: number): fc.Arbitrary<Funnel> => {
  const perArea = <T>(v: fc.Arbitrary<T>, n: number) => fc.array(fc.array(v, { minLength: n, maxLength: n }), { minLength: localities, maxLength: localities });
  const share = fc.integer({ min: 0, max: 100 }).map((n) => n / 100);
  return fc.record({
    extra: perArea(fc.integer({ min: 0, max: 3 }), 2),
    keep: fc.array(perArea(share, 2), { minLength: 3, maxLength: 3 }),
    due: perArea(share, 2),
    bins: perArea(fc.integer({ min: 0, max: CLAIM_LAG_BINS.length - 1 }), 40),
  });
};

/** Cohort rows consistent with the council: a cohort's families attached are its year's. */
function cohortOf(c: Council, f: Funnel): CohortRow[] {
  const tables = tablesOf(c);
  const years = ['2024-25', '2025-26'];
  const areas = Array.from({ length: c.localities }, (_, a) => `E0500090${a}`);
  const rows: CohortRow[] = [];
  const values = new Map<string, number>();
  const set = (year: string, area: string, measure: string, breakdown: string, v: number) => {
    for (const y of [year, 'all']) {
      for (const a of [area, AUTHORITY]) {
        const k = [y, a, measure, breakdown].join('|');
        values.set(k, (values.get(k) ?? 0) + v);
      }
    }
  };
  areas.forEach((area, a) => {
    years.forEach((year, y) => {
      const attached = tables.programme.filter((r) => r.measure === 'families_attached' && r.area_code === area && r.quarter.startsWith(year)).reduce((s, r) => s + (r.value ?? 0), 0);
      const stage = [attached + (f.extra[a]?.[y] ?? 0), attached];
      for (let k = 0; k < 3; k++) stage.push(Math.floor((stage.at(-1) as number) * (f.keep[k]?.[a]?.[y] ?? 0)));
      STAGES.forEach((m, k) => set(year, area, m, 'all', stage[k] as number));
      set(year, area, 'families_due_next_quarter', 'all', Math.floor(((stage[2] as number) - (stage[3] as number)) * (f.due[a]?.[y] ?? 0)));
    });
    const claimed = values.get(['all', area, 'families_claimed', 'all'].join('|')) ?? 0;
    CLAIM_LAG_BINS.forEach((b) => {
      const n = (f.bins[a] ?? []).slice(0, claimed).filter((i) => i === CLAIM_LAG_BINS.indexOf(b)).length;
      for (const ar of [area, AUTHORITY]) {
        const k = ['all', ar, 'families_claimed', b.code].join('|');
        values.set(k, (values.get(k) ?? 0) + n);
      }
    });
  });
  for (const [k, value] of values) {
    const [cohort_year, area_code, measure, breakdown] = k.split('|') as [string, string, string, string];
    rows.push({ cohort_year, area_code, area_type: area_code === AUTHORITY ? 'authority' : 'locality', measure, breakdown, value, flag: null });
  }
  return rows;
}

/** The reader's cohort relations, from the labels alone. */
function readerCohortRelations(rows: readonly CohortRow[], offset: number, programme: ReadonlyArray<{ index: number; measure: string; area: string; quarter: string; value: number; end: string }>): AuditRelation[] {
  const out: AuditRelation[] = [];
  const at = new Map(rows.map((r, i) => [[r.cohort_year, r.area_code, r.measure, r.breakdown].join('|'), offset + i]));
  const get = (y: string, a: string, m: string, b = 'all') => at.get([y, a, m, b].join('|'));
  const valueOf = (i: number) => (i >= offset ? (rows[i - offset]?.value as number) : (programme.find((p) => p.index === i)?.value as number));
  const sum = (name: string, parts: Array<number | undefined>, total: number | undefined) => {
    if (total === undefined || parts.some((p) => p === undefined)) return;
    // Between tables, a reader can use only what is true of the data (the councils here vary).
    if ((parts as number[]).reduce((s, p) => s + valueOf(p), 0) !== valueOf(total)) return;
    out.push({ name, sense: 'eq', cells: [...(parts as number[]), total], coefs: [...parts.map(() => 1), -1] });
  };
  const areas = [...new Set(rows.filter((r) => r.area_type === 'locality').map((r) => r.area_code))];
  const years = [...new Set(rows.map((r) => r.cohort_year))].filter((y) => y !== 'all');
  for (const r of rows) {
    if (r.area_type === 'authority') sum('areas', areas.map((a) => get(r.cohort_year, a, r.measure, r.breakdown)), get(r.cohort_year, r.area_code, r.measure, r.breakdown));
    if (r.cohort_year === 'all' && r.breakdown === 'all') sum('years', years.map((y) => get(y, r.area_code, r.measure)), get('all', r.area_code, r.measure));
    if (r.cohort_year === 'all' && r.measure === 'families_claimed' && r.breakdown === 'all') sum('bins', CLAIM_LAG_BINS.map((b) => get('all', r.area_code, r.measure, b.code)), get('all', r.area_code, r.measure));
    if (r.breakdown !== 'all' || r.measure !== 'families_identified') continue;
    for (let k = 1; k < STAGES.length; k++) {
      const inner = get(r.cohort_year, r.area_code, STAGES[k] as string);
      const outer = get(r.cohort_year, r.area_code, STAGES[k - 1] as string);
      if (inner !== undefined && outer !== undefined) out.push({ name: 'nests', sense: 'le', cells: [inner, outer], coefs: [1, -1] });
    }
    const [due, sus, ach] = [get(r.cohort_year, r.area_code, 'families_due_next_quarter'), get(r.cohort_year, r.area_code, 'families_sustained'), get(r.cohort_year, r.area_code, 'families_achieved')];
    if (due !== undefined && sus !== undefined && ach !== undefined) out.push({ name: 'due', sense: 'le', cells: [due, sus, ach], coefs: [1, 1, -1] });
    const quarters = (measure: string, year: string | null) => programme.filter((p) => p.measure === measure && p.area === r.area_code && (year === null || p.quarter.startsWith(year))).map((p) => p.index);
    if (r.cohort_year === 'all') {
      sum('identified to date', quarters('families_identified', null), get('all', r.area_code, 'families_identified'));
    } else {
      sum('cohort attached', quarters('families_attached', r.cohort_year), get(r.cohort_year, r.area_code, 'families_attached'));
      sum('cohort identified', quarters('families_identified', r.cohort_year), get(r.cohort_year, r.area_code, 'families_identified'));
    }
  }
  return out;
}

const withFunnel = council.filter((c) => c.quarters >= 4).chain((c) => fc.record({ c: fc.constant(c), f: funnel(c.localities) }));

async function quarterlyRelease(c: Council, f: Funnel): Promise<{ design: Awaited<ReturnType<typeof designRelease>>; rows: CohortRow[] }> {
  const design = await designRelease(tablesOf(c), policy, THRESHOLD, FIRST, addQuarters(FIRST, c.quarters - 1));
  return { design, rows: cohortOf(c, f) };
}

/**
 * What the reader sees of a cohort figure, written here from the symbols' meaning (a [c] is at
 * least 1: zeros are never hidden); `known` is a least value they hold from elsewhere, or null.
 */
function readerCell(value: number, s: Shown | undefined, known: number | null): AuditCell {
  if (!s || s.kind === 'exact') return { value, integer: true, view: { kind: 'exact' }, minWidth: 0 };
  if (s.kind === 'rounded') {
    const p = Math.floor(value / s.base + 0.5) * s.base;
    return { value, integer: true, view: { kind: 'range', lower: Math.max(known ?? 0, Math.ceil(p - s.base / 2)), upper: Math.ceil(p + s.base / 2) - 1 }, minWidth: 0 };
  }
  return { value, integer: true, view: { kind: 'hidden', lower: Math.max(known ?? 1, 1) }, minWidth: value > 0 && value < THRESHOLD ? THRESHOLD : 0 };
}

/** An earlier cohort table as the reader holds it: its rows (true values), what it showed of each, and its last quarter's end. */
interface HeldCohort {
  readonly rows: readonly CohortRow[];
  readonly shown: ReadonlyMap<number, Shown>;
  readonly asAt: string;
}

/**
 * The reader's integer programme over both tables narrows no hidden count below the threshold;
 * with an earlier cohort table, over that table too (its own relations, to the quarters up to its
 * last, and each stage no more then than now).
 */
async function expectNotNarrowed(design: Awaited<ReturnType<typeof designRelease>>, shown: readonly Shown[], rows: readonly CohortRow[], own: readonly AuditCell[], held?: HeldCohort): Promise<void> {
  const { cells } = design.universe;
  const all = [...readerView(cells, shown, THRESHOLD), ...own];
  const programme = cells.flatMap((cell, index) => (cell.table === 'programme' && cell.period.type === 'quarter' ? [{ index, measure: cell.measure, area: cell.area_code, quarter: cell.period.label, value: cell.value, end: cell.period.end }] : []));
  const relations = [...readerRelations(cells), ...readerCohortRelations(rows, cells.length, programme)];
  if (held) {
    // Only small counts are secrets: a complement narrowed gives nothing away.
    all.forEach((cell, i) => {
      if (cell.value >= THRESHOLD) all[i] = { ...cell, minWidth: 0 };
    });
    const base = all.length;
    // Its own small counts were its release's to protect: here they only inform the reader.
    all.push(...held.rows.map((r, i) => ({ ...readerCell(r.value as number, held.shown.get(i), null), minWidth: 0 })));
    relations.push(...readerCohortRelations(held.rows, base, programme.filter((p) => p.end <= held.asAt)));
    const now = new Map(rows.map((r, i) => [[r.cohort_year, r.area_code, r.measure, r.breakdown].join('|'), cells.length + i]));
    held.rows.forEach((r, i) => {
      const today = r.measure === 'families_due_next_quarter' ? undefined : now.get([r.cohort_year, r.area_code, r.measure, r.breakdown].join('|'));
      if (today !== undefined) relations.push({ name: 'no fewer now', sense: 'le', cells: [base + i, today], coefs: [1, -1] });
    });
  }
  const proved = await integerBounds(all, relations);
  for (const [i, interval] of proved) {
    const label = i >= cells.length ? JSON.stringify(rows[i - cells.length]) : `${cells[i]?.table} ${cells[i]?.measure} ${cells[i]?.area_code} ${cells[i]?.period.label}`;
    expect(interval.upper - interval.lower, `${label} narrowed to ${interval.lower}–${interval.upper}`).toBeGreaterThanOrEqual((all[i] as AuditCell).minWidth);
  }
}

let policy: DisclosurePolicy;
beforeAll(async () => {
  policy = (await loadReference('data/reference')).disclosure;
});

describe('designCohortRelease', () => {
  it('declares only relations that hold, nesting and cohort totals among them', () => {
    const c: Council = { localities: 2, quarters: 4, identified: [[1, 2, 3, 4], [4, 3, 2, 1]], attached: [[1, 1, 1, 1], [2, 2, 2, 2]], closing: [[0, 0, 0, 0], [0, 0, 0, 0]], criteria: [], outcomes: [], claims: [] };
    const rows = cohortOf({ ...c, criteria: [c.closing, c.closing], outcomes: [c.closing, c.closing], claims: [c.closing, c.closing] }, { extra: [[1, 1], [0, 2]], keep: [[[1, 0.5], [0.5, 1]], [[1, 1], [1, 1]], [[0.5, 0.5], [1, 1]]], due: [[0, 0], [0, 0]], bins: [Array(40).fill(3), Array(40).fill(5)] });
    const relations = cohortRelations(rows);
    for (const r of relations) {
      const total = r.cells.reduce((s, i, k) => s + (rows[i]?.value ?? 0) * (r.coefs[k] as number), 0);
      if (r.sense === 'eq') expect(total, r.name).toBe(0);
      else expect(total, r.name).toBeLessThanOrEqual(0);
    }
    const names = relations.map((r) => r.name.split(':')[0]);
    for (const kind of ['localities add up to the authority', 'cohort years add up to all cohorts', 'time-to-claim bins add up to the families claimed', 'the funnel nests', 'due next quarter + sustained ≤ achieved']) expect(names).toContain(kind);
  });

  it("ties a cohort year's families identified, as its attached, to that financial year's quarters where the data hold it", () => {
    const steady = [[1, 1, 1, 1], [2, 2, 2, 2]];
    const none = [[0, 0, 0, 0], [0, 0, 0, 0]];
    const c: Council = { localities: 2, quarters: 4, identified: steady, attached: steady, closing: none, criteria: [none, none], outcomes: [none, none], claims: [none, none] };
    const universe = buildUniverse(tablesOf(c), policy, FIRST, addQuarters(FIRST, 3));
    const rows = cohortOf(c, { extra: [[0, 0], [0, 0]], keep: [[[1, 1], [1, 1]], [[1, 1], [1, 1]], [[1, 1], [1, 1]]], due: [[0, 0], [0, 0]], bins: [Array(40).fill(0), Array(40).fill(0)] });
    const names = crossRelations(rows, universe.cells.length, universe).map((r) => r.name.split(':')[0]);
    expect(names).toContain('a cohort is the families identified in its year');
    expect(names).toContain('a cohort is the families attached in its year');
  });

  it('makes cohort tables that a fresh integer programme cannot narrow, with the quarterly release beside them', async () => {
    const seen = { hidden: 0, rounded: 0 };
    await fc.assert(
      fc.asyncProperty(withFunnel, async ({ c, f }) => {
        const { design, rows } = await quarterlyRelease(c, f);
        const cohort = await designCohortRelease(rows, design.universe, design.shown, policy, THRESHOLD);
        const own = rows.map((r, i) => {
          const s = cohort.cohortShown.get(i);
          if (s?.kind === 'rounded') seen.rounded++;
          if (s?.kind === 'hidden') seen.hidden++;
          return readerCell(r.value as number, s, null);
        });
        await expectNotNarrowed(design, cohort.shown, rows, own);
        // Published rows carry their symbol; a zero is never hidden.
        cohort.rows.forEach((r, i) => {
          if (r.flag === GSS.c) expect(r.value).toBeNull();
          if (rows[i]?.value === 0) expect(r.flag).not.toBe(GSS.c);
        });
      }),
      { numRuns: 4, seed: 20261201 },
    );
    expect(seen.hidden).toBeGreaterThan(10);
  }, 300_000);

  it('protects its hidden counts from a reader who holds an earlier cohort table, and shows again what that table showed', async () => {
    const seen = { pinned: 0, bounded: 0, passed: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(withFunnel, async ({ c, f }) => {
        const { design, rows } = await quarterlyRelease(c, f);
        const alone = await designCohortRelease(rows, design.universe, design.shown, policy, THRESHOLD);
        // An earlier table as a release a quarter before might have been: what this design shows
        // exactly, shown; what it rounds or hides to protect another, shown exactly one lower (the
        // stage has grown since), so the reader holds a lower bound on it; small counts [c].
        const earlier = rows.map((r, i) => {
          const value = r.value as number;
          const s = alone.cohortShown.get(i);
          if (!s || s.kind === 'exact') return { ...r };
          if (value > THRESHOLD && r.measure !== 'families_due_next_quarter') return { ...r, value: value - 1, flag: null };
          return { ...r, value: null, flag: value > 0 && value < THRESHOLD ? GSS.c : GSS.x };
        });
        let cohort;
        try {
          cohort = await designCohortRelease(rows, design.universe, design.shown, policy, THRESHOLD, undefined, [], [{ rows: earlier }]);
        } catch (error) {
          // Refusing to publish is safe; what is published must be protected.
          if (!(error instanceof CohortDisclosureError)) throw error;
          seen.refused++;
          return;
        }
        seen.passed++;
        const own = rows.map((r, i): AuditCell => {
          const value = r.value as number;
          const before = earlier[i]!;
          const s = cohort.cohortShown.get(i);
          if (before.value === value && before.flag === null) {
            if (value > 0) seen.pinned++;
            expect(s?.kind ?? 'exact', `${JSON.stringify(r)} was shown exactly before`).toBe('exact');
            return readerCell(value, undefined, null);
          }
          // The reader's own inference: a stage count is never smaller than it was.
          if (before.value !== null) seen.bounded++;
          return readerCell(value, s, before.value !== null && before.value <= value ? before.value : null);
        });
        await expectNotNarrowed(design, cohort.shown, rows, own);
      }),
      { numRuns: 4, seed: 20261202 },
    );
    expect(seen.passed).toBeGreaterThan(0);
    expect(seen.pinned).toBeGreaterThan(0);
    expect(seen.bounded).toBeGreaterThan(0);
  }, 300_000);

  it("protects its hidden counts from a reader who holds last quarter's cohort table and knows a stage only grows", async () => {
    let held = 0;
    await fc.assert(
      fc.asyncProperty(withFunnel, async ({ c, f }) => {
        const { design, rows } = await quarterlyRelease(c, f);
        // Last quarter's cohort table: the same council a quarter sooner, designed as it was then.
        const sooner = { ...c, quarters: c.quarters - 1 };
        const before = await quarterlyRelease(sooner, f);
        const then = await designCohortRelease(before.rows, before.design.universe, before.design.shown, policy, THRESHOLD);
        const asAt = quarterEnd(addQuarters(FIRST, c.quarters - 2));
        const cohort = await designCohortRelease(rows, design.universe, design.shown, policy, THRESHOLD, undefined, [], [{ rows: then.rows, truth: { rows: before.rows, asAt } }]);
        held += [...then.cohortShown.values()].filter((s) => s.kind === 'hidden').length;
        const own = rows.map((r, i) => readerCell(r.value as number, cohort.cohortShown.get(i), null));
        await expectNotNarrowed(design, cohort.shown, rows, own, { rows: before.rows, shown: then.cohortShown, asAt });
      }),
      { numRuns: 2, seed: 20261203 },
    );
    expect(held).toBeGreaterThan(0);
  }, 600_000);
});

describe('withheldCohort', () => {
  const row = (area_type: CohortRow['area_type'], value: number | null, flag: CohortRow['flag'] = null): CohortRow => ({ cohort_year: '2025-26', area_code: 'E06000099', area_type, measure: 'families_attached', breakdown: 'all', value, flag });
  const rows = [row('authority', 12), row('locality', 3), row('locality', 0), row('comparator', 40), row('authority', null, GSS.z)];
  const shown: Shown[] = [{ kind: 'exact' }, { kind: 'hidden' }];

  it('publishes every cohort figure as [x], leaving comparators, empty rows and the quarterly release as they were', () => {
    const out = withheldCohort(rows, shown, [], 2, 'too hard');
    expect(out.rows.map((r) => [r.value, r.flag])).toEqual([[null, GSS.x], [null, GSS.x], [null, GSS.x], [40, null], [null, GSS.z]]);
    expect(out.shown).toEqual(shown);
    expect([...out.cohortShown.keys()]).toEqual([0, 1, 2]);
    expect(out.audit).toMatchObject({ hidden_counts_audited: 0, narrowest_interval: null, rounds: 2 });
    expect(out.audit.withheld).toContain('too hard');
  });

  it('refuses when an earlier release published cohort figures: withholding them now takes nothing back', () => {
    expect(() => withheldCohort(rows, shown, [{ rows: [row('locality', 3)] }], 2, 'too hard')).toThrow(CohortDisclosureError);
    expect(withheldCohort(rows, shown, [{ rows: [row('locality', null, GSS.x)] }], 2, 'too hard').audit.withheld).toBeDefined();
  });
});

