/**
 * The dashboard's two trend charts as data. A series that is mostly suppressed quarter by quarter
 * switches to the granularity the release publishes (financial years), and every summary is
 * written only from published figures: it never reads "between 0 and 0".
 */
import { formatCount } from '../format/number.ts';
import { financialYearLabel } from '../period/quarter.ts';
import { releasePeriods } from '../period/release-periods.ts';
import { parseLabel, trendQuarters, yearToDateLabel, type DashboardContext } from './context.ts';
import type { DashboardChart, TrendRow } from './types.ts';

export function attachedChart(ctx: DashboardContext): DashboardChart {
  const quarters = trendQuarters(ctx);
  const byQuarter = quarters.map((p) => row(ctx, p, ctx.area));
  return mostlyPublished(byQuarter) ? quarterlyAttached(ctx, quarters, byQuarter) : yearlyAttached(ctx);
}

function quarterlyAttached(ctx: DashboardContext, periods: readonly string[], rows: readonly TrendRow[]): DashboardChart {
  const target = ctx.isAuthority
    ? periods.map((p) => {
        const t = ctx.config.cohortTargets[financialYearLabel(parseLabel(p).startYear)];
        return { period: p, value: t === undefined ? null : t / 4 };
      })
    : undefined;
  return {
    rows,
    periods,
    granularity: 'quarter',
    seriesLabels: seriesLabels(ctx),
    ...(target ? { target } : {}),
    title: 'Families attached each quarter',
    caption: `Families attached to the programme each quarter, ${ctx.areaName}, ${periods[0]} to ${ctx.quarter}${target ? ', with the quarterly share of each year’s cohort target' : ''}.`,
    summary: seriesSummary(rows, { area: ctx.areaName, verb: 'attached', noun: 'families', per: 'a quarter', periods: 'quarters', target: target?.at(-1)?.value ?? null }),
  };
}

/** Complete financial years, then the year to date: what the release publishes where quarters are too small. */
function yearlyAttached(ctx: DashboardContext): DashboardChart {
  const years = releasePeriods('financial_year', ctx.first, ctx.q).map((p) => p.label);
  if (ctx.q.quarter !== 4) years.push(yearToDateLabel(ctx.first, ctx.q));
  const rows = years.map((p) => row(ctx, p, ctx.area));
  const target = ctx.isAuthority
    ? years.map((p, i) => {
        const year = financialYearLabel(Number(p.slice(0, 4)));
        const t = ctx.config.cohortTargets[year];
        const share = i === years.length - 1 && ctx.q.quarter !== 4 ? ctx.q.quarter / 4 : 1;
        return { period: p, value: t === undefined ? null : t * share };
      })
    : undefined;
  return {
    rows,
    periods: years,
    granularity: 'financial_year',
    seriesLabels: seriesLabels(ctx),
    ...(target ? { target } : {}),
    title: 'Families attached each financial year',
    caption: `Families attached to the programme each financial year, ${ctx.areaName}, ${years[0]} to ${years.at(-1)}: its quarterly figures are too small to publish${target ? '; with each year’s cohort target' : ''}.`,
    summary: seriesSummary(rows, { area: ctx.areaName, verb: 'attached', noun: 'families', per: 'a year', periods: 'financial years', target: target?.at(-1)?.value ?? null }),
  };
}

export function openChart(ctx: DashboardContext): DashboardChart {
  const periods = trendQuarters(ctx);
  const range = `${periods[0]} to ${ctx.quarter}`;
  const byLocality = ctx.config.localities.flatMap((l) => periods.map((p) => row(ctx, p, l.code, 'families_open')));
  if (mostlyPublished(byLocality)) {
    return {
      rows: byLocality,
      periods,
      granularity: 'quarter',
      seriesLabels: seriesLabels(ctx),
      title: 'Open cases by locality',
      caption: `Families with an open case at the end of each quarter, by locality, ${ctx.config.authority.name}, ${range}.`,
      summary: localitiesSummary(ctx, periods[0] ?? ctx.quarter),
    };
  }
  // A stock by locality would give its flows away quarter to quarter: the council's own series.
  const authority = ctx.config.authority;
  const rows = periods.map((p) => row(ctx, p, authority.code, 'families_open'));
  return {
    rows,
    periods,
    granularity: 'quarter',
    seriesLabels: seriesLabels(ctx),
    title: 'Open cases',
    caption: `Families with an open case at the end of each quarter, ${authority.name}, ${range}: open cases are not published by locality.`,
    summary: seriesSummary(rows, { area: authority.name, verb: 'had', noun: 'open cases', per: 'at the end of a quarter', periods: 'quarters', target: null }),
  };
}

interface SummaryWords {
  readonly area: string;
  readonly verb: string;
  readonly noun: string;
  readonly per: string;
  readonly periods: string;
  readonly target: number | null;
}

/** A sentence or two from the published figures only; suppressed ones are counted, never guessed. */
export function seriesSummary(rows: readonly TrendRow[], w: SummaryWords): string {
  const published = rows.filter((r): r is TrendRow & { value: number } => r.value !== null);
  const hidden = rows.length - published.length;
  const last = rows.at(-1);
  if (published.length === 0 || !last) return `No figures for ${w.area} are published for these ${w.periods}.`;
  const values = published.map((r) => r.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const rounded = published.some((r) => r.flag === '[rd]') ? ' (some figures rounded)' : '';
  const span =
    high === 0
      ? `${w.area} ${w.verb} no ${w.noun} in any of these ${w.periods} with a published figure.`
      : low === high
        ? `${w.area} ${w.verb} ${formatCount(low)} ${w.noun} ${w.per} in each of these ${w.periods} with a published figure${rounded}.`
        : `${w.area} ${w.verb} between ${formatCount(low)} and ${formatCount(high)} ${w.noun} ${w.per} over these ${rows.length} ${w.periods}${rounded}.`;
  const hiddenText = hidden > 0 ? ` ${hidden} of the ${rows.length} figures ${hidden === 1 ? 'is' : 'are'} suppressed.` : '';
  const lastText = last.value === null ? `suppressed (${last.flag ?? '[x]'})` : `${formatCount(last.value)}${last.flag === '[rd]' ? ' (rounded)' : ''}`;
  const against = w.target === null ? '' : `, against a target of ${formatCount(w.target)}`;
  return `${span}${hiddenText} In ${last.period} the figure was ${lastText}${against}.`;
}

function localitiesSummary(ctx: DashboardContext, from: string): string {
  const now = ctx.config.localities.map((l) => ({ name: l.name, v: ctx.get(ctx.quarter, l.code, 'families_open').value }));
  const published = now.filter((x): x is { name: string; v: number } => x.v !== null).sort((a, b) => b.v - a.v || a.name.localeCompare(b.name));
  const top = published[0];
  const low = published.at(-1);
  if (!top || !low) return `Open caseloads by locality are suppressed in ${ctx.quarter}.`;
  const hidden = now.length - published.length;
  const spread =
    top.v === low.v
      ? `At the end of ${ctx.quarter} every locality with a published figure had ${formatCount(top.v)} open cases`
      : `At the end of ${ctx.quarter} ${top.name} had the most open cases (${formatCount(top.v)}) and ${low.name} the fewest (${formatCount(low.v)})`;
  return (
    `${spread}; the panels show each locality from ${from}.` +
    (hidden > 0 ? ` ${hidden} ${hidden === 1 ? 'locality’s figure is' : 'localities’ figures are'} suppressed this quarter.` : '')
  );
}

/** More than half the points carry a number: drawn as they are, else at a coarser granularity. */
function mostlyPublished(rows: readonly TrendRow[]): boolean {
  return rows.filter((r) => r.value !== null).length * 2 > rows.length;
}

function row(ctx: DashboardContext, period: string, area: string, measure: 'families_attached' | 'families_open' = 'families_attached'): TrendRow {
  const v = ctx.get(period, area, measure);
  return { period, area_code: area, value: v.value, flag: v.flag };
}

function seriesLabels(ctx: DashboardContext): Record<string, string> {
  const labels: Record<string, string> = { [ctx.config.authority.code]: ctx.config.authority.name };
  for (const l of ctx.config.localities) labels[l.code] = l.name;
  return labels;
}
