import { describe, expect, it } from 'vitest';
import { chooseComplement, protect, type ProtectVariable } from './secondary.ts';

const v = (value: number | null, primary = false, isTotal = false, eligible = true): ProtectVariable => ({ value, primary, isTotal, eligible });

describe('chooseComplement', () => {
  it('prefers a locality over a total, then the smallest value, then the lowest index', () => {
    const vars = [v(3, false, true), v(9), v(12), v(9)];
    expect(chooseComplement(vars, [0, 1, 2, 3])).toBe(1);
    expect(chooseComplement(vars, [0])).toBe(0); // the total only when nothing else is left
    expect(chooseComplement(vars, [])).toBeUndefined();
  });
});

describe('protect', () => {
  it('never withholds a zero as a complement', () => {
    // 3 + 0 + 9 = 12: the 0 is no cover, so the 9 goes.
    const { suppressed } = protect([v(3, true), v(0), v(9), v(12, false, true)], [{ vars: [0, 1, 2, 3], coefs: [1, 1, 1, -1] }]);
    expect(suppressed).toEqual([true, false, true, false]);
  });

  it('classic 2×2 table with margins: one small cell costs four suppressions', () => {
    // a b | a+b
    // c d | c+d
    // a+c  b+d | total
    const vars = [v(2, true), v(10), v(12), v(20), v(12), v(32), v(14, false, true), v(30, false, true), v(44, false, true)];
    const rel = (vars: number[], coefs: number[]) => ({ vars, coefs });
    const relations = [
      rel([0, 1, 4], [1, 1, -1]),
      rel([2, 3, 5], [1, 1, -1]),
      rel([0, 2, 6], [1, 1, -1]),
      rel([1, 3, 7], [1, 1, -1]),
      rel([4, 5, 8], [1, 1, -1]),
      rel([6, 7, 8], [1, 1, -1]),
    ];
    const { suppressed } = protect(vars, relations);
    expect(suppressed.map((s, i) => (s ? i : -1)).filter((i) => i >= 0)).toEqual([0, 1, 2, 3]);
  });

  it('suppresses a follower with its leader', () => {
    const { suppressed } = protect([v(2, true), v(1600)], [], [[0, 1]]);
    expect(suppressed).toEqual([true, true]);
  });

  it('does not protect a cell that is simply not available', () => {
    const { suppressed } = protect([v(null), v(10), v(10)], [{ vars: [0, 1, 2], coefs: [1, 1, -1] }]);
    expect(suppressed).toEqual([false, false, false]);
  });

  it('says so when the relations alone fix a suppressed cell', () => {
    expect(() => protect([v(3, true)], [{ vars: [0], coefs: [1] }])).toThrow(/fixed by the declared relations alone/);
  });
});
