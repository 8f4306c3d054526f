/**
 * Every outcome rule evaluated for every family of its phase, from the typed `families` and
 * `outcomes` tables and the rule tables (ruleTables.ts). One row per family and rule:
 *
 *   family_ref, rule, phase, claim_type, title
 *   sustained_on    the day every outcome the rule asks for had held long enough; NULL if not yet
 *   not_sustained   why sustained_on is NULL, in words for a message; NULL when it is set
 *   evidence_met    every measured value meets the rule's thresholds (falls, limits)
 *   evidence_short  the measures whose values do not, for a message
 *   followup_short  each measure followed up for less than the rule's minimum period, in words
 *                   (empty when none is): such a measurement does not meet the rule
 *   met_on          sustained_on when the evidence is met and followed up long enough: the day
 *                   the family became claimable
 *
 * The parts are kept apart because claims are checked on each but report them differently: a
 * claim before its outcomes were sustained, or on too short a follow-up, is refused; thresholds
 * depend on baselines an extract may lack, so the claim check warns on those.
 */
import type { SqlQuery } from '../../../src/lib/sql/query.ts';

/** Margin for "a fall of at least 60%": 0.6 × 10 is 6.000000000000001 in floating point. */
const EPSILON = 1e-9;

/**
 * The evaluation, for every family and rule of its phase, or only for the (family_ref, rule)
 * pairs that `pairs` (a SELECT) lists: the claims checks judge just the rules claimed, which at
 * national scale is a fraction of the families times rules.
 */
export function outcomeRuleResultsSql(pairs?: string): string {
  return `
WITH fam_rules AS (
  SELECT f.family_ref, f.programme_phase AS phase, list_distinct(coalesce(f.criteria, []::VARCHAR[])) AS needs, f.date_closed,
         r.rule, r.claim_type, r.title, r.min_needs, r.held_after_closure_months
  FROM families f JOIN __ref_outcome_rules r ON r.phase = f.programme_phase
  ${pairs === undefined ? '' : `SEMI JOIN (${pairs}) wanted ON wanted.family_ref = f.family_ref AND wanted.rule = r.rule`}
),
evidencing AS (
  -- Which measures evidence which need under each every-need rule, worked out on the small rule
  -- tables first: with the exception in the families' join, DuckDB fell back to a nested loop.
  SELECT c.rule, c.position, m.criterion, m.code
  FROM __ref_outcome_conditions c JOIN __ref_outcome_measures m ON NOT list_contains(c.except_measures, m.code)
  WHERE c.kind = 'every_need'
),
req AS (
  -- A named measure, skipped when it depends on a criterion the family was not identified on.
  SELECT fr.family_ref, fr.rule, c.measure, c.measure AS item, c.below, c.at_least, c.fall_at_least, c.followup_months, c.sustain_months
  FROM fam_rules fr JOIN __ref_outcome_conditions c ON c.rule = fr.rule AND c.kind = 'measure'
  WHERE c.if_criterion IS NULL OR list_contains(fr.needs, c.if_criterion)
  UNION ALL
  -- Every need, through each measure evidencing it. A need no measure evidences keeps a row with
  -- no measure, which nothing can meet: the family cannot show progress on it.
  SELECT n.family_ref, n.rule, e.code, coalesce(e.code, n.need), NULL, NULL, NULL, c.followup_months, c.sustain_months
  FROM (SELECT family_ref, rule, unnest(needs) AS need FROM fam_rules) n
  JOIN __ref_outcome_conditions c ON c.rule = n.rule AND c.kind = 'every_need'
  LEFT JOIN evidencing e ON e.rule = c.rule AND e.position = c.position AND e.criterion = n.need
),
ev AS (
  SELECT req.family_ref, req.rule, req.item, o.date_sustained_to,
    CAST(o.date_achieved + to_months(coalesce(req.sustain_months, m.sustain_months, 0)) AS DATE) AS due,
    coalesce(o.date_achieved IS NOT NULL
      AND o.date_sustained_to >= CAST(o.date_achieved + to_months(coalesce(req.sustain_months, m.sustain_months, 0)) AS DATE), false) AS sustained,
    coalesce(o.family_ref IS NOT NULL
      AND (req.below IS NULL OR o.followup_value < req.below)
      AND (req.at_least IS NULL OR o.followup_value >= req.at_least)
      AND (req.fall_at_least IS NULL OR (o.baseline_value > 0 AND o.baseline_value - o.followup_value >= req.fall_at_least * o.baseline_value - ${EPSILON})), false) AS evidence_met,
    -- A change measured over less than the minimum period (or over no recorded period) is not the
    -- change the rule pays for, however large.
    coalesce(req.followup_months IS NULL OR o.followup_period_end >= CAST(o.followup_period_start + to_months(req.followup_months) AS DATE), false) AS followup_met,
    -- Worded only where it falls short: most rows need no message.
    CASE
      WHEN req.followup_months IS NULL OR o.followup_period_end >= CAST(o.followup_period_start + to_months(req.followup_months) AS DATE) THEN NULL
      WHEN o.followup_period_start IS NULL OR o.followup_period_end IS NULL
        THEN req.item || ' has no follow-up period, and the rule asks for ' || req.followup_months || ' months'
      ELSE req.item || ' was followed up from ' || strftime(o.followup_period_start, '%Y-%m-%d') || ' to ' || strftime(o.followup_period_end, '%Y-%m-%d')
        || ', less than the ' || req.followup_months || ' months the rule asks for'
    END AS followup_gap
  FROM req
  LEFT JOIN outcomes o ON o.family_ref = req.family_ref AND o.outcome_measure = req.measure
  LEFT JOIN __ref_outcome_measures m ON m.code = req.measure
),
per AS (
  -- Plain lists here, sorted and made distinct per row below: an ordered DISTINCT aggregate costs
  -- a sort per group, which at national scale was most of the evaluation.
  SELECT family_ref, rule, bool_and(sustained) AS sustained, max(due) AS last_due, min(date_sustained_to) AS held_to,
    bool_and(evidence_met) AS evidence_met, bool_and(followup_met) AS followup_met,
    list(item) FILTER (WHERE NOT sustained) AS not_sustained,
    list(item) FILTER (WHERE NOT evidence_met) AS evidence_short,
    list(followup_gap) FILTER (WHERE NOT followup_met) AS followup_short
  FROM ev GROUP BY family_ref, rule
),
judged AS (
  SELECT fr.family_ref, fr.rule, fr.phase, fr.claim_type, fr.title, p.last_due, p.evidence_met, p.followup_met,
    list_sort(list_distinct(p.evidence_short)) AS evidence_short, list_sort(list_distinct(p.followup_short)) AS followup_short,
    CASE WHEN fr.held_after_closure_months IS NOT NULL THEN CAST(fr.date_closed + to_months(fr.held_after_closure_months) AS DATE) END AS closure_due,
    CASE
      WHEN p.family_ref IS NULL THEN 'none of the outcomes it measures applies to the family''s criteria'
      WHEN fr.min_needs IS NOT NULL AND len(fr.needs) < fr.min_needs
        THEN 'the family has ' || len(fr.needs) || ' need(s) and the rule asks for at least ' || fr.min_needs
      WHEN NOT p.sustained THEN 'not achieved and sustained: ' || array_to_string(list_sort(list_distinct(p.not_sustained)), ', ')
      WHEN fr.held_after_closure_months IS NOT NULL AND fr.date_closed IS NULL THEN 'the case has not closed'
      WHEN fr.held_after_closure_months IS NOT NULL AND p.held_to < CAST(fr.date_closed + to_months(fr.held_after_closure_months) AS DATE)
        THEN 'an outcome held only to ' || strftime(p.held_to, '%Y-%m-%d') || ', not ' || fr.held_after_closure_months || ' months after closure'
    END AS not_sustained
  FROM fam_rules fr LEFT JOIN per p ON p.family_ref = fr.family_ref AND p.rule = fr.rule
)
SELECT family_ref, rule, phase, claim_type, title, not_sustained,
  CASE WHEN not_sustained IS NULL THEN greatest(last_due, coalesce(closure_due, last_due)) END AS sustained_on,
  coalesce(evidence_met, false) AS evidence_met,
  coalesce(evidence_short, []::VARCHAR[]) AS evidence_short,
  coalesce(followup_short, []::VARCHAR[]) AS followup_short,
  CASE WHEN not_sustained IS NULL AND evidence_met AND followup_met THEN greatest(last_due, coalesce(closure_due, last_due)) END AS met_on
FROM judged
`;
}

export const outcomeRuleResults: SqlQuery<never> = {
  name: 'outcome-rule-results',
  params: [],
  sql: outcomeRuleResultsSql(),
};
