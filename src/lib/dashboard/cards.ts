/**
 * The headline cards. A card shows the finest figure the release publishes for it (the quarters'
 * sum, else the release's own year-to-date or programme-to-date figure) and says in words why a
 * figure is missing, so a suppressed card still shows its target and never reads as "No target".
 */
import { changeDirection, formatChange } from '../format/change.ts';
import { formatCount, formatMoney, formatPercent } from '../format/number.ts';
import { formatValue, type FormatUnit } from '../format/value.ts';
import { financialYearLabel, quarterStart, type FinancialQuarter } from '../period/quarter.ts';
import type { DashboardMeasure } from '../sql/dashboard-series.ts';
import type { DashboardConfig, DashboardPhase } from './config.ts';
import { attachedToDate, yearToDate, type DashboardContext } from './context.ts';
import type { Flagged } from './flagged.ts';
import { expectedThisYear, expectedToDate, trajectoryStatus } from './targets.ts';
import type { DashboardCard } from './types.ts';

/** Why a card has no number: the words that follow the figure's symbol. */
const WHY = {
  suppressed: 'The figure is suppressed to protect families’ privacy, so progress against the target cannot be judged.',
  localityOnly: 'Published for the council as a whole only: one locality’s figures are too few to publish safely.',
  longerPeriods: 'One locality’s figures are too few to publish quarter by quarter: they are published for whole financial years, and for the year so far in the latest quarter (see the chart).',
} as const;

export function buildCards(ctx: DashboardContext): DashboardCard[] {
  return [attachedYearCard(ctx), attachedToDateCard(ctx), outcomeCard(ctx, 'outcomes_achieved'), outcomeCard(ctx, 'outcomes_sustained'), claimsCard(ctx), openCard(ctx)];
}

/** Expected by now and how the figure stands against it, for the whole council only. */
export function judged(ctx: DashboardContext, actual: Flagged, expected: number | null): DashboardCard['status'] {
  return ctx.isAuthority ? trajectoryStatus(actual.value, expected, ctx.config.thresholds) : 'no_target';
}

function attachedYearCard(ctx: DashboardContext): DashboardCard {
  const value = yearToDate(ctx, 'families_attached');
  const expected = ctx.isAuthority ? expectedThisYear(ctx.config, ctx.quarter) : null;
  const target = ctx.config.cohortTargets[ctx.year];
  const against =
    target !== undefined && ctx.isAuthority
      ? `Against a target of ${formatCount(target)} for the year; ${formatCount(expected ?? 0)} expected by the end of ${ctx.quarter}.`
      : `Up to the end of ${ctx.quarter}.`;
  return {
    id: 'attached_year',
    label: `Families attached in ${ctx.year}`,
    value: show(value, 'count'),
    subText: [against, whyMissing(ctx, value, 'families_attached', expected), localityTargetNote(ctx)].filter(Boolean).join(' '),
    change: quarterChange(ctx, 'families_attached', 'count', 'attached this quarter'),
    status: judged(ctx, value, expected),
  };
}

function attachedToDateCard(ctx: DashboardContext): DashboardCard {
  const value = attachedToDate(ctx);
  const expected = ctx.isAuthority ? expectedToDate(ctx.config, ctx.quarter) : null;
  const against = ctx.isAuthority
    ? `Against a programme target of ${formatCount(ctx.config.programmeTarget)}; ${formatCount(expected ?? 0)} expected by the end of ${ctx.quarter}.`
    : `Up to the end of ${ctx.quarter}.`;
  return {
    id: 'attached_cumulative',
    label: 'Families attached since the programme began',
    value: show(value, 'count'),
    subText: [against, whyMissing(ctx, value, 'families_attached', expected), localityTargetNote(ctx)].filter(Boolean).join(' '),
    change: quarterChange(ctx, 'families_attached_cumulative', 'count', null),
    status: judged(ctx, value, expected),
  };
}

function outcomeCard(ctx: DashboardContext, measure: 'outcomes_achieved' | 'outcomes_sustained'): DashboardCard {
  const kind = measure === 'outcomes_achieved' ? 'achieved' : 'sustained';
  const year = yearToDate(ctx, measure);
  if (!ctx.byQuarter(ctx.area, measure)) {
    // Not published quarter by quarter here: the year so far, where the release shows it.
    const known = year.value !== null || year.flag === '[c]';
    return {
      id: measure,
      label: known ? `Outcomes ${kind} in ${ctx.year} so far` : `Outcomes ${kind} in ${ctx.quarter}`,
      value: show(known ? year : ctx.get(ctx.quarter, ctx.area, measure), 'count'),
      subText: known ? `Up to the end of ${ctx.quarter}: this area’s quarterly figures are too few to publish.` : WHY.localityOnly,
      change: quarterChange(ctx, measure, 'count', null),
      status: 'no_target',
    };
  }
  const value = ctx.get(ctx.quarter, ctx.area, measure);
  return {
    id: measure,
    label: `Outcomes ${kind} in ${ctx.quarter}`,
    value: show(value, 'count'),
    subText: year.value === null ? `The total for ${ctx.year} so far is not available (${year.flag ?? '[x]'}).` : `${show(year, 'count')} in ${ctx.year} so far.`,
    change: quarterChange(ctx, measure, 'count', null),
    status: 'no_target',
  };
}

function claimsCard(ctx: DashboardContext): DashboardCard {
  const income = yearToDate(ctx, 'claim_amount_gbp');
  const claims = yearToDate(ctx, 'claims');
  const attached = yearToDate(ctx, 'families_attached');
  const from = claims.value === null ? `The number of claims is not available (${claims.flag ?? '[x]'}).` : `From ${show(claims, 'count')} ${claims.value === 1 ? 'claim' : 'claims'}.`;
  return {
    id: 'claims_income',
    label: `Results income claimed in ${ctx.year}`,
    value: show(income, 'gbp'),
    subText: ctx.byQuarter(ctx.area, 'claim_amount_gbp') ? `${from} ${maximumText(ctx, income, attached)}` : income.value === null ? WHY.localityOnly : from,
    change: quarterChange(ctx, 'claim_amount_gbp', 'gbp', 'claimed this quarter'),
    status: 'no_target',
  };
}

function openCard(ctx: DashboardContext): DashboardCard {
  return {
    id: 'open_caseload',
    label: 'Open cases',
    value: show(ctx.get(ctx.quarter, ctx.area, 'families_open'), 'count'),
    subText: ctx.byQuarter(ctx.area, 'families_open') ? `Families with an open case at the end of ${ctx.quarter}.` : WHY.localityOnly,
    change: quarterChange(ctx, 'families_open', 'count', null),
    status: 'no_target',
  };
}

/**
 * The maximum income for this year's families, said so that it never contradicts the income
 * card: money claimed in a year whose phase pays nothing is for families of an earlier phase.
 */
function maximumText(ctx: DashboardContext, income: Flagged, attached: Flagged): string {
  const phase = phaseOf(ctx.config, ctx.q);
  const maximum = maximumIncome(ctx.config, ctx.q, attached);
  if (phase && maximum === 0) {
    return (income.value ?? 0) > 0
      ? `${phase.title} pays nothing for families attached this year: this year’s claims are for families attached in an earlier phase.`
      : `${phase.title} pays no attachment fees or results payments.`;
  }
  if (maximum === null) return phase ? 'The maximum cannot be worked out while families attached this year is suppressed.' : '';
  const rounded = attached.flag === '[rd]' ? ' (from a rounded count of families)' : '';
  const share = income.value !== null && maximum > 0 ? ` (${formatPercent((income.value / maximum) * 100)} claimed)` : '';
  return `Maximum for families attached this year${rounded}: ${formatMoney(maximum)}${share}.`;
}

function phaseOf(config: DashboardConfig, q: FinancialQuarter): DashboardPhase | undefined {
  const day = quarterStart(q);
  return config.phases.find((p) => p.start <= day && (p.end === null || p.end >= day));
}

/**
 * The most a council could receive for the families attached this year: each family's
 * attachment fee for the year (where the phase pays one) plus the phase's largest results
 * payment. Null when the families attached are suppressed.
 */
export function maximumIncome(config: DashboardConfig, q: FinancialQuarter, attached: Flagged): number | null {
  if (attached.value === null) return null;
  const phase = phaseOf(config, q);
  if (!phase) return null;
  const fee = phase.attachmentFees[financialYearLabel(q.startYear)] ?? phase.attachmentFees['*'] ?? 0;
  return attached.value * (fee + phase.maxResultsPayment);
}

function whyMissing(ctx: DashboardContext, value: Flagged, measure: DashboardMeasure, expected: number | null): string {
  if (value.value !== null) return '';
  if (!ctx.isAuthority && !ctx.byQuarter(ctx.area, measure) && value.flag === '[x]') {
    return ctx.byLongerPeriod(ctx.area, measure) ? WHY.longerPeriods : WHY.localityOnly;
  }
  return expected === null ? 'The figure is suppressed to protect families’ privacy.' : WHY.suppressed;
}

function localityTargetNote(ctx: DashboardContext): string {
  return ctx.isAuthority ? '' : 'Targets are set for the council as a whole, not by locality.';
}

/** "down 5 on last quarter", led by the quarter's own figure when the card shows another one. */
function quarterChange(ctx: DashboardContext, measure: DashboardMeasure, unit: FormatUnit, lead: string | null): DashboardCard['change'] {
  if (!ctx.byQuarter(ctx.area, measure)) return { direction: 'none', text: 'not published quarter by quarter for this area' };
  const current = ctx.get(ctx.quarter, ctx.area, measure);
  const previous = ctx.previous ? ctx.get(ctx.previous, ctx.area, measure) : null;
  const prefix = lead === null ? '' : `${show(current, unit)} ${lead}, `;
  const text = previous ? formatChange(current.value, previous.value, { unit, relative: false }) : null;
  if (text === null || !previous) {
    return { direction: 'none', text: `${prefix}no comparison with last quarter: a figure is suppressed or not available` };
  }
  // Two rounded figures can differ by up to a base either way: say the change is between them.
  const rounded = current.flag === '[rd]' || previous.flag === '[rd]' ? ' (rounded figures)' : '';
  return { direction: changeDirection(current.value ?? 0, previous.value ?? 0), text: `${prefix}${text} on last quarter${rounded}` };
}

export function show(v: Flagged, unit: FormatUnit): string {
  return formatValue(v.value, v.flag, unit);
}
