import { describe, expect, it } from 'vitest';
import type { DashboardConfig } from './config.ts';
import { expectedThisYear, expectedToDate, trajectoryStatus } from './targets.ts';

const config = {
  cohortTargets: { '2012-13': 190, '2013-14': 238, '2014-15': 48 },
  thresholds: { at_risk: 0.95, off_track: 0.85 },
} as unknown as DashboardConfig;

describe('targets', () => {
  it('spreads the year target evenly over its quarters', () => {
    expect(expectedThisYear(config, '2013-14 Q1')).toBe(59.5);
    expect(expectedThisYear(config, '2013-14 Q4')).toBe(238);
    expect(expectedThisYear(config, '2020-21 Q2')).toBeNull();
  });

  it('adds completed years to the current year pro rata', () => {
    expect(expectedToDate(config, '2014-15 Q2')).toBe(190 + 238 + 24);
    expect(expectedToDate(config, '2012-13 Q1')).toBe(47.5);
  });

  it('judges the ratio against the thresholds, inclusive at each boundary', () => {
    const t = config.thresholds;
    expect(trajectoryStatus(95, 100, t)).toBe('on_track');
    expect(trajectoryStatus(94, 100, t)).toBe('at_risk');
    expect(trajectoryStatus(85, 100, t)).toBe('at_risk');
    expect(trajectoryStatus(84, 100, t)).toBe('off_track');
    expect(trajectoryStatus(null, 100, t)).toBe('not_judged');
    expect(trajectoryStatus(10, null, t)).toBe('no_target');
  });
});
