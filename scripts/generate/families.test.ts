import { describe, expect, it } from 'vitest';
import { financialYearLabel } from '../../src/lib/period/quarter.ts';
import { dayOf, financialYearOf } from './days.ts';
import { familyRef, generateFamilies, planCohorts } from './families.ts';
import { createRandom } from './random.ts';
import { loadReference } from '../../src/lib/reference/load.ts';

const ref = await loadReference('data/reference');
const asAt = dayOf('2026-09-30');

describe('familyRef', () => {
  it('never repeats and always reads as 8 base32 characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) seen.add(familyRef(i, 2012));
    expect(seen.size).toBe(200_000);
    for (const r of [...seen].slice(0, 1000)) expect(r).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
  });

  it('depends on the seed', () => {
    expect(familyRef(0, 1)).not.toBe(familyRef(0, 2));
    expect(familyRef(5, 1)).toBe(familyRef(5, 1));
  });
});

describe('planCohorts', () => {
  it('spreads exactly the requested families over the years up to the as-at date', () => {
    const plan = planCohorts(ref, asAt, 2000, createRandom(1));
    expect(plan.reduce((s, p) => s + p.count, 0)).toBe(2000);
    expect(plan[0]?.startYear).toBe(2012);
    expect(plan.at(-1)?.startYear).toBe(2026);
    // Phase 1 front-loads: the third year had a tenth of the target.
    const count = (year: number) => plan.find((p) => p.startYear === year)?.count ?? 0;
    expect(count(2013)).toBeGreaterThan(3 * count(2014));
  });

  it('plans nothing after the as-at date', () => {
    const plan = planCohorts(ref, dayOf('2013-06-30'), 100, createRandom(1));
    expect(plan.map((p) => p.startYear)).toEqual([2012, 2013]);
    expect(planCohorts(ref, asAt, 7, createRandom(1)).reduce((s, p) => s + p.count, 0)).toBe(7);
  });
});

describe('generateFamilies', () => {
  const plan = planCohorts(ref, asAt, 400, createRandom(3));
  const families = [...generateFamilies(ref, plan, asAt, createRandom(4), { seed: 4, next: 0 })];

  it('attaches within 90 days and closes 6-18 months later, never after the as-at date', () => {
    for (const f of families) {
      expect(f.identified).toBeLessThanOrEqual(asAt);
      if (f.attached !== null) {
        expect(f.attached - f.identified).toBeGreaterThanOrEqual(0);
        expect(f.attached - f.identified).toBeLessThanOrEqual(90);
        expect(f.attached).toBeLessThanOrEqual(asAt);
      }
      if (f.closed !== null) {
        expect(f.attached).not.toBeNull();
        const days = f.closed - (f.attached ?? 0);
        expect(days).toBeGreaterThanOrEqual(180);
        expect(days).toBeLessThanOrEqual(18 * 31 + 28);
        expect(f.closed).toBeLessThanOrEqual(asAt);
      }
    }
  });

  it('counts a family towards the year it was attached in', () => {
    for (const f of families) expect(f.cohortYear).toBe(financialYearOf(f.attached ?? f.identified));
    expect(new Set(families.map((f) => financialYearLabel(f.cohortYear))).size).toBe(15);
  });

  it('takes more families from deprived localities', () => {
    const from = (code: string) => families.filter((f) => f.locality === code).length;
    expect(from('EST')).toBeGreaterThan(from('HLS'));
  });
});
