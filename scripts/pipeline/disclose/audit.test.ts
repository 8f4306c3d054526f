import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import highsLoader, { type ModelData } from 'highs';
import { describe, expect, it } from 'vitest';
import { enumerateIntervals } from './__checkers__/enumerate.ts';
import { AuditEffortError, auditRelease, solveBound, type AuditCell, type AuditRelation } from './audit.ts';

const exact = (value: number): AuditCell => ({ value, integer: true, view: { kind: 'exact' }, minWidth: 0 });
const hidden = (value: number, minWidth = 5, lower = 0): AuditCell => ({ value, integer: true, view: { kind: 'hidden', lower }, minWidth });
const sum = (name: string, parts: number[], total: number): AuditRelation => ({ name, sense: 'eq', cells: [...parts, total], coefs: [...parts.map(() => 1), -1] });

describe('auditRelease', () => {
  it('pins a cell that a total minus its published parts gives away', async () => {
    const cells = [hidden(2), exact(10), exact(12)];
    const result = await auditRelease(cells, [sum('area total', [0, 1], 2)]);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.interval).toEqual({ lower: 2, upper: 2 });
    expect(result.failures[0]?.pinnedBy).toEqual(['area total']);
    expect(result.failures[0]?.limiting).toEqual([1, 2]);
  });

  it('passes two hidden cells whose total leaves each at least the threshold of room', async () => {
    const cells = [hidden(2), hidden(9), exact(20), exact(31)];
    const result = await auditRelease(cells, [sum('total', [0, 1, 2], 3)]);
    expect(result.failures).toEqual([]);
    expect(result.intervals.get(0)).toEqual({ lower: 0, upper: 11 });
  });

  it('uses the rule a reader knows: a [c] that is at least 1 leaves 2 and 1 with no room', async () => {
    const cells = [hidden(2, 5, 1), hidden(1, 5, 1), exact(3)];
    const result = await auditRelease(cells, [sum('total', [0, 1], 2)]);
    expect(result.failures.map((f) => f.interval)).toEqual([
      { lower: 1, upper: 2 },
      { lower: 1, upper: 2 },
    ]);
  });

  it('sees a rounded figure as the range it allows', async () => {
    // 3 + x = total, total published rounded to 10 as 10 (5 to 14): x is 2 to 11.
    const cells = [exact(3), hidden(4), { value: 7, integer: true, view: { kind: 'range', lower: 5, upper: 14 }, minWidth: 0 } satisfies AuditCell];
    const result = await auditRelease(cells, [sum('total', [0, 1], 2)]);
    expect(result.intervals.get(1)).toEqual({ lower: 2, upper: 11 });
    expect(result.failures).toEqual([]);
  });

  it('uses whole numbers: a tariff pins counts the relaxation leaves open', async () => {
    // a + b = 3 claims; £800·a + £1,000·b = £2,600 (published), amounts hidden with their counts.
    // The relaxation allows a = 2, b = 1 only: any split of 3 at these tariffs is pinned.
    const cells = [hidden(2), hidden(1), exact(3), { value: 1600, integer: false, view: { kind: 'hidden', lower: 0 }, minWidth: 0 } satisfies AuditCell, { value: 1000, integer: false, view: { kind: 'hidden', lower: 0 }, minWidth: 0 } satisfies AuditCell, exact(2600)];
    const relations: AuditRelation[] = [
      sum('counts', [0, 1], 2),
      sum('amounts', [3, 4], 5),
      { name: 'tariff a', sense: 'eq', cells: [0, 3], coefs: [-800, 1] },
      { name: 'tariff b', sense: 'eq', cells: [1, 4], coefs: [-1000, 1] },
    ];
    const result = await auditRelease(cells, relations);
    expect(result.intervals.get(0)).toEqual({ lower: 2, upper: 2 });
  });

  it('respects an upper bound from an overlapping breakdown', async () => {
    // A criterion count can be no more than the families attached (6, hidden only through its own total).
    const cells = [hidden(3), exact(6)];
    const result = await auditRelease(cells, [{ name: 'criterion ≤ attached', sense: 'le', cells: [0, 1], coefs: [1, -1] }]);
    expect(result.intervals.get(0)).toEqual({ lower: 0, upper: 6 });
  });

  it('agrees with brute force on random small tables with totals, running totals and bounds', async () => {
    // A 2×3 table of counts (rows: areas; columns: quarters) with row, column and running totals,
    // some published, some hidden, some rounded; the audit's intervals must equal enumeration's.
    // At most four cells are not published exactly, so enumeration stays small.
    const table = fc.record({
      values: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 6, maxLength: 6 }),
      open: fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }),
      round: fc.array(fc.boolean(), { minLength: 13, maxLength: 13 }),
    });
    await fc.assert(
      fc.asyncProperty(table, async ({ values, open, round }) => {
        const hide = Array.from({ length: 13 }, (_, i) => open.includes(i) && !(i >= 6 && round[i]));
        const v = values;
        const rowTotals = [v[0]! + v[1]! + v[2]!, v[3]! + v[4]! + v[5]!];
        const colTotals = [v[0]! + v[3]!, v[1]! + v[4]!, v[2]! + v[5]!];
        const running = [colTotals[0]!, colTotals[0]! + colTotals[1]!];
        const all = [...v, ...rowTotals, ...colTotals, ...running];
        const cells: AuditCell[] = all.map((x, i) => {
          if (i < 6 && hide[i]) return hidden(x, 1);
          if (i >= 6 && hide[i]) return hidden(x, 0);
          if (i >= 6 && round[i] && open.includes(i)) return { value: x, integer: true, view: { kind: 'range', lower: Math.max(0, Math.ceil(Math.floor(x / 5 + 0.5) * 5 - 2.5)), upper: Math.floor(x / 5 + 0.5) * 5 + 2 }, minWidth: 0 };
          return exact(x);
        });
        const relations: AuditRelation[] = [
          sum('row 1', [0, 1, 2], 6),
          sum('row 2', [3, 4, 5], 7),
          sum('col 1', [0, 3], 8),
          sum('col 2', [1, 4], 9),
          sum('col 3', [2, 5], 10),
          sum('running 1', [8], 11),
          { name: 'running 2', sense: 'eq', cells: [11, 9, 12], coefs: [1, 1, -1] },
        ];
        const result = await auditRelease(cells, relations);
        const truth = enumerateIntervals(cells, relations, 40).intervals;
        for (const [cell, interval] of result.intervals) {
          const expected = truth.get(cell);
          // A pass may stop at the first point wide enough; a failure is the exact interval.
          const failed = result.failures.some((f) => f.cell === cell);
          if (failed) expect(interval).toEqual(expected);
          else expect(expected!.upper - expected!.lower).toBeGreaterThanOrEqual(1);
        }
        for (const [cell, iv] of truth) {
          if ((cells[cell] as AuditCell).minWidth > iv.upper - iv.lower) expect(result.failures.map((f) => f.cell)).toContain(cell);
        }
      }),
      { numRuns: 60, seed: 20261130 },
    );
  });
});

describe('auditRelease with a search effort', () => {
  // A chain of 400 hidden figures, each pair adding up to 10, the last two held by half-figures:
  // the first lies between 1 and 9, which only an integer programme over the whole chain shows.
  const chain = 400;
  const cells: AuditCell[] = Array.from({ length: chain }, (_, i) => hidden(5, i === 0 ? 5 : 0));
  const relations: AuditRelation[] = [
    ...Array.from({ length: chain - 1 }, (_, i): AuditRelation => ({ name: `pair ${i}`, sense: 'eq', cells: [i, i + 1], coefs: [1, 1], constant: -10 })),
    { name: 'at most 9.5 (even)', sense: 'le', cells: [chain - 2], coefs: [2], constant: -19 },
    { name: 'at most 9.5 (odd)', sense: 'le', cells: [chain - 1], coefs: [2], constant: -19 },
  ];

  it('settles the figure by an integer programme over the whole component when no effort is set', async () => {
    const result = await auditRelease(cells, relations);
    expect(result.failures).toEqual([]);
    expect(result.intervals.get(0)).toEqual({ lower: 1, upper: 9 });
  });

  it('stops with AuditEffortError once its integer programmes over large components have run out', async () => {
    // A new relation list: verdicts are kept per list, and the test above settled this one.
    await expect(auditRelease(cells, [...relations], { effort: { used: 3, limit: 3 } })).rejects.toThrow(AuditEffortError);
  });
});

describe('solveBound', () => {
  it('does not believe presolve when it calls a model infeasible: the true figures are always a point of it', async () => {
    const f = JSON.parse(readFileSync(new URL('./__fixtures__/presolve-infeasible.json', import.meta.url), 'utf8')) as {
      numCols: number; numRows: number; colLower: number[]; colUpper: (number | null)[]; rowLower: (number | null)[]; rowUpper: number[];
      starts: number[]; indices: number[]; values: number[]; x: number[];
    };
    const data: ModelData = {
      numCols: f.numCols,
      numRows: f.numRows,
      colCost: new Float64Array(f.numCols),
      colLower: f.colLower,
      colUpper: f.colUpper.map((v) => v ?? Infinity),
      rowLower: f.rowLower.map((v) => v ?? -Infinity),
      rowUpper: f.rowUpper,
      matrix: { format: 'csr', numRows: f.numRows, numCols: f.numCols, starts: f.starts, indices: f.indices, values: f.values },
    };
    const highs = await highsLoader();
    const model = highs.createModel(data);
    try {
      // With presolve, as a neighbourhood's model is solved, HiGHS says "infeasible".
      model.options.set({ output_flag: false });
      model.changeColCost(0, 1);
      model.run();
      expect(model.getModelStatus()).toBe(highs.constants.modelStatus.infeasible);
      model.changeColCost(0, 0);
      const integer = f.x.map(() => false);
      const lower = solveBound(highs, model, data, integer, 0, -1);
      const upper = solveBound(highs, model, data, integer, 0, 1);
      expect(lower.value).toBeLessThanOrEqual(f.x[0] as number);
      expect(upper.value).toBeGreaterThanOrEqual(f.x[0] as number);
    } finally {
      model.dispose();
    }
  });
});
