import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { determinedColumns, determinedColumnsBigInt, exactRank, type SparseRow } from './rank.ts';

function dense(rows: number[][]): SparseRow[] {
  return rows.map((r) => {
    const cols: number[] = [];
    const coefs: number[] = [];
    r.forEach((v, c) => {
      if (v !== 0) {
        cols.push(c);
        coefs.push(v);
      }
    });
    return { cols, coefs };
  });
}

/** Rank by floating-point elimination with partial pivoting; fine for small integer matrices. */
function floatRank(rows: number[][], width: number): number {
  const m = rows.map((r) => [...r]);
  let rank = 0;
  for (let c = 0; c < width && rank < m.length; c++) {
    let best = rank;
    for (let i = rank; i < m.length; i++) if (Math.abs(m[i]![c]!) > Math.abs(m[best]![c]!)) best = i;
    if (Math.abs(m[best]![c]!) < 1e-9) continue;
    [m[rank], m[best]] = [m[best]!, m[rank]!];
    for (let i = 0; i < m.length; i++) {
      if (i === rank) continue;
      const f = m[i]![c]! / m[rank]![c]!;
      for (let j = c; j < width; j++) m[i]![j]! -= f * m[rank]![j]!;
    }
    rank++;
  }
  return rank;
}

/** Brute force of the definition: rank(A) − rank(A without column c) = 1. */
function determinedByDefinition(rows: number[][], width: number): number[] {
  const full = floatRank(rows, width);
  const out: number[] = [];
  for (let c = 0; c < width; c++) {
    const without = rows.map((r) => r.map((v, j) => (j === c ? 0 : v)));
    if (full - floatRank(without, width) === 1) out.push(c);
  }
  return out;
}

describe('determinedColumns', () => {
  it('returns nothing for no rows', () => {
    expect(determinedColumns([])).toEqual([]);
    expect(exactRank([])).toBe(0);
  });

  it('pins down a lone unknown', () => {
    expect(determinedColumns(dense([[0, 1, 0]]))).toEqual([1]);
  });

  it('cannot separate two unknowns in one relation', () => {
    expect(determinedColumns(dense([[1, 1]]))).toEqual([]);
  });

  it('solves a 2×2 table whose row and column totals are all published', () => {
    // cells a b / c d; rows a+b, c+d and column a+c published: three equations, four unknowns,
    // yet d is free and nothing is fixed ... until the other column total a fixes everything.
    const threeTotals = dense([
      [1, 1, 0, 0],
      [0, 0, 1, 1],
      [1, 0, 1, 0],
    ]);
    expect(determinedColumns(threeTotals)).toEqual([]);
    expect(determinedColumns([...threeTotals, ...dense([[1, 0, 0, 0]])])).toEqual([0, 1, 2, 3]);
  });

  it('finds a cell fixed only by combining relations', () => {
    // x + y, y + z and x + z published: 2x = (x+y) + (x+z) − (y+z). The determinant is 2, so
    // modulo 2 the rank drops to 2 and this leak would be missed: the arithmetic must be exact.
    const triangle = dense([[1, 1, 0], [0, 1, 1], [1, 0, 1]]);
    expect(determinedColumns(triangle)).toEqual([0, 1, 2]);
    expect(exactRank(triangle)).toBe(3);
    // With y − z instead of y + z the three relations are dependent and nothing is fixed.
    expect(determinedColumns(dense([[1, 1, 0], [0, 1, -1], [1, 0, 1]]))).toEqual([]);
  });

  it('agrees with the definition on random small matrices', () => {
    const matrix = fc
      .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 8 }))
      .chain(([w, h]) =>
        fc.array(fc.array(fc.constantFrom(-1, 0, 0, 0, 1, 2), { minLength: w, maxLength: w }), { minLength: h, maxLength: h }).map((rows) => ({ w, rows })),
      );
    fc.assert(
      fc.property(matrix, ({ w, rows }) => {
        const sparse = dense(rows);
        expect(determinedColumns(sparse)).toEqual(determinedByDefinition(rows, w));
        expect(exactRank(sparse)).toBe(floatRank(rows, w));
      }),
      { numRuns: 400, seed: 42 },
    );
  });

  it('gives the same answer in BigInt as in doubles', () => {
    const rows = fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(rows, (r) => {
        expect(determinedColumns(dense(r))).toEqual(determinedColumnsBigInt(dense(r)));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('stays exact when coefficients outgrow doubles', () => {
    // Tariff-like coefficients: the products overflow 2^53 and the BigInt path takes over.
    const big = 2 ** 40 + 1;
    const rows: SparseRow[] = [
      { cols: [0, 1], coefs: [big, -(big - 2)] },
      { cols: [1, 2], coefs: [big + 2, -big] },
      { cols: [0, 2], coefs: [1, 1] },
    ];
    expect(determinedColumns(rows)).toEqual(determinedColumnsBigInt(rows));
    expect(determinedColumns(rows)).toEqual([0, 1, 2]);
  });
});
