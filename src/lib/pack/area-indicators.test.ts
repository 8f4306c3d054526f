import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../indicators/indicator-row.ts';
import type { Indicator } from '../reference/schema.ts';
import { areaIndicatorLines } from './area-indicators.ts';

const indicator = (code: string): Indicator => ({ code, title: `Indicator ${code}`, short_title: code, unit: 'percent', decimals: 1 }) as Indicator;

function row(code: string, area: string, period: string, start: string, value: number | null, flag: IndicatorRow['flag'] = null): IndicatorRow {
  return { indicator_code: code, area_code: area, area_type: area === 'AUTH' ? 'authority' : 'locality', period, period_start: start, numerator: null, denominator: null, value, ci_lower: null, ci_upper: null, target: null, target_status: 'no_target', flag };
}

describe('areaIndicatorLines', () => {
  const rows = new Map<string, IndicatorRow[]>([
    [
      'q',
      [
        row('q', 'AUTH', '2025-26 Q3', '2025-10-01', 10),
        row('q', 'L1', '2025-26 Q3', '2025-10-01', 12),
        row('q', 'L2', '2025-26 Q3', '2025-10-01', null, '[c]'),
        // A later quarter than the one the pack is for: never shown.
        row('q', 'AUTH', '2025-26 Q4', '2026-01-01', 99),
      ],
    ],
    ['a', [row('a', 'AUTH', '2024-25', '2024-04-01', 50), row('a', 'L1', '2024-25', '2024-04-01', 40)]],
  ]);

  it('takes each indicator’s latest period begun by the quarter, as published, with [x] where an area has no row', () => {
    const lines = areaIndicatorLines([indicator('q'), indicator('a'), indicator('none')], rows, ['L1', 'L2', 'AUTH'], 'AUTH', '2025-10-01');
    expect(lines.map((l) => [l.code, l.period])).toEqual([
      ['q', '2025-26 Q3'],
      ['a', '2024-25'],
      ['none', null],
    ]);
    expect(lines[0]!.values).toEqual({ L1: { value: 12, flag: null }, L2: { value: null, flag: '[c]' }, AUTH: { value: 10, flag: null } });
    expect(lines[1]!.values.L2).toEqual({ value: null, flag: '[x]' });
    expect(lines[2]!.values.AUTH).toEqual({ value: null, flag: '[x]' });
  });
});
