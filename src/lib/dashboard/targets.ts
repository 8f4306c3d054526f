/**
 * Progress against the cohort targets, as the dashboard judges it. A year's target is spread
 * evenly over its four quarters (pro rata), so after two quarters half the year's target is
 * expected; the programme trajectory adds the targets of every completed year before it.
 */
import type { Status } from '../format/status.ts';
import { financialYearLabel, parseQuarter } from '../period/quarter.ts';
import type { DashboardConfig } from './config.ts';

/** Families expected to be attached by the end of `quarter` in its financial year; null without a target. */
export function expectedThisYear(config: DashboardConfig, quarter: string): number | null {
  const q = parseQuarter(quarter);
  if (!q) throw new Error(`expectedThisYear: "${quarter}" is not a quarter label`);
  const target = config.cohortTargets[financialYearLabel(q.startYear)];
  return target === undefined ? null : (target * q.quarter) / 4;
}

/** Families expected to be attached since the programme began, by the end of `quarter`. */
export function expectedToDate(config: DashboardConfig, quarter: string): number | null {
  const q = parseQuarter(quarter);
  if (!q) throw new Error(`expectedToDate: "${quarter}" is not a quarter label`);
  const current = expectedThisYear(config, quarter);
  let completed = 0;
  let anyTarget = current !== null;
  for (const [year, target] of Object.entries(config.cohortTargets)) {
    if (Number(year.slice(0, 4)) < q.startYear) {
      completed += target;
      anyTarget = true;
    }
  }
  return anyTarget ? completed + (current ?? 0) : null;
}

/**
 * actual / expected ≥ at_risk threshold: on track; ≥ off_track threshold: at risk; else off track.
 * No expectation (no target, or nothing expected yet) or no actual figure gives "no_target".
 */
export function trajectoryStatus(actual: number | null, expected: number | null, thresholds: DashboardConfig['thresholds']): Status {
  if (expected === null || expected <= 0) return 'no_target';
  // A suppressed figure keeps its target on the card, but a status would hint at its size.
  if (actual === null) return 'not_judged';
  const ratio = actual / expected;
  if (ratio >= thresholds.at_risk) return 'on_track';
  if (ratio >= thresholds.off_track) return 'at_risk';
  return 'off_track';
}
