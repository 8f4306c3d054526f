/**
 * The cohort page's model: the published funnel by cohort year set against the committed
 * numbers of the cohort profile, by locality, the time from attachment to claim and the families
 * due next quarter. A hidden figure ([c]) is carried as its symbol and never estimated: a share
 * of the target is given only where the figure it rests on is published.
 */
import { GSS, type CohortMeasure } from '../outputs/tables.ts';
import type { CohortTarget } from '../reference/cohort-profile.ts';
import type { Flagged } from '../tables/cells.ts';
import { CLAIM_LAG_BINS, type ClaimLagBin } from './claim-lag.ts';

export const ALL_COHORTS = 'all';

/** One published figure of cohort.parquet. */
export interface CohortFigure extends Flagged {
  readonly cohort_year: string;
  readonly area_code: string;
  readonly measure: string;
  readonly breakdown: string;
}

/** The funnel's stages, in order, with the words the page uses for each. */
export const FUNNEL_STAGES: ReadonlyArray<{ readonly measure: CohortMeasure; readonly label: string }> = [
  { measure: 'families_identified', label: 'Identified' },
  { measure: 'families_attached', label: 'Attached' },
  { measure: 'families_achieved', label: 'Outcome achieved' },
  { measure: 'families_sustained', label: 'Outcome sustained' },
  { measure: 'families_claimed', label: 'Results claimed' },
];

export type Stages = Readonly<Record<CohortMeasure, Flagged>>;

export interface FunnelYear {
  readonly year: string;
  /** The committed number for the year, or null where no profile covers it. */
  readonly target: CohortTarget | null;
  readonly stages: Stages;
  /** Families attached as a share of the committed number (0-100), or the symbol standing in for it. */
  readonly attachedOfTarget: Flagged;
}

export interface CohortModel {
  readonly years: readonly FunnelYear[];
  readonly allCohorts: Stages;
  /** For each cohort year (and "all"), each locality's stages, in the order given. */
  readonly byLocality: ReadonlyMap<string, ReadonlyArray<{ readonly area_code: string; readonly stages: Stages }>>;
  readonly lags: ReadonlyArray<{ readonly bin: ClaimLagBin; readonly figure: Flagged }>;
  readonly dueNextQuarter: Flagged;
}

const NOT_AVAILABLE: Flagged = { value: null, flag: GSS.x };
const MEASURES: readonly CohortMeasure[] = [...FUNNEL_STAGES.map((s) => s.measure), 'families_due_next_quarter'];

/** A figure that reads as a number: published exactly or rounded ([rd]). */
export function readable(f: Flagged): f is Flagged & { value: number } {
  return f.value !== null && (f.flag === null || f.flag === GSS.rd);
}

export function cohortModel(figures: readonly CohortFigure[], authorityCode: string, localityCodes: readonly string[], targets: readonly CohortTarget[]): CohortModel {
  const index = new Map(figures.map((f) => [[f.cohort_year, f.area_code, f.measure, f.breakdown].join('|'), f]));
  const figure = (year: string, area: string, measure: string, breakdown = 'all'): Flagged => {
    const f = index.get([year, area, measure, breakdown].join('|'));
    return f ? { value: f.value, flag: f.flag } : NOT_AVAILABLE;
  };
  const stages = (year: string, area: string): Stages => Object.fromEntries(MEASURES.map((m) => [m, figure(year, area, m)])) as Record<CohortMeasure, Flagged>;
  const targetOf = new Map(targets.map((t) => [t.year, t]));
  const yearList = [...new Set([...figures.map((f) => f.cohort_year).filter((y) => y !== ALL_COHORTS), ...targets.map((t) => t.year)])].sort();
  const years = yearList.map((year): FunnelYear => {
    const s = stages(year, authorityCode);
    const target = targetOf.get(year) ?? null;
    const attached = s.families_attached;
    const attachedOfTarget: Flagged = !target || target.families === 0 ? { value: null, flag: GSS.z } : readable(attached) ? { value: (100 * attached.value) / target.families, flag: attached.flag } : { value: null, flag: attached.flag ?? GSS.x };
    return { year, target, stages: s, attachedOfTarget };
  });
  const byLocality = new Map([...yearList, ALL_COHORTS].map((year) => [year, localityCodes.map((area_code) => ({ area_code, stages: stages(year, area_code) }))]));
  return {
    years,
    allCohorts: stages(ALL_COHORTS, authorityCode),
    byLocality,
    lags: CLAIM_LAG_BINS.map((bin) => ({ bin, figure: figure(ALL_COHORTS, authorityCode, 'families_claimed', bin.code) })),
    dueNextQuarter: figure(ALL_COHORTS, authorityCode, 'families_due_next_quarter'),
  };
}
