/**
 * Rules that belong to one extract and read the reference data: indicator arithmetic, payment
 * rules for claims, the minimum number of criteria for a family. Thresholds and amounts come
 * from data/reference, never from here.
 */
import { quarterLabelSql, quarterStartOfLabelSql, quarterStartSql } from '../../../src/lib/sql/financial-quarter.ts';
import type { ExtractSpec } from '../contract/extracts.ts';
import { issueColumns, text, type CheckContext } from './checkContext.ts';
import { FAMILIES_TABLE } from './codeChecks.ts';

type RuleCheck = (ctx: CheckContext) => string[];

const rules: Partial<Record<ExtractSpec['table'], RuleCheck>> = {
  families: familyRules,
  claims: claimRules,
  area_indicators: indicatorRules,
};

export function ruleChecks(ctx: CheckContext): string[] {
  return rules[ctx.spec.table]?.(ctx) ?? [];
}

function has(ctx: CheckContext, ...columns: string[]): boolean {
  return columns.every((c) => ctx.position(c) > 0);
}

function familyRules(ctx: CheckContext): string[] {
  if (!has(ctx, 'criteria', 'programme_phase')) return [];
  // An error: a family below its phase's minimum was not eligible, so it is neither counted nor
  // claimed for (its claims are then refused as linked to a rejected row).
  return [
    `SELECT ${issueColumns(ctx, {
      column: 'criteria', code: 'below_min_criteria', severity: 'error',
      message: `'The family meets ' || len(list_distinct(s.criteria)) || CASE WHEN len(list_distinct(s.criteria)) = 1 THEN ' criterion' ELSE ' criteria' END || ' but ' || s.programme_phase || ' requires at least ' || p.min_criteria || '.'`,
      fix: text('Check the criteria recorded for the family; add any that were met, separated by ";".'),
      line: 's.__line',
    })} FROM ${ctx.stage} s JOIN __ref_phases p ON p.code = s.programme_phase
    WHERE s.criteria IS NOT NULL AND len(list_distinct(s.criteria)) < p.min_criteria`,
  ];
}

/**
 * Claims are checked against the payment rule of the family's phase for the claim window's
 * financial year. A claim above the rule's maximum is an error, not a warning: the reports add
 * claims up as income, and an amount the rules cannot pay would overstate it.
 */
function claimRules(ctx: CheckContext): string[] {
  const sql: string[] = [];
  if (has(ctx, 'family_ref', 'claim_type', 'claim_window', 'amount_gbp')) {
    // Rules are matched once per distinct phase, claim type and year (a handful), not per claim,
    // and both issues read the one match.
    const noRule = issueColumns(ctx, {
      column: 'claim_type', code: 'no_payment_rule', severity: 'error',
      message: `'No payment rule covers claim type "' || claim_type || '" for a ' || phase || ' family in ' || fy || '.'`,
      fix: text("Check the claim type, the claim window and the family's programme phase; payment rules are in data/reference/programme.json."),
    });
    const aboveMaximum = issueColumns(ctx, {
      column: 'amount_gbp', code: 'amount_above_maximum', severity: 'error',
      message: `'amount_gbp ' || printf('%.2f', amount) || ' is above the maximum of ' || printf('%.2f', max_amount) || ' for claim type "' || claim_type || '" (' || phase || ', ' || fy || ').'`,
      fix: text('Check the amount claimed: one family cannot earn more than the payment rule allows for this claim type.'),
    });
    sql.push(
      `WITH c AS (
        SELECT s.__line, s.claim_type, s.amount_gbp AS amount, left(s.claim_window, 7) AS fy, f.programme_phase AS phase
        FROM ${ctx.stage} s JOIN ${FAMILIES_TABLE} f ON f.family_ref = s.family_ref
        WHERE s.claim_type IN (SELECT code FROM __ref_codes WHERE list = 'claim_types') AND s.claim_window IS NOT NULL),
      cases AS (
        SELECT k.phase, k.claim_type, k.fy, count(r.claim_type) AS rules, max(r.max_amount_gbp) AS max_amount
        FROM (SELECT DISTINCT phase, claim_type, fy FROM c) k LEFT JOIN __ref_payment_rules r
          ON r.phase = k.phase AND r.claim_type = k.claim_type AND (len(r.years) = 0 OR list_contains(r.years, k.fy))
        GROUP BY ALL),
      m AS MATERIALIZED (
        SELECT c.__line, c.claim_type, c.amount, c.fy, c.phase, k.rules, k.max_amount
        FROM c JOIN cases k ON k.phase = c.phase AND k.claim_type = c.claim_type AND k.fy = c.fy
        WHERE k.rules = 0 OR c.amount > k.max_amount)
      SELECT ${noRule} FROM m WHERE rules = 0
      UNION ALL
      SELECT ${aboveMaximum} FROM m WHERE rules > 0 AND amount > max_amount`,
    );
  }
  if (has(ctx, 'claim_date', 'claim_window')) {
    sql.push(
      `SELECT ${issueColumns(ctx, {
        column: 'claim_date', code: 'claim_date_outside_window', severity: 'warning',
        message: `'claim_date ' || tfo_iso(claim_date) || ' falls in ' || ${quarterLabelSql('claim_date')} || ', not in the claim window ' || claim_window || '.'`,
        fix: text('Check the claim window and the claim date; a claim is normally submitted within its window.'),
      })} FROM ${ctx.stage} WHERE claim_date IS NOT NULL AND claim_window IS NOT NULL
        AND ${quarterStartSql('claim_date')} <> ${quarterStartOfLabelSql('claim_window')}`,
    );
  }
  return sql;
}

/** Arithmetic of an indicator row, given the indicator's unit and frequency. */
function indicatorRules(ctx: CheckContext): string[] {
  if (!has(ctx, 'indicator_code', 'period')) return [];
  // The raw row too: messages quote numbers as written, and an empty field is told apart from
  // one that failed to parse (already reported).
  const from = `FROM ${ctx.stage} s JOIN __ref_indicators i ON i.code = s.indicator_code JOIN ${ctx.raw} r ON r.__line = s.__line`;
  const rates = `i.unit IN ('percent', 'rate_per_1000', 'rate_per_10000', 'rate_per_100000')`;
  const line = 's.__line';
  return [
    `SELECT ${issueColumns(ctx, {
      column: 'numerator', code: 'numerator_above_denominator', severity: 'error', line,
      message: `'numerator ' || tfo_text(r.numerator) || ' is above denominator ' || tfo_text(r.denominator) || ' for ' || s.indicator_code || ', a percentage.'`,
      fix: text('Check the two counts: the numerator is part of the denominator (for example children in poverty out of all children), so it cannot be larger.'),
    })} ${from} WHERE i.unit = 'percent' AND s.numerator > s.denominator AND s.denominator > 0`,
    `SELECT ${issueColumns(ctx, {
      column: 'denominator', code: 'zero_denominator', severity: 'error', line,
      message: `'denominator is 0 for ' || s.indicator_code || ' in ' || s.area_code || ', ' || s.period || '.'`,
      fix: text('Give the population the numerator is drawn from, or leave numerator and denominator empty and give value if only a value is published.'),
    })} ${from} WHERE s.denominator = 0`,
    `SELECT ${issueColumns(ctx, {
      column: 'numerator', code: 'no_value', severity: 'error', line,
      message: `'Neither numerator nor value is given for ' || s.indicator_code || '.'`,
      fix: text('Give numerator and denominator, or value where only a published value exists.'),
    })} ${from} WHERE tfo_text(r.numerator) IS NULL AND tfo_text(r.value) IS NULL`,
    `SELECT ${issueColumns(ctx, {
      column: 'denominator', code: 'missing_denominator', severity: 'error', line,
      message: `'numerator ' || tfo_text(r.numerator) || ' has no denominator; ' || s.indicator_code || ' is a ' || replace(i.unit, '_', ' ') || '.'`,
      fix: text('Give the denominator, or give value instead if only a published value exists.'),
    })} ${from} WHERE ${rates} AND s.numerator IS NOT NULL AND tfo_text(r.denominator) IS NULL AND tfo_text(r.value) IS NULL`,
    `SELECT ${issueColumns(ctx, {
      column: 'period', code: 'period_mismatch', severity: 'error', line,
      message: `s.indicator_code || ' is ' || i.frequency || ' but period ' || tfo_quote(s.period) || CASE WHEN i.frequency = 'annual' THEN ' is a quarter.' ELSE ' is a whole year.' END`,
      fix: `CASE WHEN i.frequency = 'annual' THEN 'Give annual indicators a financial year, e.g. 2013-14.' ELSE 'Give quarterly indicators a financial quarter, e.g. 2013-14 Q2.' END`,
    })} ${from} WHERE s.period IS NOT NULL AND (length(s.period) > 7) <> (i.frequency = 'quarterly')`,
  ];
}
