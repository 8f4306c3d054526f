/**
 * Outcome rules (data/reference/outcome-rules.json): when a family's measured outcomes make it
 * claimable for a results payment. A council edits or adds a rule here, never in code; the
 * pipeline evaluates every rule in SQL (scripts/pipeline/outcomes/) and checks claims against it.
 *
 * A rule belongs to one phase and pays one claim type. It is met when every requirement its
 * conditions raise for the family is met; a rule that raises no requirement for a family (say,
 * crime and education outcomes for a family identified on neither) is not met. A measurement
 * followed up for less than its minimum period does not meet it, and a rule may replace others
 * of its phase: the family is paid under one of them, never both (phase 1's continuous
 * employment is the full results payment).
 */
import { z } from 'zod';
import type { Programme } from './schema.ts';

const code = z.string().regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and underscores');
const months = z.number().int().min(0);

/** One named outcome measure, with thresholds on its follow-up and baseline values. */
export const measureConditionSchema = z.object({
  kind: z.literal('measure').describe('A named outcome measure.'),
  measure: code.describe('Outcome measure (an outcome_measures code in programme.json).'),
  if_criterion: code.optional().describe('Only for families identified on this criterion; skipped for others.'),
  below: z.number().optional().describe('The follow-up value must be below this (e.g. 3 exclusions, 15% absence).'),
  at_least: z.number().optional().describe('The follow-up value must be at least this (e.g. 1 for "on the Work Programme").'),
  fall_at_least: z.number().min(0).max(1).optional().describe('The follow-up must be at least this share below a baseline above 0 (0.6 for a 60% fall).'),
  followup_months: months
    .optional()
    .describe("Minimum follow-up: followup_period_start to followup_period_end must cover at least this many months (three terms, six months); a shorter or missing period does not meet the rule. The rule's followup_months when absent."),
  sustain_months: months.optional().describe("Months the outcome must hold after it was achieved; the measure's sustain_months when absent."),
});

/** Every need the family was identified on, each through every measure that evidences it. */
export const everyNeedConditionSchema = z.object({
  kind: z.literal('every_need').describe("Every criterion of the family, through each outcome measure evidencing it."),
  except_measures: z.array(code).optional().describe('Measures left out (e.g. continuous_employment where it has a claim of its own).'),
  followup_months: months.optional().describe("Minimum follow-up of each of these measures, as for a measure condition; the rule's followup_months when absent."),
  sustain_months: months.optional().describe("Months each outcome must hold; the measure's sustain_months when absent."),
});

export const outcomeConditionSchema = z.discriminatedUnion('kind', [measureConditionSchema, everyNeedConditionSchema]);
export type OutcomeCondition = z.infer<typeof outcomeConditionSchema>;

export const outcomeRuleSchema = z.object({
  code: code.describe('Code of the rule, shown in the internal claims file.'),
  title: z.string().min(1).describe('What the rule pays for, in words.'),
  phase: code.describe('Phase whose families the rule applies to.'),
  claim_type: code.describe('The results claim the rule makes a family eligible for (a payment rule of the phase).'),
  min_needs: z.number().int().min(1).optional().describe('The family must have been identified on at least this many criteria.'),
  held_after_closure_months: months.optional().describe('Every outcome must still hold this many months after the case closed.'),
  followup_months: months.optional().describe('Minimum follow-up period, in months, of every measure the rule reads, unless a condition sets its own.'),
  replaces: z
    .array(code)
    .optional()
    .describe('Codes of rules of the same phase this rule replaces: a family is paid under this rule or under those, never both (continuous employment, the full results payment, replaces the other phase 1 results).'),
  all_of: z.array(outcomeConditionSchema).min(1).describe('Conditions, all of which must hold (see the condition tables).'),
});
export type OutcomeRule = z.infer<typeof outcomeRuleSchema>;

export const claimPeriodSchema = z.object({
  phase: code.describe('Phase the period belongs to.'),
  results_close_months: months.describe("Results claims are accepted until this many months after the phase's end (they lag the work)."),
});

export const outcomeRulesSchema = z.object({
  schema_version: z.literal(1).describe("Version of this file's format: 1."),
  claim_periods: z.array(claimPeriodSchema).optional().describe('How long after each phase results may still be claimed; 0 months when a phase is absent.'),
  rules: z.array(outcomeRuleSchema).describe('The outcome rules (see the rule table).'),
});
export type OutcomeRules = z.infer<typeof outcomeRulesSchema>;

export const OUTCOME_RULES_FILE = 'outcome-rules.json';

/** A problem found across files, at a path inside outcome-rules.json. */
export interface OutcomeRuleProblem {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
  readonly fix: string;
}

/**
 * The longest follow-up any rule asks of each measure, in months: a measurement followed up at
 * least this long meets every rule's minimum. Measures no rule sets a minimum for are absent.
 */
export function longestFollowupMonths(rules: OutcomeRules, programme: Programme): Map<string, number> {
  const longest = new Map<string, number>();
  const ask = (measure: string, months: number | undefined) => {
    if (months !== undefined && months > (longest.get(measure) ?? -1)) longest.set(measure, months);
  };
  for (const rule of rules.rules) {
    for (const condition of rule.all_of) {
      const months = condition.followup_months ?? rule.followup_months;
      if (condition.kind === 'measure') ask(condition.measure, months);
      else for (const m of programme.outcome_measures) if (!(condition.except_measures ?? []).includes(m.code)) ask(m.code, months);
    }
  }
  return longest;
}

/**
 * References from the rules to programme.json: phases, claim types of the phase, measures and
 * criteria. One rule per phase and claim type, so a claim is checked against exactly one rule.
 */
export function outcomeRuleProblems(rules: OutcomeRules, programme: Programme): OutcomeRuleProblem[] {
  const problems: OutcomeRuleProblem[] = [];
  const phases = new Map(programme.phases.map((p) => [p.code, p]));
  const measures = new Set(programme.outcome_measures.map((m) => m.code));
  const seenCode = new Map<string, number>();
  const seenClaim = new Map<string, number>();
  rules.rules.forEach((rule, i) => {
    const at = (...path: (string | number)[]) => ['rules', i, ...path];
    const first = seenCode.get(rule.code);
    if (first !== undefined) problems.push({ path: at('code'), code: 'duplicate_code', message: `rules[${i}].code "${rule.code}" repeats rules[${first}].code.`, fix: 'Give every rule its own code.' });
    else seenCode.set(rule.code, i);
    const phase = phases.get(rule.phase);
    if (!phase) {
      problems.push({ path: at('phase'), code: 'unknown_phase', message: `rules[${i}].phase "${rule.phase}" is not a phase of programme.json.`, fix: `Use one of: ${[...phases.keys()].join(', ')}.` });
      return;
    }
    const claimTypes = new Set(programme.payment_rules.filter((p) => p.phase === rule.phase).map((p) => p.claim_type));
    if (!claimTypes.has(rule.claim_type)) {
      problems.push({ path: at('claim_type'), code: 'invalid_reference', message: `rules[${i}].claim_type "${rule.claim_type}" has no payment rule in phase "${rule.phase}".`, fix: `Use a claim type of the phase's payment rules (${[...claimTypes].join(', ') || 'none'}), or add a payment rule to programme.json.` });
    }
    const key = `${rule.phase}\u0000${rule.claim_type}`;
    const other = seenClaim.get(key);
    if (other !== undefined) problems.push({ path: at('claim_type'), code: 'duplicate_code', message: `rules[${i}] pays ${rule.claim_type} in ${rule.phase}, as rules[${other}] does.`, fix: 'Keep one rule per phase and claim type: merge their conditions.' });
    else seenClaim.set(key, i);
    (rule.replaces ?? []).forEach((other, k) => {
      const target = rules.rules.find((r) => r.code === other);
      if (!target || target.phase !== rule.phase || other === rule.code) {
        const ofPhase = rules.rules.filter((r) => r.phase === rule.phase && r.code !== rule.code).map((r) => r.code);
        problems.push({ path: at('replaces', k), code: 'invalid_reference', message: `rules[${i}].replaces "${other}" is not another rule of phase "${rule.phase}".`, fix: `Use the code of another rule of the phase (${ofPhase.join(', ') || 'none'}).` });
      }
    });
    const criteria = new Set(phase.criteria.map((c) => c.code));
    rule.all_of.forEach((condition, j) => {
      const named = condition.kind === 'measure' ? [{ path: at('all_of', j, 'measure'), value: condition.measure }] : (condition.except_measures ?? []).map((value, k) => ({ path: at('all_of', j, 'except_measures', k), value }));
      for (const { path, value } of named) {
        if (!measures.has(value)) problems.push({ path, code: 'invalid_reference', message: `"${value}" is not an outcome measure of programme.json.`, fix: `Use one of: ${[...measures].join(', ')}.` });
      }
      if (condition.kind === 'measure' && condition.if_criterion !== undefined && !criteria.has(condition.if_criterion)) {
        problems.push({ path: at('all_of', j, 'if_criterion'), code: 'unknown_criterion', message: `"${condition.if_criterion}" is not a criterion of phase "${rule.phase}".`, fix: `Use one of: ${[...criteria].join(', ')}.` });
      }
    });
  });
  (rules.claim_periods ?? []).forEach((period, i) => {
    if (!phases.has(period.phase)) problems.push({ path: ['claim_periods', i, 'phase'], code: 'unknown_phase', message: `claim_periods[${i}].phase "${period.phase}" is not a phase of programme.json.`, fix: `Use one of: ${[...phases.keys()].join(', ')}.` });
  });
  return problems;
}
