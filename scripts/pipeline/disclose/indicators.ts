/**
 * Disclosure control for indicator rows (rates and percentages with their numerator).
 *
 * - A row whose numerator is 1 to threshold − 1 is suppressed: value, numerator and confidence
 *   interval become null (the interval and the rate each give the numerator back), flag [c].
 * - The denominator is kept: it is a population or a cohort size, public or published in the
 *   count tables. A denominator that is itself 1 to threshold − 1 is a small count, so the whole
 *   row is suppressed and the denominator withheld too.
 * - A met / not met judgement bounds the hidden rate, so it becomes "no_judgement".
 * - Secondary: when the authority numerator equals the sum of the localities' (a count indicator,
 *   not a modelled one), numerators are protected like counts across localities → authority.
 * - Comparator rows (England, region, neighbours) and rows already flagged [x] are left alone.
 */
import * as aq from 'arquero';
import { GSS, type IndicatorRow } from '../../../src/lib/outputs/tables.ts';
import { validateThreshold, type IndicatorDiscloseOptions } from './options.ts';
import { protect, type ProtectRelation, type ProtectVariable } from './secondary.ts';
import type { Datum, Params } from './expr.ts';

const KEY = ['indicator_code', 'period_start', 'period', 'area_code'] as const;

export function discloseIndicators(rows: readonly IndicatorRow[], options: IndicatorDiscloseOptions): IndicatorRow[] {
  validateThreshold(options.threshold);
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0] as IndicatorRow);
  const small = (v: number | null, t: number) => v !== null && v > 0 && v < t;
  const marked = aq
    .from(rows)
    .derive({ _row: () => aq.op.row_number() - 1 })
    .params({ t: options.threshold, x: GSS.x })
    .derive({
      _exempt: (d: Datum, $: Params) => d.area_type === 'comparator' || d.flag === $.x,
      _primary: (d: Datum, $: Params) =>
        d.area_type !== 'comparator' &&
        d.flag !== $.x &&
        ((d.numerator != null && d.numerator > 0 && d.numerator < $.t) ||
          (d.denominator != null && d.denominator > 0 && d.denominator < $.t)),
    });

  const order = Array.from(marked.orderby(...KEY).array('_row') as ArrayLike<number>);
  const primary = marked.array('_primary') as ArrayLike<boolean>;
  const vars: ProtectVariable[] = order.map((r) => {
    const row = rows[r] as IndicatorRow;
    return {
      value: row.numerator,
      primary: primary[r] === true,
      isTotal: row.area_type === 'authority',
      eligible: row.area_type !== 'comparator' && row.flag !== GSS.x,
    };
  });
  const cells = order.map((r) => rows[r] as IndicatorRow);
  const result = protect(vars, numeratorRelations(cells));

  const sup = new Array<boolean>(rows.length).fill(false);
  const dropDenominator = new Array<boolean>(rows.length).fill(false);
  order.forEach((r, p) => {
    sup[r] = result.suppressed[p] === true;
    dropDenominator[r] = sup[r] && small((rows[r] as IndicatorRow).denominator, options.threshold);
  });
  // Rows with a null numerator but a small denominator never become variables' "suppressed".
  rows.forEach((row, r) => {
    if (primary[r] === true && !sup[r]) {
      sup[r] = true;
      dropDenominator[r] = small(row.denominator, options.threshold);
    }
  });

  return marked
    .params({ sup, dropDenominator, c: GSS.c })
    .derive({
      value: (d: Datum, $: Params) => ($.sup[d._row] ? null : d.value),
      numerator: (d: Datum, $: Params) => ($.sup[d._row] ? null : d.numerator),
      denominator: (d: Datum, $: Params) => ($.dropDenominator[d._row] ? null : d.denominator),
      ci_lower: (d: Datum, $: Params) => ($.sup[d._row] ? null : d.ci_lower),
      ci_upper: (d: Datum, $: Params) => ($.sup[d._row] ? null : d.ci_upper),
      target_status: (d: Datum, $: Params) =>
        $.sup[d._row] && (d.target_status === 'met' || d.target_status === 'not_met') ? 'no_judgement' : d.target_status,
      flag: (d: Datum, $: Params) => ($.sup[d._row] ? $.c : d.flag),
    })
    .select(columns)
    .objects() as IndicatorRow[];
}

/**
 * Localities → authority per indicator and period, declared only where the numerators add up
 * (or cannot be checked because some are not available, which errs towards protection).
 */
function numeratorRelations(cells: readonly IndicatorRow[]): ProtectRelation[] {
  const groups = new Map<string, number[]>();
  cells.forEach((c, p) => {
    if (c.area_type === 'comparator') return;
    const k = `${c.indicator_code}\u0000${c.period}`;
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  });
  const out: ProtectRelation[] = [];
  for (const members of groups.values()) {
    const totals = members.filter((p) => cells[p]?.area_type === 'authority');
    const parts = members.filter((p) => cells[p]?.area_type === 'locality');
    const total = totals[0];
    if (totals.length !== 1 || total === undefined || parts.length === 0) continue;
    const values = parts.map((p) => cells[p]?.numerator ?? null);
    const authority = cells[total]?.numerator ?? null;
    if (authority === null) continue;
    const adds = values.some((v) => v === null) || values.reduce<number>((s, v) => s + (v as number), 0) === authority;
    if (!adds) continue;
    const vars = [...parts, total].sort((a, b) => a - b);
    out.push({ vars, coefs: vars.map((v) => (v === total ? -1 : 1)) });
  }
  return out;
}
