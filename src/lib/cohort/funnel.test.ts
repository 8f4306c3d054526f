import { describe, expect, it } from 'vitest';
import { cohortTargets, HAVERING_EXAMPLE_FILE, loadCohortProfile } from '../reference/cohort-profile.ts';
import { cohortModel, type CohortFigure } from './funnel.ts';

const fig = (cohort_year: string, area_code: string, measure: string, value: number | null, flag: CohortFigure['flag'] = null, breakdown = 'all'): CohortFigure => ({ cohort_year, area_code, measure, breakdown, value, flag });

describe('cohortModel', () => {
  it("sets Havering's profile (166 / 208 / 41) beside the families attached, never a share of a hidden figure", async () => {
    const targets = cohortTargets(await loadCohortProfile(HAVERING_EXAMPLE_FILE));
    const model = cohortModel(
      [fig('2012-13', 'E09000016', 'families_attached', 166), fig('2013-14', 'E09000016', 'families_attached', 100, '[rd]'), fig('2014-15', 'E09000016', 'families_attached', null, '[c]')],
      'E09000016',
      [],
      targets,
    );
    expect(model.years.map((y) => [y.year, y.target?.families])).toEqual([
      ['2012-13', 166],
      ['2013-14', 208],
      ['2014-15', 41],
    ]);
    expect(model.years.map((y) => y.attachedOfTarget)).toEqual([
      { value: 100, flag: null },
      { value: (100 * 100) / 208, flag: '[rd]' },
      { value: null, flag: '[c]' },
    ]);
    // A stage the release does not have is not available, not zero.
    expect(model.years[0]?.stages.families_claimed).toEqual({ value: null, flag: '[x]' });
  });
});
