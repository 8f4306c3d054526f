/**
 * Synthetic quarterly indicator rows shaped like `IndicatorRow` (src/lib/outputs/tables.ts):
 * an authority and two localities over eight quarters, with a suppressed quarter, a quarter
 * with no row at all, and confidence limits. See README.md.
 */
import type { IndicatorRow } from '../../lib/outputs/tables.ts';

type Value = [value: number | null, lower: number | null, upper: number | null];

const QUARTERS = ['2013-14 Q1', '2013-14 Q2', '2013-14 Q3', '2013-14 Q4', '2014-15 Q1', '2014-15 Q2', '2014-15 Q3', '2014-15 Q4'];
const START = ['2013-04-01', '2013-07-01', '2013-10-01', '2014-01-01', '2014-04-01', '2014-07-01', '2014-10-01', '2015-01-01'];

function rows(area_code: string, area_type: IndicatorRow['area_type'], values: (Value | 'missing' | 'suppressed')[]): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  values.forEach((v, i) => {
    if (v === 'missing') return;
    const [value, ci_lower, ci_upper] = v === 'suppressed' ? [null, null, null] : v;
    out.push({
      indicator_code: 'school_attendance',
      area_code,
      area_type,
      period: QUARTERS[i] as string,
      period_start: START[i] as string,
      numerator: null,
      denominator: null,
      value,
      ci_lower,
      ci_upper,
      target: 90,
      target_status: 'no_judgement',
      flag: v === 'suppressed' ? '[c]' : null,
    });
  });
  return out;
}

export const AREA_NAMES: Record<string, string> = {
  E10000015: 'Hertfordshire',
  LOC_N: 'North locality',
  LOC_S: 'South locality',
  LOC_E: 'East locality',
  LOC_W: 'West locality',
};

export const trendRows: IndicatorRow[] = [
  ...rows('E10000015', 'authority', [
    [84.1, 83.2, 85.0],
    [85.3, 84.4, 86.2],
    [86.0, 85.1, 86.9],
    [86.4, 85.5, 87.3],
    [87.2, 86.4, 88.0],
    [87.9, 87.1, 88.7],
    [88.5, 87.7, 89.3],
    [89.1, 88.3, 89.9],
  ]),
  ...rows('LOC_N', 'locality', [
    [80.2, 77.0, 83.4],
    [81.5, 78.4, 84.6],
    'suppressed',
    [83.0, 80.0, 86.0],
    [84.4, 81.5, 87.3],
    [85.0, 82.1, 87.9],
    [86.2, 83.4, 89.0],
    [87.0, 84.3, 89.7],
  ]),
  ...rows('LOC_S', 'locality', [
    [88.0, 85.6, 90.4],
    [87.1, 84.6, 89.6],
    [86.5, 84.0, 89.0],
    'missing',
    [88.8, 86.5, 91.1],
    [89.4, 87.2, 91.6],
    [90.3, 88.2, 92.4],
    [91.0, 88.9, 93.1],
  ]),
];

/** Two more localities, for small multiples. */
export const moreLocalityRows: IndicatorRow[] = [
  ...rows('LOC_E', 'locality', [
    [82.0, 79.1, 84.9],
    [82.6, 79.8, 85.4],
    [83.9, 81.1, 86.7],
    [84.2, 81.4, 87.0],
    'suppressed',
    'suppressed',
    [86.0, 83.3, 88.7],
    [86.8, 84.2, 89.4],
  ]),
  ...rows('LOC_W', 'locality', [
    [79.0, 75.8, 82.2],
    [79.9, 76.8, 83.0],
    [81.1, 78.1, 84.1],
    [82.5, 79.6, 85.4],
    [83.0, 80.1, 85.9],
    'suppressed',
    [84.7, 81.9, 87.5],
    [85.5, 82.8, 88.2],
  ]),
];
