/**
 * How the sample fakes each indicator in data/reference/indicators.json: England's path over
 * time (anchored on published national figures, rounded), how strongly deprivation moves a
 * locality away from it, and what population or event count forms the denominator.
 * Indicators a council adds without a model here get a plain one chosen by unit.
 */
import type { Unit } from '../../src/lib/reference/schema.ts';

/** Populations as multiples of the 0-19 population in localities.csv (mid-2010s age structure). */
export const POPULATION_SHARE = {
  aged_0_19: 1,
  under_16: 0.8,
  under_18: 0.9,
  aged_10_17: 0.4,
  females_15_17: 0.073,
  aged_16_64: 2.85,
  aged_18_64: 2.65,
  aged_16_plus: 3.6,
  // Possible half-day sessions: pupils of compulsory school age times about 320 sessions a year.
  school_sessions: 0.55 * 320,
} as const;
export type PopulationGroup = keyof typeof POPULATION_SHARE;

/** England's 0-19 population, about 13.2 million in the mid-2010s. */
export const ENGLAND_POPULATION_0_19 = 13_200_000;
/** England's average IMD score: a locality at this level of deprivation looks like England. */
export const ENGLAND_DEPRIVATION = 21.7;

export type Denominator =
  /** A population estimate: smooth, no sampling noise. `share` narrows it (e.g. to deprived areas). */
  | { kind: 'population'; group: PopulationGroup; share?: (deprivationRatio: number) => number }
  /** Events counted in the period (referrals, cases heard): Poisson around the expected count. */
  | { kind: 'events'; group: PopulationGroup; perPerson: (year: number) => number; deprivationElasticity: number };

export interface IndicatorModel {
  /** England's value in the indicator's unit, by fractional financial year (2012.5 = mid 2012-13). */
  england: readonly (readonly [number, number])[];
  /** Locality value ∝ (deprivation / England's)^elasticity; negative when deprivation lowers it. */
  deprivationElasticity: number;
  /** For "high is good" percentages, deprivation acts on the shortfall (100 - value). */
  complement?: boolean;
  /** The authority's performance relative to what its deprivation predicts. */
  authorityEffect?: number;
  denominator: Denominator;
  /** England published as a value only (no numerator or denominator). */
  englandValueOnly?: boolean;
  /** Periods the latest data lag behind the as-at date. */
  lag?: number;
  /** Periods not collected for the localities and authority (the rows are absent). */
  localGaps?: readonly string[];
  /** Periods not collected anywhere, England included. */
  gaps?: readonly string[];
}

const population = (group: PopulationGroup, share?: (ratio: number) => number): Denominator =>
  share ? { kind: 'population', group, share } : { kind: 'population', group };
const events = (group: PopulationGroup, perPerson: (year: number) => number, deprivationElasticity: number): Denominator => ({
  kind: 'events',
  group,
  perPerson,
  deprivationElasticity,
});

export const INDICATOR_MODELS: Readonly<Record<string, IndicatorModel>> = {
  ni_116: {
    england: [[2012.5, 18.6], [2015.5, 16.9], [2019.5, 18.6], [2021.5, 19.4], [2025.5, 20.8]],
    deprivationElasticity: 0.9,
    authorityEffect: 0.95,
    denominator: population('under_16'),
    lag: 1,
  },
  ni_118: {
    england: [[2012.5, 17.5], [2016.5, 15.2], [2020.5, 13.0], [2025.5, 12.4]],
    deprivationElasticity: -0.35,
    authorityEffect: 1.08,
    denominator: events('aged_0_19', (year) => Math.max(0.006, 0.035 - 0.0022 * (year - 2012)), 0.5),
    englandValueOnly: true,
  },
  ni_153: {
    england: [[2012.5, 25.6], [2015.5, 21], [2019.5, 17.5], [2020.3, 19.8], [2021.2, 21.2], [2023.5, 19], [2026.5, 18.2]],
    deprivationElasticity: 0.55,
    denominator: population('aged_16_64', (ratio) => Math.min(0.9, 0.25 * ratio ** 1.5)),
  },
  ni_111: {
    // 735 per 100,000 a year in 2012-13, about 150 by the 2020s; a quarter is a fourth of that.
    england: [[2012.5, 184], [2014.5, 118], [2016.5, 90], [2019.5, 55], [2021.5, 40], [2023.5, 43], [2026.5, 38]],
    deprivationElasticity: 0.8,
    authorityEffect: 0.8,
    denominator: population('aged_10_17'),
  },
  ni_45: {
    england: [[2012.5, 72.5], [2016.5, 68], [2020.5, 63.5], [2026.5, 61]],
    deprivationElasticity: 0.4,
    complement: true,
    denominator: events('aged_10_17', (year) => Math.max(0.0015, 0.006 - 0.0004 * (year - 2012)), 0.8),
  },
  ni_115: {
    england: [[2012.5, 9.8], [2016.5, 7.9], [2020.5, 6.6], [2025.5, 6.9]],
    deprivationElasticity: 0.3,
    authorityEffect: 0.92,
    denominator: events('aged_0_19', () => 0.045, 0),
    englandValueOnly: true,
    localGaps: ['2016-17'],
  },
  ni_32: {
    england: [[2012.5, 24], [2016.5, 26], [2020.5, 30], [2026.5, 31.5]],
    deprivationElasticity: 0.15,
    denominator: events('aged_0_19', (year) => 0.0011 * (1 + 0.03 * (year - 2012)), 1),
    localGaps: ['2017-18 Q3'],
  },
  ni_40: {
    england: [[2012.5, 6.4], [2018.5, 5.7], [2022.5, 5.3], [2026.5, 5.6]],
    deprivationElasticity: 1.1,
    authorityEffect: 0.9,
    denominator: population('aged_18_64'),
  },
  ni_112: {
    england: [[2012.5, 27.7], [2014.5, 22.8], [2016.5, 18.8], [2018.5, 16.7], [2020.5, 13.1], [2021.5, 13.1], [2025.5, 12.6]],
    deprivationElasticity: 0.95,
    authorityEffect: 0.9,
    denominator: population('females_15_17'),
    lag: 1,
  },
  ni_123: {
    // About 1,080 quitters per 100,000 a year in 2012-13, falling as services shrank.
    england: [[2012.5, 270], [2015.5, 170], [2019.5, 65], [2022.5, 58], [2026.5, 52]],
    deprivationElasticity: 0.25,
    authorityEffect: 1.25,
    denominator: population('aged_16_plus'),
  },
  cp_plans: {
    england: [[2012.5, 37.9], [2015.5, 43.1], [2018.5, 45.3], [2020.5, 41.4], [2023.5, 41.2], [2026.5, 40.5]],
    deprivationElasticity: 1.05,
    authorityEffect: 0.85,
    denominator: population('under_18'),
  },
  lac: {
    england: [[2012.5, 60], [2016.5, 62], [2019.5, 65], [2022.5, 70], [2026.5, 71]],
    deprivationElasticity: 1,
    denominator: population('under_18'),
  },
  re_referrals: {
    england: [[2012.5, 24.9], [2015.5, 22.3], [2018.5, 22.6], [2021.5, 22.7], [2026.5, 21.5]],
    deprivationElasticity: 0.15,
    denominator: events('under_18', () => 0.0137, 0.8),
  },
  school_attendance: {
    // Absence was about 5% before the pandemic and 7% after; attendance is the rest.
    england: [[2012.5, 94.7], [2015.5, 95.4], [2018.5, 95.3], [2020.5, 92.4], [2022.5, 92.5], [2023.5, 92.9], [2025.5, 93.1]],
    deprivationElasticity: 0.3,
    complement: true,
    denominator: population('school_sessions'),
    // England's possible sessions run to ten digits (about 2.3 billion), which the privacy guard
    // rightly cannot tell from an NHS number; DfE's headline rate is what councils import anyway.
    englandValueOnly: true,
    gaps: ['2019-20'],
  },
};

/**
 * A stand-in for catalogue indicators without a model, so every indicator gets rows. For a
 * count the value is the expected count per 10,000 of the population group.
 */
export function defaultModel(unit: Unit): IndicatorModel {
  const value = { percent: 20, rate_per_1000: 10, rate_per_10000: 50, rate_per_100000: 200, count: 20, value: 50 }[unit];
  return { england: [[2012.5, value]], deprivationElasticity: 0.5, denominator: population('aged_0_19') };
}
