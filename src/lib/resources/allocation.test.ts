import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { allocateByNeed, type AllocationInput } from './allocation.ts';
import { recentDemand } from './demand.ts';
import { staffByGrade, staffByLocality, staffTotals } from './staffing.ts';
import { normaliseWeights, parseWeights, weightsQuery } from './weights.ts';
import { DERBYSHIRE_EXAMPLE_FILE, loadResourceFormula, loadStaffing } from '../reference/resources.ts';

const LOCALITIES: AllocationInput[] = [
  { code: 'A', population: 1000, deprivation: 30, demand: 10, fte: 10 },
  { code: 'B', population: 3000, deprivation: 10, demand: 30, fte: 30 },
];

describe('allocateByNeed', () => {
  it('weights population, deprivation-weighted population and demand, and gives the FTE gap', () => {
    const out = allocateByNeed(LOCALITIES, { population: 50, need: 25, demand: 25 })!;
    // Population 25% / 75%; need 30,000 / 30,000 = 50% / 50%; demand 25% / 75%.
    // A: 0.5 x 25 + 0.25 x 50 + 0.25 x 25 = 31.25%, of 40 FTE = 12.5, gap 10 - 12.5 = -2.5.
    expect(out[0]).toMatchObject({ populationSharePercent: 25, needSharePercent: 50, demandSharePercent: 25, resourceSharePercent: 31.25, formulaFte: 12.5, gapFte: -2.5 });
    expect(out[1]).toMatchObject({ resourceSharePercent: 68.75, formulaFte: 27.5, gapFte: 2.5 });
  });

  it('normalises weights that do not add up to 100, and gives null when all are zero', () => {
    const a = allocateByNeed(LOCALITIES, { population: 1, need: 1, demand: 0 })!;
    const b = allocateByNeed(LOCALITIES, { population: 50, need: 50, demand: 0 })!;
    expect(a).toEqual(b);
    expect(allocateByNeed(LOCALITIES, { population: 0, need: 0, demand: 0 })).toBeNull();
  });

  it('leaves the gaps summing to zero: the formula shares out the staff in post', () => {
    const out = allocateByNeed(LOCALITIES, { population: 20, need: 70, demand: 10 })!;
    expect(out.reduce((a, r) => a + r.gapFte, 0)).toBeCloseTo(0, 9);
  });
});

describe('weights in the URL', () => {
  const defaults = { population: 30, need: 50, demand: 20 };
  it('round-trips and keeps the default for a missing or malformed value', () => {
    expect(parseWeights(weightsQuery({ population: 10, need: 0, demand: 90 }), defaults)).toEqual({ population: 10, need: 0, demand: 90 });
    expect(parseWeights('?population=abc&need=150&demand=5', defaults)).toEqual({ population: 30, need: 50, demand: 5 });
    expect(normaliseWeights({ population: 1, need: 1, demand: 2 })).toEqual({ population: 0.25, need: 0.25, demand: 0.5 });
  });
});

describe('recentDemand', () => {
  it('takes the latest year published for every locality', () => {
    const rows = [
      { period: '2023-24', area_code: 'A', value: 10, flag: null },
      { period: '2023-24', area_code: 'B', value: 20, flag: '[rd]' as const },
      { period: '2024-25', area_code: 'A', value: null, flag: '[c]' as const },
      { period: '2024-25', area_code: 'B', value: 30, flag: null },
    ];
    const demand = recentDemand(rows, ['A', 'B'])!;
    expect(demand.year).toBe('2023-24');
    expect([...demand.byLocality]).toEqual([['A', 10], ['B', 20]]);
    expect(demand.rounded).toBe(true);
    expect(recentDemand(rows.slice(2), ['A', 'B'])).toBeNull();
  });
});

describe('staffing', () => {
  it("totals Derbyshire's 2014 list: 236 staff, 192.43 FTE", async () => {
    const derbyshire = await loadStaffing(DERBYSHIRE_EXAMPLE_FILE);
    const totals = staffTotals(derbyshire.posts);
    expect(totals.fte).toBe(192.43);
    expect(totals.staff).toBe(236);
    // Cost at band midpoints, computed here post by post from the published table.
    const expected = derbyshire.posts.reduce((a, p) => a + p.fte * (p.min_salary_gbp + p.max_salary_gbp) / 2, 0);
    expect(totals.costGbp).toBeCloseTo(expected, 6);
    expect(staffByGrade(derbyshire.posts).map((g) => g.grade)).toEqual(['SS15', 'SS13', 'SS12', 'SS11', 'SS09', 'SS08', 'SS05']);
  });

  it("the sample staffing agrees with each locality's staff FTE in localities.csv", async () => {
    const staffing = await loadStaffing();
    const lines = readFileSync('data/reference/localities.csv', 'utf8').trim().split('\n').slice(1);
    const expected = lines.map((l) => l.split(',')).map((f) => [f[0]!, Number(f[5])] as const);
    const byLocality = staffByLocality(staffing.posts, expected.map(([code]) => code));
    for (const [code, fte] of expected) expect(byLocality.get(code)?.fte).toBe(fte);
  });

  it('loads the default weights', async () => {
    const formula = await loadResourceFormula();
    expect(Object.keys(formula.weights)).toEqual(['population', 'need', 'demand']);
  });
});

describe('staffing reference data', () => {
  it('puts every post in a locality of localities.csv', async () => {
    const staffing = await loadStaffing();
    const codes = readFileSync('data/reference/localities.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    for (const post of staffing.posts) expect(codes).toContain(post.locality_code);
  });
});
