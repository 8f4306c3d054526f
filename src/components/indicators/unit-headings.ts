/** How each unit is named in column headings, so cells can show bare numbers. */
import type { Unit } from '../../lib/reference/schema.ts';

export const UNIT_HEADINGS: Readonly<Record<Unit, string>> = {
  percent: 'Percentage',
  rate_per_1000: 'Rate per 1,000',
  rate_per_10000: 'Rate per 10,000',
  rate_per_100000: 'Rate per 100,000',
  count: 'Count',
  value: 'Value',
};
