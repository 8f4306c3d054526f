/**
 * Synthetic rows for one quarter, shaped like `IndicatorRow` plus a benchmark comparison:
 * the authority and four localities, one of them suppressed. See README.md.
 */
import type { IndicatorRow } from '../../lib/outputs/tables.ts';
import type { Comparison } from '../bar-data.ts';

type BarFixtureRow = Pick<IndicatorRow, 'area_code' | 'area_type' | 'period' | 'value' | 'ci_lower' | 'ci_upper' | 'flag'> & {
  comparison: Comparison | null;
};

export const barRows: BarFixtureRow[] = [
  { area_code: 'E10000015', area_type: 'authority', period: '2014-15 Q4', value: 412.5, ci_lower: 398.1, ci_upper: 427.3, flag: null, comparison: 'worse' },
  { area_code: 'LOC_N', area_type: 'locality', period: '2014-15 Q4', value: 455.0, ci_lower: 421.7, ci_upper: 490.1, flag: null, comparison: 'worse' },
  { area_code: 'LOC_S', area_type: 'locality', period: '2014-15 Q4', value: 301.2, ci_lower: 276.0, ci_upper: 328.1, flag: null, comparison: 'better' },
  { area_code: 'LOC_E', area_type: 'locality', period: '2014-15 Q4', value: null, ci_lower: null, ci_upper: null, flag: '[c]', comparison: null },
  { area_code: 'LOC_W', area_type: 'locality', period: '2014-15 Q4', value: 388.4, ci_lower: 360.2, ci_upper: 418.0, flag: null, comparison: 'similar' },
];
