/**
 * The reference data the dashboard needs, in a small serialisable shape: the page builds it at
 * build time and embeds it as JSON, so the browser rebuilds the model from exactly the same
 * targets, thresholds and payment rules without loading the reference files.
 */
import type { Locality, Programme } from '../reference/schema.ts';
import { weightedNeed } from '../indicators/need-share.ts';

export interface DashboardLocality {
  readonly code: string;
  readonly name: string;
  /** Relative need: population aged 0-19 × deprivation score (the staffing formula's weighting). */
  readonly need: number;
}

export interface DashboardPhase {
  readonly code: string;
  readonly title: string;
  readonly start: string;
  readonly end: string | null;
  /** Attachment fee per family by financial year; "*" applies to every year of the phase. */
  readonly attachmentFees: Readonly<Record<string, number>>;
  /** The largest single results payment a family can earn in the phase. */
  readonly maxResultsPayment: number;
}

export interface DashboardConfig {
  readonly authority: { readonly code: string; readonly name: string };
  readonly localities: readonly DashboardLocality[];
  readonly cohortTargets: Readonly<Record<string, number>>;
  readonly programmeTarget: number;
  readonly thresholds: { readonly at_risk: number; readonly off_track: number };
  readonly phases: readonly DashboardPhase[];
  /** Published quarters, oldest first. */
  readonly quarters: readonly string[];
  /** The release's rounding base, or null: a total with rounded parts is rounded to it, so it reads as the rounded figure it is. */
  readonly roundingBase: number | null;
}

export function dashboardConfig(programme: Programme, localities: readonly Locality[], quarters: readonly string[], roundingBase: number | null = null): DashboardConfig {
  return {
    roundingBase,
    authority: { code: programme.authority.code, name: programme.authority.name },
    localities: localities.map((l) => ({ code: l.locality_code, name: l.locality_name, need: weightedNeed({ population: l.population_0_19, deprivation: l.deprivation_score }) })),
    cohortTargets: { ...programme.cohort_targets },
    programmeTarget: programme.programme_target,
    thresholds: { at_risk: programme.status_thresholds.at_risk, off_track: programme.status_thresholds.off_track },
    phases: programme.phases.map((phase) => {
      const rules = programme.payment_rules.filter((r) => r.phase === phase.code);
      const attachmentFees: Record<string, number> = {};
      for (const rule of rules.filter((r) => r.claim_type === 'attachment_fee')) {
        for (const year of rule.years.length > 0 ? rule.years : ['*']) attachmentFees[year] = rule.max_amount_gbp;
      }
      const results = rules.filter((r) => r.claim_type !== 'attachment_fee').map((r) => r.max_amount_gbp);
      return {
        code: phase.code,
        title: phase.title,
        start: phase.start,
        end: phase.end,
        attachmentFees,
        maxResultsPayment: results.length > 0 ? Math.max(...results) : 0,
      };
    }),
    quarters: [...quarters],
  };
}
