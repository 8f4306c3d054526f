/**
 * A small programme for the aggregation tests: three localities (EST has no families, so it
 * must still appear with zeros), the authority, England as comparator, and three indicators.
 */
import type { Indicator } from '../../../src/lib/reference/schema.ts';
import type { AggregationReference } from './reference.ts';

const indicator = (fields: Pick<Indicator, 'code' | 'unit' | 'polarity' | 'frequency' | 'decimals' | 'targets'>): Indicator => ({
  reference: '',
  title: fields.code,
  short_title: fields.code,
  theme: 'test',
  source: 'test',
  definition: 'test',
  numerator_definition: '',
  denominator_definition: '',
  caveats: '',
  ...fields,
});

export const AUTHORITY = 'E10000015';
export const ENGLAND = 'E92000001';

export const fixtureReference: AggregationReference = {
  programme: {
    authority: { code: AUTHORITY, name: 'Test County Council' },
    comparators: [{ code: ENGLAND, name: 'England' }],
    phases: [
      {
        code: 'phase_1',
        title: 'Phase 1',
        start: '2012-04-01',
        end: '2015-03-31',
        min_criteria: 1,
        criteria: [
          { code: 'crime_asb', title: 'Crime and anti-social behaviour' },
          { code: 'education', title: 'Education' },
          { code: 'work', title: 'Work' },
        ],
      },
      {
        code: 'phase_2',
        title: 'Phase 2',
        start: '2015-04-01',
        end: null,
        min_criteria: 2,
        criteria: [
          { code: 'crime_asb', title: 'Crime and anti-social behaviour' },
          { code: 'domestic_abuse', title: 'Domestic abuse' },
        ],
      },
    ],
    outcome_measures: [
      { code: 'school_attendance', title: 'School attendance', criterion: 'education', sustain_months: 6 },
      { code: 'asb_reduction', title: 'Fewer ASB incidents', criterion: 'crime_asb', sustain_months: 6 },
      { code: 'employment', title: 'Continuous employment', criterion: 'work', sustain_months: 0 },
    ],
    payment_rules: [
      { phase: 'phase_1', claim_type: 'attachment_fee', title: 'Attachment fee', max_amount_gbp: 3200, years: [] },
      { phase: 'phase_1', claim_type: 'results_crime_education', title: 'Crime and education', max_amount_gbp: 1600, years: [] },
      { phase: 'phase_1', claim_type: 'continuous_employment', title: 'Employment', max_amount_gbp: 4000, years: [] },
    ],
  },
  // Deliberately out of order: the output order must not depend on it.
  localities: [{ locality_code: 'STH' }, { locality_code: 'NTH' }, { locality_code: 'EST' }],
  catalogue: {
    indicators: [
      indicator({ code: 'attendance', unit: 'percent', polarity: 'high_is_good', frequency: 'quarterly', decimals: 1, targets: { '2013-14': 90 } }),
      indicator({ code: 'ni_111', unit: 'rate_per_100000', polarity: 'low_is_good', frequency: 'annual', decimals: 0, targets: { '2013-14': 1000 } }),
      indicator({ code: 'ni_116', unit: 'value', polarity: 'low_is_good', frequency: 'annual', decimals: 1, targets: {} }),
      indicator({ code: 'unused', unit: 'count', polarity: 'no_judgement', frequency: 'quarterly', decimals: 0, targets: {} }),
    ],
  },
};
