/**
 * Claims checked as a payment-by-results auditor would, against the accepted families, their
 * outcomes and the outcome rules (data/reference/outcome-rules.json):
 *
 *   claim_family_not_attached      no key worker was ever attached, so nothing can be claimed
 *   claim_before_attachment        the claim is dated before the family was attached
 *   claim_outside_phase            before the phase began, or after its last claim date
 *   duplicate_results_claim        the family's result of this type was already claimed
 *   results_claim_replaced         the family was already claimed for a result this one replaces,
 *                                  or that replaces this one (paid one or the other, never both)
 *   results_claim_before_sustained the rule's outcomes had not all held long enough by the claim date
 *   results_claim_followup_short   a measurement was followed up for less than the rule's minimum
 *   results_claim_thresholds       (warning) a measured value misses the rule's threshold
 *
 * A results claim is a claim type some outcome rule pays for the family's phase; an attachment
 * fee is not one. Claims are validated after families and outcomes (validateExtracts keeps the
 * contract's order), so both typed tables exist here.
 */
import { outcomeRuleResultsSql } from '../outcomes/ruleResults.ts';
import { issueColumns, text, type CheckContext } from './checkContext.ts';
import { FAMILIES_TABLE } from './codeChecks.ts';

const REQUIRED = ['family_ref', 'claim_type', 'claim_window', 'claim_date'];

export function claimChecks(ctx: CheckContext): string[] {
  if (ctx.spec.table !== 'claims' || !REQUIRED.every((c) => ctx.position(c) > 0)) return [];
  // Each claim with its family and, for results claims, the rule that pays it.
  const claims = `SELECT s.__line, s.family_ref, s.claim_window, s.claim_type, s.claim_date, f.programme_phase AS phase, f.date_attached,
      r.rule IS NOT NULL AS results, r.rule,
      p.start_date, CASE WHEN r.rule IS NOT NULL THEN CAST(p.end_date + to_months(p.results_close_months) AS DATE) ELSE p.end_date END AS last_date
    FROM ${ctx.stage} s JOIN ${FAMILIES_TABLE} f ON f.family_ref = s.family_ref
    LEFT JOIN __ref_outcome_rules r ON r.phase = f.programme_phase AND r.claim_type = s.claim_type
    LEFT JOIN __ref_claim_periods p ON p.phase = f.programme_phase
    WHERE s.claim_date IS NOT NULL AND s.claim_type IS NOT NULL AND s.claim_window IS NOT NULL`;
  // Evaluated once, for just the rules claimed (not every family's every rule), and read by the
  // results checks.
  const rules = outcomeRuleResultsSql('SELECT DISTINCT family_ref, rule FROM c WHERE results');
  const checks = [
    `SELECT ${issueColumns(ctx, {
      column: 'family_ref', code: 'claim_family_not_attached', severity: 'error',
      message: `'Family ' || c.family_ref || ' was never attached (date_attached is empty in families.csv), so no ' || c.claim_type || ' claim can be made for it.'`,
      fix: text('Give the date the key worker was attached in families.csv, or remove the claim: payment by results pays only for families worked with.'),
    })} FROM c WHERE c.date_attached IS NULL`,
    `SELECT ${issueColumns(ctx, {
      column: 'claim_date', code: 'claim_before_attachment', severity: 'error',
      message: `'claim_date ' || tfo_iso(c.claim_date) || ' is before family ' || c.family_ref || ' was attached on ' || tfo_iso(c.date_attached) || '.'`,
      fix: text('Check the claim date and the date_attached of the family in families.csv: a claim follows attachment.'),
    })} FROM c WHERE c.claim_date < c.date_attached`,
    `SELECT ${issueColumns(ctx, {
      column: 'claim_date', code: 'claim_outside_phase', severity: 'error',
      message: `'claim_date ' || tfo_iso(c.claim_date) || ' is outside ' || c.phase || ', whose ' || CASE WHEN c.results THEN 'results ' ELSE '' END || 'claims run from ' || tfo_iso(c.start_date) || ' to ' || tfo_iso(c.last_date) || '.'`,
      fix: text("Check the claim date and the family's programme_phase; phase dates are in data/reference/programme.json and the months results may follow a phase's end in outcome-rules.json."),
    })} FROM c WHERE c.claim_date < c.start_date OR c.claim_date > c.last_date`,
    // The first claim of a result (by date, then line) stands; every later one is a second payment.
    // A join to the earlier claims rather than a window over every claim: few results repeat.
    `SELECT ${issueColumns(ctx, {
      column: 'claim_type', code: 'duplicate_results_claim', severity: 'error',
      message: `'Family ' || family_ref || ' already has a ' || claim_type || ' claim on line ' || first_line || CASE WHEN first_window = claim_window THEN ' in the same claim window ' || claim_window ELSE ' (claim window ' || first_window || ')' END || '; a result is paid once per family.'`,
      fix: text('Remove the repeated claim, or correct its family_ref or claim_type.'),
    })} FROM (
      SELECT c.__line, c.family_ref, c.claim_type, c.claim_window,
        arg_min(x.__line, (x.claim_date, x.__line)) AS first_line, arg_min(x.claim_window, (x.claim_date, x.__line)) AS first_window
      FROM c JOIN c x ON x.family_ref = c.family_ref AND x.claim_type = c.claim_type AND x.results
      WHERE c.results AND (x.claim_date < c.claim_date OR (x.claim_date = c.claim_date AND x.__line < c.__line))
      GROUP BY ALL)`,
    // Of two results that replace one another, the first claimed (by date, then line) stands.
    `SELECT ${issueColumns(ctx, {
      column: 'claim_type', code: 'results_claim_replaced', severity: 'error',
      message: `'Family ' || family_ref || ' already has a ' || other_type || ' claim on line ' || other_line || CASE WHEN other_window = claim_window THEN ' in the same claim window ' || claim_window ELSE ' (claim window ' || other_window || ')' END
        || '; rule ' || CASE WHEN replaced_by_other THEN other_rule || ' replaces rule ' || rule ELSE rule || ' replaces rule ' || other_rule END || ', so the family is paid ' || claim_type || ' or ' || other_type || ', never both.'`,
      fix: text('Keep one of the two claims and remove the other (continuous employment is the full results payment); which rules replace which is set by "replaces" in data/reference/outcome-rules.json.'),
    })} FROM (
      SELECT c.*, x.__line AS other_line, x.claim_type AS other_type, x.claim_window AS other_window, k.other_rule, k.replaced_by_other,
        row_number() OVER (PARTITION BY c.__line ORDER BY x.claim_date, x.__line) AS n
      FROM c JOIN __ref_rule_conflicts k ON k.rule = c.rule
      JOIN c x ON x.family_ref = c.family_ref AND x.rule = k.other_rule
      WHERE c.results AND (x.claim_date < c.claim_date OR (x.claim_date = c.claim_date AND x.__line < c.__line)))
    WHERE n = 1`,
    `SELECT ${issueColumns(ctx, {
      column: 'claim_date', code: 'results_claim_before_sustained', severity: 'error',
      message: `CASE WHEN o.sustained_on IS NOT NULL
          THEN 'claim_date ' || tfo_iso(c.claim_date) || ' is before the outcomes of rule ' || c.rule || ' were sustained, on ' || tfo_iso(o.sustained_on) || '.'
          ELSE 'claim_date ' || tfo_iso(c.claim_date) || ': the outcomes of rule ' || c.rule || ' are not sustained (' || coalesce(o.not_sustained, 'no outcome is recorded') || ').' END`,
      fix: text('Claim results only once every outcome the rule names has held for its sustain period (see outcomes.csv: date_achieved, date_sustained_to); the rule is in data/reference/outcome-rules.json.'),
    })} FROM c LEFT JOIN o ON o.family_ref = c.family_ref AND o.rule = c.rule
    WHERE c.results AND (o.sustained_on IS NULL OR c.claim_date < o.sustained_on)`,
    `SELECT ${issueColumns(ctx, {
      column: 'claim_type', code: 'results_claim_followup_short', severity: 'error',
      message: `'The follow-up is too short for rule ' || c.rule || ': ' || array_to_string(o.followup_short, '; ') || '.'`,
      fix: text('Claim once each measure has been followed up for the period the rule names (outcomes.csv: followup_period_start, followup_period_end); the minimum is followup_months in data/reference/outcome-rules.json.'),
    })} FROM c JOIN o ON o.family_ref = c.family_ref AND o.rule = c.rule
    WHERE c.results AND len(o.followup_short) > 0`,
    `SELECT ${issueColumns(ctx, {
      column: 'claim_type', code: 'results_claim_thresholds', severity: 'warning',
      message: `'The measured values for ' || array_to_string(o.evidence_short, ', ') || ' do not meet the thresholds of rule ' || c.rule || ' (a value missing counts as not met).'`,
      fix: text('Check the baseline and follow-up values in outcomes.csv against the rule in data/reference/outcome-rules.json before the claim is audited.'),
    })} FROM c JOIN o ON o.family_ref = c.family_ref AND o.rule = c.rule
    WHERE c.results AND o.sustained_on IS NOT NULL AND c.claim_date >= o.sustained_on AND NOT o.evidence_met`,
  ];
  return [`WITH c AS MATERIALIZED (${claims}), o AS MATERIALIZED (${rules}) ${checks.map((sql) => `SELECT * FROM (${sql})`).join(' UNION ALL ')}`];
}
