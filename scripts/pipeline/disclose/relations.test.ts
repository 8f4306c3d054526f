import { describe, expect, it } from 'vitest';
import type { CountRow } from '../../../src/lib/outputs/tables.ts';
import { buildRelations, NO_RELATIONS, TABLE_RELATIONS, unbalancedRelations, validateRelationSpec, type RelationSpec } from './relations.ts';

const QS = ['2015-04-01', '2015-07-01', '2015-10-01', '2016-01-01'];

function cell(q: number, area: string, measure: string, value: number | null, breakdown = 'all'): CountRow {
  return {
    quarter: `2015-16 Q${q + 1}`,
    quarter_start: QS[q] as string,
    area_code: area,
    area_type: area === 'A' ? 'authority' : area === 'ENG' ? 'comparator' : 'locality',
    measure,
    breakdown,
    value,
    flag: null,
  };
}

const CUM: RelationSpec = { ...NO_RELATIONS, stockFlows: [{ stock: 'cum', inflows: ['att'], outflows: [] }] };

describe('buildRelations', () => {
  it('sums localities to the authority per quarter, measure and breakdown, leaving comparators out', () => {
    const cells = [cell(0, 'L1', 'att', 1), cell(0, 'L2', 'att', 2), cell(0, 'A', 'att', 3), cell(0, 'ENG', 'att', 99), cell(1, 'L1', 'att', 5)];
    expect(buildRelations(cells, { ...NO_RELATIONS, areaTotals: true })).toEqual([{ kind: 'area', cells: [0, 1, 2], coefs: [1, 1, -1] }]);
  });

  it('differences a stock series quarter by quarter and across a gap not at all', () => {
    const cells = [cell(0, 'L1', 'att', 2), cell(0, 'L1', 'cum', 7), cell(1, 'L1', 'att', 3), cell(1, 'L1', 'cum', 10), cell(3, 'L1', 'att', 1), cell(3, 'L1', 'cum', 11)];
    // 2015-16 Q1 does not open from zero (7 ≠ 2) and Q4 follows a missing Q3: one relation only.
    expect(buildRelations(cells, CUM)).toEqual([{ kind: 'stock_flow', cells: [3, 1, 2], coefs: [1, -1, -1] }]);
  });

  it('adds an opening relation where the series starts from zero', () => {
    const cells = [cell(0, 'L1', 'att', 4), cell(0, 'L1', 'cum', 4)];
    expect(buildRelations(cells, CUM)).toEqual([{ kind: 'opening_stock', cells: [1, 0], coefs: [1, -1] }]);
  });

  it('declares no stock-flow relation when a flow is not in the table', () => {
    expect(buildRelations([cell(0, 'L1', 'cum', 4), cell(1, 'L1', 'cum', 6)], CUM)).toEqual([]);
  });

  it('takes outflows with the opposite sign', () => {
    const spec: RelationSpec = { ...NO_RELATIONS, stockFlows: [{ stock: 'open', inflows: ['att'], outflows: ['closed'] }] };
    const cells = [cell(0, 'L1', 'open', 6), cell(1, 'L1', 'att', 3), cell(1, 'L1', 'closed', 2), cell(1, 'L1', 'open', 7)];
    expect(buildRelations(cells, spec)).toEqual([{ kind: 'stock_flow', cells: [3, 0, 1, 2], coefs: [1, -1, -1, 1] }]);
  });

  it('sums breakdowns to the "all" row only for declared measures', () => {
    const cells = [cell(0, 'L1', 'claims', 1, 'a'), cell(0, 'L1', 'claims', 2, 'b'), cell(0, 'L1', 'claims', 3, 'all'), cell(0, 'L1', 'crit', 1, 'x'), cell(0, 'L1', 'crit', 1, 'all')];
    expect(buildRelations(cells, { ...NO_RELATIONS, breakdownTotals: ['claims'] })).toEqual([{ kind: 'breakdown', cells: [0, 1, 2], coefs: [1, 1, -1] }]);
  });
});

describe('unbalancedRelations', () => {
  it('reports declared relations the data break', () => {
    const cells = [cell(0, 'L1', 'att', 1), cell(0, 'L2', 'att', 2), cell(0, 'A', 'att', 4), cell(1, 'L1', 'att', 1), cell(1, 'A', 'att', 1)];
    expect(unbalancedRelations(cells, TABLE_RELATIONS.criteria).map((r) => r.cells)).toEqual([[0, 1, 2]]);
  });
});

describe('validateRelationSpec', () => {
  it('rejects a stock that is its own flow and a measure linked to itself', () => {
    expect(() => validateRelationSpec({ ...NO_RELATIONS, stockFlows: [{ stock: 'x', inflows: ['x'], outflows: [] }] })).toThrow(
      'Relation spec: stock measure "x" is also one of its own flows.',
    );
    expect(() => validateRelationSpec({ ...NO_RELATIONS, links: [{ count: 'c', follower: 'c' }] })).toThrow('Relation spec: measure "c" is linked to itself.');
  });

  it('accepts every table preset', () => {
    for (const spec of Object.values(TABLE_RELATIONS)) expect(() => validateRelationSpec(spec)).not.toThrow();
  });
});
