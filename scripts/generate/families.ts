/**
 * Family episodes: who was identified when, under which phase, where, and how the episode ran
 * (attached within weeks, worked with for 6-18 months, closed). The shape follows the council
 * reports: cohorts sized by the year's target, heavier in a phase's early years.
 */
import type { Programme } from '../../src/lib/reference/schema.ts';
import { addMonths, dayOf, financialYearEnd, financialYearOf, financialYearStart } from './days.ts';
import { financialYearLabel } from '../../src/lib/period/quarter.ts';
import type { Random } from './random.ts';
import type { Reference } from '../../src/lib/reference/load.ts';

export type Phase = Programme['phases'][number];

export interface FamilyEpisode {
  ref: string;
  locality: string;
  /** Empty when the address could not be matched to an LSOA. */
  lsoa: string;
  phase: Phase;
  /** Start year of the financial year whose cohort target the family counts towards. */
  cohortYear: number;
  identified: number;
  attached: number | null;
  closed: number | null;
  criteria: string[];
  leadAgency: string;
  adults: number;
  children: number;
  /** How readily the family's problems improve (0-1); drives outcomes, never written out. */
  propensity: number;
}

/** Families to identify in one financial year. */
export interface CohortPlan {
  startYear: number;
  count: number;
}

const FIRST_YEAR = 2012;

/** Finds the phase running on a day; the phases' dates are parsed once, not per family. */
export function phaseFinder(programme: Programme): (day: number) => Phase | undefined {
  const ranges = programme.phases.map((phase) => ({
    phase,
    start: dayOf(phase.start),
    end: phase.end === null ? Number.POSITIVE_INFINITY : dayOf(phase.end),
  }));
  return (day) => ranges.find((r) => day >= r.start && day <= r.end)?.phase;
}

/**
 * Spreads `total` families over the financial years up to the as-at date in proportion to each
 * year's cohort target. A per-year performance factor puts some years behind target (so the
 * site's "at risk" and "off track" statuses have something to show) and the current year counts
 * only the share of it that has passed.
 */
export function planCohorts(ref: Reference, asAt: number, total: number, random: Random): CohortPlan[] {
  const lastYear = financialYearOf(asAt);
  const phaseOn = phaseFinder(ref.programme);
  const weights: { startYear: number; weight: number }[] = [];
  for (let year = FIRST_YEAR; year <= lastYear; year++) {
    const target = ref.programme.cohort_targets[financialYearLabel(year)] ?? 0;
    const start = financialYearStart(year);
    const end = Math.min(financialYearEnd(year), asAt);
    const elapsed = (end - start + 1) / (financialYearEnd(year) - start + 1);
    const performance = random.uniform(0.8, 1.1);
    const covered = phaseOn(start) !== undefined || phaseOn(end) !== undefined;
    weights.push({ startYear: year, weight: covered ? target * performance * elapsed : 0 });
  }
  const sum = weights.reduce((s, w) => s + w.weight, 0);
  if (sum === 0) return [];
  // Largest remainder, so the counts add up to exactly `total`.
  const exact = weights.map((w) => (w.weight / sum) * total);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const shortfall = total - counts.reduce((s, c) => s + c, 0);
  for (let k = 0; k < shortfall; k++) {
    const i = order[k % order.length]?.[1] ?? 0;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return weights.map((w, i) => ({ startYear: w.startYear, count: counts[i] ?? 0 })).filter((p) => p.count > 0);
}

// Crockford's base32 alphabet: no I, L, O or U, so a reference cannot be misread or spell words.
const REF_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const HALF_BITS = 20;
const HALF_MASK = (1 << HALF_BITS) - 1;

/**
 * The reference of the n-th family: 8 base32 characters (40 bits) from a keyed Feistel
 * permutation of n. A permutation never repeats, so references are unique without remembering
 * the ones already issued (the benchmark makes hundreds of thousands), yet look random.
 */
export function familyRef(index: number, seed: number): string {
  let left = Math.floor(index / 2 ** HALF_BITS) & HALF_MASK;
  let right = index & HALF_MASK;
  for (let round = 0; round < 4; round++) {
    let h = Math.imul(right ^ Math.imul(seed, 0x9e3779b1) ^ Math.imul(round + 1, 0x85ebca6b), 0xcc9e2d51);
    h ^= h >>> 15;
    h = Math.imul(h, 0x1b873593);
    h ^= h >>> 13;
    [left, right] = [right, (left ^ h) & HALF_MASK];
  }
  // 40 bits as two 20-bit halves, each four base32 characters.
  let ref = '';
  for (const half of [left, right]) {
    for (let shift = 15; shift >= 0; shift -= 5) ref += REF_ALPHABET[(half >>> shift) & 31];
  }
  return ref;
}

/** Fictional LSOAs: E01099 + locality number + two digits, about one per 370 residents aged 0-19. */
function lsoaCodes(ref: Reference): Map<string, string[]> {
  return new Map(
    ref.localities.map((locality, i) => {
      const count = Math.min(99, Math.max(3, Math.round(locality.population_0_19 / 370)));
      const codes = Array.from({ length: count }, (_, n) => `E01099${(i + 1) % 10}${String(n + 1).padStart(2, '0')}`);
      return [locality.locality_code, codes];
    }),
  );
}

// How often each criterion is met: worklessness and education dominate the published cohorts.
const CRITERION_WEIGHT: Readonly<Record<string, number>> = {
  crime_asb: 1.2,
  education: 1.6,
  worklessness: 1.5,
  local_discretion: 0.5,
  children_need_help: 1.3,
  domestic_abuse: 1.0,
  health: 1.2,
  early_years: 0.6,
  substance_use: 0.6,
  family_relationships: 1.0,
  child_safety: 0.8,
  housing: 0.7,
  financial_stability: 1.3,
};

// Most families meet the minimum; a few meet several more.
const EXTRA_CRITERIA = [0, 1, 2, 3];
const EXTRA_CRITERIA_WEIGHTS = [5, 3, 1.5, 0.5];
const INDEXES = Array.from({ length: 64 }, (_, i) => i);

// The lead professional usually comes from the service closest to the family's main problem.
const AGENCY_WEIGHT: Readonly<Record<string, number>> = {
  early_help: 5,
  childrens_social_care: 1.5,
  youth_justice: 0.6,
  police: 0.4,
  schools: 1.2,
  health: 0.8,
  housing: 0.5,
  employment_adviser: 0.3,
  adult_social_care: 0.4,
};
const AGENCY_BOOST: Readonly<Record<string, readonly string[]>> = {
  crime_asb: ['youth_justice', 'police'],
  education: ['schools'],
  children_need_help: ['childrens_social_care'],
  child_safety: ['childrens_social_care'],
  worklessness: ['employment_adviser'],
  financial_stability: ['employment_adviser'],
  housing: ['housing'],
  health: ['health', 'adult_social_care'],
  substance_use: ['health', 'adult_social_care'],
  early_years: ['health'],
};

/** Picks at least the phase's minimum of criteria, weighted, in the phase's own order. */
function chooseCriteria(phase: Phase, random: Random): string[] {
  const codes = phase.criteria.map((c) => c.code);
  const extra = random.weighted(EXTRA_CRITERIA, EXTRA_CRITERIA_WEIGHTS);
  const wanted = Math.min(codes.length, phase.min_criteria + extra);
  const weights = codes.map((c) => CRITERION_WEIGHT[c] ?? 1);
  const chosen = new Array<boolean>(codes.length).fill(false);
  for (let n = 0; n < wanted; n++) {
    const i = random.weighted(INDEXES.slice(0, codes.length), weights);
    chosen[i] = true;
    weights[i] = 0; // without replacement
  }
  // Keep the phase's own order so the same set always reads the same way.
  return codes.filter((_, i) => chosen[i]);
}

function chooseLeadAgency(agencies: readonly string[], criteria: readonly string[], random: Random): string {
  const weights = agencies.map((agency) => {
    const boost = criteria.filter((c) => AGENCY_BOOST[c]?.includes(agency)).length;
    return (AGENCY_WEIGHT[agency] ?? 1) + 1.5 * boost;
  });
  return random.weighted(agencies, weights);
}

/**
 * The families of one round of the plan, in order of identification. Rounds after the first
 * repeat the plan with fresh draws when the benchmark asks for more rows than one round gives;
 * `refs` numbers families across rounds so each gets its own reference.
 */
export function* generateFamilies(
  ref: Reference,
  plan: readonly CohortPlan[],
  asAt: number,
  random: Random,
  refs: { seed: number; next: number },
): Generator<FamilyEpisode> {
  const lsoas = lsoaCodes(ref);
  const localityCodes = ref.localities.map((l) => l.locality_code);
  // Deprived localities refer more families: weight by 0-19 population times deprivation.
  const localityWeights = ref.localities.map((l) => l.population_0_19 * l.deprivation_score);
  const agencies = ref.programme.lead_agencies.map((a) => a.code);
  const phaseOn = phaseFinder(ref.programme);
  const phaseEnds = new Map(ref.programme.phases.flatMap((p) => (p.end === null ? [] : [[p.end, dayOf(p.end)] as const])));

  for (const { startYear, count } of plan) {
    const first = financialYearStart(startYear);
    const last = Math.min(financialYearEnd(startYear), asAt);
    const days = Array.from({ length: count }, () => random.int(first, last)).sort((a, b) => a - b);
    for (const identified of days) {
      const phase = phaseOn(identified);
      if (!phase) continue;
      const phaseEnd = phase.end === null ? Number.POSITIVE_INFINITY : phaseEnds.get(phase.end) ?? dayOf(phase.end);
      const locality = random.weighted(localityCodes, localityWeights);
      const lsoa = random.chance(0.06) ? '' : random.pick(lsoas.get(locality) ?? []);

      // Most families are attached within weeks; the minimum of two draws skews towards quick.
      let attached: number | null = identified + Math.min(random.int(0, 90), random.int(0, 90));
      if (random.chance(0.04)) attached = null; // declined, moved away or stepped up to statutory services
      if (attached !== null) attached = Math.min(attached, phaseEnd);
      if (attached !== null && attached > asAt) attached = null;

      let closed: number | null = null;
      if (attached !== null) {
        const months = random.int(6, 17);
        closed = addMonths(attached, months) + random.int(0, 27);
        if (closed > asAt) closed = null;
      }

      const criteria = chooseCriteria(phase, random);
      yield {
        ref: familyRef(refs.next++, refs.seed),
        locality,
        lsoa,
        phase,
        cohortYear: financialYearOf(attached ?? identified),
        identified,
        attached,
        closed,
        criteria,
        leadAgency: chooseLeadAgency(agencies, criteria, random),
        adults: random.weighted([1, 2, 3], [0.45, 0.45, 0.1]),
        children: random.weighted([1, 2, 3, 4, 5], [0.25, 0.3, 0.25, 0.12, 0.08]),
        propensity: random.next(),
      };
    }
  }
}
