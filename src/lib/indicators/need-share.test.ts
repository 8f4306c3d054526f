import { describe, expect, it } from 'vitest';
import { needShares } from './need-share.ts';

describe('needShares', () => {
  it('weights population by deprivation and compares with the FTE share', () => {
    const shares = needShares([
      { locality_code: 'A', population_0_19: 1000, deprivation_score: 30, staff_fte: 10 },
      { locality_code: 'B', population_0_19: 2000, deprivation_score: 10, staff_fte: 30 },
    ]);
    // Need 30,000 and 20,000: 60% and 40%. FTE 25% and 75%.
    expect(shares[0]).toMatchObject({ localityCode: 'A', weightedNeed: 30000, needSharePercent: 60, fteSharePercent: 25, gapPoints: -35 });
    expect(shares[1]).toMatchObject({ needSharePercent: 40, fteSharePercent: 75, gapPoints: 35 });
  });

  it('gives zero shares, not NaN, when totals are zero', () => {
    const [only] = needShares([{ locality_code: 'A', population_0_19: 0, deprivation_score: 0, staff_fte: 0 }]);
    expect(only).toMatchObject({ needSharePercent: 0, fteSharePercent: 0, gapPoints: 0 });
  });

  it('handles an empty list', () => {
    expect(needShares([])).toEqual([]);
  });
});
