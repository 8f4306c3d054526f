/**
 * Outcomes for one family: a row per outcome measure evidencing one of its criteria, with a
 * baseline before identification, a follow-up after attachment, and when the outcome was
 * achieved and how long it held. Values use each measure's natural scale (percent of sessions
 * missed, incidents in six months, weeks in work, an outcome-star score).
 */
import type { Programme } from '../../src/lib/reference/schema.ts';
import { addMonths } from './days.ts';
import type { FamilyEpisode } from './families.ts';
import type { Random } from './random.ts';

export type OutcomeMeasure = Programme['outcome_measures'][number];

export interface OutcomeRecord {
  measure: OutcomeMeasure;
  baseline: string;
  baselineStart: number | null;
  baselineEnd: number | null;
  followup: string;
  followupStart: number | null;
  followupEnd: number | null;
  achieved: number | null;
  sustainedTo: number | null;
}

/** Propensity from which a family is "thriving": most of its outcomes are achieved and held. */
const THRIVING_FROM = 0.4;

interface MeasureModel {
  /** Chance a family that is not thriving achieves the outcome, scaled by its propensity. */
  chance: number;
  /** Chance a thriving family achieves it; 0.97 unless the outcome is harder (employment). */
  thrivingChance?: number;
  /** Length of the baseline period: three school terms for education, six months otherwise. */
  baselineMonths: number;
  baseline(random: Random, family: FamilyEpisode): number;
  followup(baseline: number, achieved: boolean, random: Random): number;
  decimals: number;
}

const round = (x: number, decimals: number): string => x.toFixed(decimals);

/** An outcome-star style score from 1 (stuck) to 10 (self-reliant), for needs without a count. */
const SCORE: MeasureModel = {
  chance: 0.6,
  baselineMonths: 6,
  baseline: (random) => random.int(2, 5),
  followup: (b, ok, random) => Math.min(10, Math.max(1, ok ? b + random.int(3, 5) : b + random.int(-1, 2))),
  decimals: 0,
};

/** A count of incidents that must fall to `target` of the baseline or below. */
function incidents(min: number, max: number, target: number, chance: number, baselineMonths = 6): MeasureModel {
  return {
    chance,
    baselineMonths,
    baseline: (random) => random.int(min, max),
    followup: (b, ok, random) => (ok ? Math.floor(b * random.uniform(0, target)) : Math.round(b * random.uniform(target + 0.1, 1.3))),
    decimals: 0,
  };
}

const MODELS: Readonly<Record<string, MeasureModel>> = {
  // Percent of sessions missed over three terms; achieved means below 10%.
  school_attendance: {
    chance: 0.68,
    baselineMonths: 12,
    baseline: (random) => random.uniform(12, 45),
    followup: (b, ok, random) => (ok ? random.uniform(2, 9.5) : Math.max(10.2, b * random.uniform(0.6, 1.1))),
    decimals: 1,
  },
  school_exclusions: {
    chance: 0.72,
    baselineMonths: 12,
    baseline: (random) => random.int(3, 8),
    followup: (b, ok, random) => (ok ? random.int(0, 2) : random.int(3, b + 1)),
    decimals: 0,
  },
  asb_incidents: incidents(2, 14, 0.4, 0.7),
  youth_offending: incidents(1, 6, 0.67, 0.62),
  domestic_abuse_reduced: incidents(1, 8, 0.3, 0.6),
  // 1 when an adult is on the Work Programme or in ESF provision.
  progress_to_work: {
    chance: 0.35,
    thrivingChance: 0.9,
    baselineMonths: 6,
    baseline: () => 0,
    followup: (_b, ok) => (ok ? 1 : 0),
    decimals: 0,
  },
  // Weeks of continuous employment off out-of-work benefits.
  continuous_employment: {
    chance: 0.1,
    thrivingChance: 0.3,
    baselineMonths: 6,
    baseline: () => 0,
    followup: (_b, ok, random) => (ok ? random.int(26, 52) : random.int(0, 12)),
    decimals: 0,
  },
  // Children on a child protection or child in need plan.
  children_need_help: {
    chance: 0.55,
    baselineMonths: 6,
    baseline: (random, family) => random.int(1, family.children),
    followup: (b, ok, random) => (ok ? 0 : random.int(1, b)),
    decimals: 0,
  },
};

/** Outcome rows for an attached family; families never attached have no outcomes to measure. */
export function generateOutcomes(
  family: FamilyEpisode,
  measures: readonly OutcomeMeasure[],
  asAt: number,
  random: Random,
  minimumFollowupMonths: ReadonlyMap<string, number> = new Map(),
): OutcomeRecord[] {
  const attached = family.attached;
  if (attached === null) return [];
  const records: OutcomeRecord[] = [];
  for (const measure of measures) {
    if (!family.criteria.includes(measure.criterion)) continue;
    const model = MODELS[measure.code] ?? SCORE;

    // Families tend to turn around as a whole or not at all, which is what results claims need.
    const thriving = family.propensity >= THRIVING_FROM;
    const chance = thriving ? (model.thrivingChance ?? 0.97) : model.chance * (0.4 + family.propensity);
    // The follow-up is as long as the baseline (like with like: three terms of school, six months
    // of incidents) and never shorter than the outcome rules ask; it begins at attachment at the
    // earliest, so an outcome is achieved no sooner than a full follow-up after attachment.
    const followupMonths = Math.max(model.baselineMonths, minimumFollowupMonths.get(measure.code) ?? 0);
    let achieved: number | null = random.chance(chance) ? addMonths(attached, followupMonths) + random.int(0, 360) : null;
    if (achieved !== null && achieved > asAt) achieved = null; // not achieved yet

    // A few baselines were never recorded; the pipeline must accept empty optional values.
    const recorded = !random.chance(0.03);
    const baselineValue = model.baseline(random, family);
    const baselineEnd = family.identified - 1;

    // The follow-up ends when the outcome was achieved or last measured.
    let followupEnd: number | null = null;
    if (achieved !== null) followupEnd = achieved;
    else {
      const end = Math.min(asAt, family.closed ?? asAt, addMonths(attached, 12));
      // Too soon after attachment for a meaningful follow-up.
      if (end - attached >= 90) followupEnd = end;
    }
    const followupStart = followupEnd === null ? null : Math.max(attached, addMonths(followupEnd, -followupMonths));

    let sustainedTo: number | null = null;
    if (achieved !== null && !random.chance(thriving ? 0.03 : 0.1)) {
      const held = random.chance(thriving ? 0.03 : 0.3) ? random.int(20, 150) : random.int(183, thriving ? 1200 : 700);
      sustainedTo = Math.min(asAt, achieved + held);
    }

    records.push({
      measure,
      baseline: recorded ? round(baselineValue, model.decimals) : '',
      baselineStart: recorded ? addMonths(family.identified, -model.baselineMonths) : null,
      baselineEnd: recorded ? baselineEnd : null,
      followup: followupEnd === null ? '' : round(model.followup(baselineValue, achieved !== null, random), model.decimals),
      followupStart,
      followupEnd,
      achieved,
      sustainedTo,
    });
  }
  return records;
}
