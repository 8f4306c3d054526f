/**
 * Payment-by-results claims for one family, following its phase's payment rules in
 * data/reference/programme.json: an attachment fee soon after attachment, and a results
 * payment once the outcomes it rests on have been sustained (so at least six months after
 * they were achieved, as the councils' reports describe).
 */
import type { OutcomeRules } from '../../src/lib/reference/outcome-rules.ts';
import type { Programme } from '../../src/lib/reference/schema.ts';
import { financialYearLabel, quarterLabel, quarterOfDate } from '../../src/lib/period/quarter.ts';
import { addMonths, civilFromDays, dayOf, daysFromCivil, financialYearEnd, financialYearOf, isoOf } from './days.ts';
import type { FamilyEpisode } from './families.ts';
import type { OutcomeRecord } from './outcomes.ts';
import type { Random } from './random.ts';

type PaymentRule = Programme['payment_rules'][number];

export interface Claim {
  ref: string;
  familyRef: string;
  /** "2013-14 Q3": the financial quarter of the claim date. */
  window: string;
  type: string;
  date: number;
  amount: number;
}

/**
 * What makes a family eligible for each kind of results claim, and from when. Claim types
 * without a policy here are left unclaimed: the generator only fakes the rules it knows.
 */
interface ResultPolicy {
  /** Day the family became eligible, or null. */
  eligibleFrom(family: FamilyEpisode, outcomes: readonly OutcomeRecord[]): number | null;
}

/** What the generator reads of one phase's rules: payments, which result replaces which, and when results may be claimed. */
export interface PhaseClaimRules {
  payments: readonly PaymentRule[];
  /** The results claim types among the payments that the generator knows how to earn. */
  resultTypes: readonly { type: string; policy: ResultPolicy }[];
  /** Claim types each claim type is paid instead of (a rule's `replaces` in outcome-rules.json). */
  replaces: ReadonlyMap<string, readonly string[]>;
  /** Last day a results claim may be dated (the phase's end plus results_close_months), or null while it runs. */
  resultsUntil: number | null;
}

/** Each phase's claim rules, from programme.json and outcome-rules.json. */
export function phaseClaimRules(programme: Programme, rules: OutcomeRules | undefined): Map<string, PhaseClaimRules> {
  const typeOf = new Map((rules?.rules ?? []).map((r) => [r.code, r.claim_type]));
  const close = new Map((rules?.claim_periods ?? []).map((p) => [p.phase, p.results_close_months]));
  return new Map(
    programme.phases.map((phase) => {
      const replaces = new Map(
        (rules?.rules ?? [])
          .filter((r) => r.phase === phase.code && r.replaces?.length)
          .map((r) => [r.claim_type, (r.replaces ?? []).flatMap((code) => typeOf.get(code) ?? [])] as const),
      );
      const resultsUntil = phase.end === null ? null : addMonths(dayOf(phase.end), close.get(phase.code) ?? 0);
      const payments = programme.payment_rules.filter((r) => r.phase === phase.code);
      const resultTypes = [...new Set(payments.map((r) => r.claim_type))].flatMap((type) => {
        const policy = POLICIES[type];
        return policy ? [{ type, policy }] : [];
      });
      return [phase.code, { payments, resultTypes, replaces, resultsUntil }];
    }),
  );
}

/** Day an outcome had held for its measure's sustain period, or null if it has not. */
function sustainedFrom(outcome: OutcomeRecord): number | null {
  if (outcome.achieved === null || outcome.sustainedTo === null) return null;
  const due = addMonths(outcome.achieved, outcome.measure.sustain_months);
  return outcome.sustainedTo >= due ? due : null;
}

/** The latest day all the outcomes were sustained, or null when any was not. */
function allSustained(outcomes: readonly OutcomeRecord[]): number | null {
  if (outcomes.length === 0) return null;
  let latest = Number.NEGATIVE_INFINITY;
  for (const outcome of outcomes) {
    const day = sustainedFrom(outcome);
    if (day === null) return null;
    latest = Math.max(latest, day);
  }
  return latest;
}

const byMeasure = (code: string) => (outcomes: readonly OutcomeRecord[]) => outcomes.filter((o) => o.measure.code === code);

const POLICIES: Readonly<Record<string, ResultPolicy>> = {
  continuous_employment: {
    eligibleFrom: (_f, outcomes) => allSustained(byMeasure('continuous_employment')(outcomes)),
  },
  results_crime_education: {
    eligibleFrom: (_f, outcomes) => allSustained(outcomes.filter((o) => o.measure.criterion === 'crime_asb' || o.measure.criterion === 'education')),
  },
  progress_to_work: {
    eligibleFrom: (_f, outcomes) => allSustained(byMeasure('progress_to_work')(outcomes)),
  },
  // Progress against every problem; for worklessness, progress to work is enough (continuous
  // employment has a claim of its own).
  significant_sustained_progress: {
    eligibleFrom: (_f, outcomes) => allSustained(outcomes.filter((o) => o.measure.code !== 'continuous_employment')),
  },
  // Supporting Families: every need's outcome held for six months after the case closed.
  successful_family_outcome: {
    eligibleFrom(family, outcomes) {
      const sustained = allSustained(outcomes);
      if (sustained === null || family.closed === null) return null;
      const due = addMonths(family.closed, 6);
      return outcomes.every((o) => o.sustainedTo !== null && o.sustainedTo >= due) ? Math.max(sustained, due) : null;
    },
  },
};

function ruleFor(rules: readonly PaymentRule[], type: string, startYear: number): PaymentRule | undefined {
  const label = financialYearLabel(startYear);
  return rules.find((r) => r.claim_type === type && (r.years.length === 0 || r.years.includes(label)));
}

/**
 * Share of the maximum results payment a cohort year earns. Phase 1 paid a fixed sum per family
 * (the smallest attachment fee plus the largest results payment: £1,600 + £2,400 = £4,000) split
 * between attachment fee and results, so a year with a higher attachment fee pays less results.
 * Phases with one flat attachment fee, or none, pay results in full.
 */
function resultsShare(rules: readonly PaymentRule[], cohortYear: number): number {
  const fees = rules.filter((r) => r.claim_type === 'attachment_fee' && r.years.length > 0);
  const fee = ruleFor(fees, 'attachment_fee', cohortYear)?.max_amount_gbp;
  if (fee === undefined) return 1;
  const largest = Math.max(...rules.filter((r) => r.claim_type !== 'attachment_fee').map((r) => r.max_amount_gbp));
  const smallestFee = Math.min(...fees.map((r) => r.max_amount_gbp));
  if (!(largest > 0)) return 1;
  return Math.min(1, Math.max(0, (largest + smallestFee - fee) / largest));
}

/** Claims go in on the 15th of the last month of a quarter: the first such day on or after `day`. */
function nextClaimDay(day: number): number {
  const [year, month] = civilFromDays(day);
  // Months 3, 6, 9 and 12 end the financial quarters.
  const quarterEndMonth = Math.ceil(month / 3) * 3;
  const candidate = daysFromCivil(year, quarterEndMonth, 15);
  if (candidate >= day) return candidate;
  return quarterEndMonth === 12 ? daysFromCivil(year + 1, 3, 15) : daysFromCivil(year, quarterEndMonth + 3, 15);
}

export function generateClaims(
  family: FamilyEpisode,
  outcomes: readonly OutcomeRecord[],
  phase: PhaseClaimRules,
  asAt: number,
  random: Random,
): Claim[] {
  const rules = phase.payments;
  if (family.attached === null || rules.length === 0) return [];
  const claims: Omit<Claim, 'ref' | 'window'>[] = [];

  // The attachment fee is claimed within weeks, in the year of attachment (its rate depends on it).
  const feeDay = Math.min(family.attached + random.int(7, 45), financialYearEnd(financialYearOf(family.attached)));
  const fee = ruleFor(rules, 'attachment_fee', financialYearOf(feeDay));
  if (fee && feeDay <= asAt) claims.push({ familyRef: family.ref, type: 'attachment_fee', date: feeDay, amount: fee.max_amount_gbp });

  const share = resultsShare(rules, family.cohortYear);
  const eligible = phase.resultTypes.flatMap(({ type, policy }) => {
    const from = policy.eligibleFrom(family, outcomes);
    return from === null ? [] : [{ type, from }];
  });
  const replaced = new Set(eligible.flatMap((e) => phase.replaces.get(e.type) ?? []));
  for (const { type, from } of eligible.filter((e) => !replaced.has(e.type))) {
    // A few eligible families are never claimed for: evidence missing or the window missed.
    if (random.chance(0.05)) continue;
    const date = nextClaimDay(from + random.int(7, 60));
    const rule = ruleFor(rules, type, financialYearOf(date));
    if (!rule || date > asAt || (phase.resultsUntil !== null && date > phase.resultsUntil)) continue;
    claims.push({ familyRef: family.ref, type, date, amount: Math.round(rule.max_amount_gbp * share * 100) / 100 });
  }

  return claims.map((claim, i) => {
    const quarter = quarterOfDate(isoOf(claim.date));
    return {
      ...claim,
      ref: `C${quarter.startYear}Q${quarter.quarter}-${family.ref}-${i + 1}`,
      window: quarterLabel(quarter),
    };
  });
}
