/**
 * Area indicator rows: every catalogue indicator for every locality, the authority and each
 * comparator, every quarter (or complete year) from 2012-13 to the as-at date. Locality counts
 * are drawn around an expected value, so small localities really do produce counts of 0-4 and
 * disclosure control has work to do; the authority is the exact sum of its localities.
 */
import type { Indicator, Locality, Unit } from '../../src/lib/reference/schema.ts';
import {
  addQuarters,
  financialYearLabel,
  quarterEnd,
  quarterLabel,
  quarterOfDate,
  quarterRange,
} from '../../src/lib/period/quarter.ts';
import { dayOf, financialYearEnd, financialYearOf, isoOf } from './days.ts';
import {
  defaultModel,
  ENGLAND_DEPRIVATION,
  ENGLAND_POPULATION_0_19,
  INDICATOR_MODELS,
  POPULATION_SHARE,
  type IndicatorModel,
} from './indicator-models.ts';
import { createRandom, type Random } from './random.ts';
import type { Reference } from '../../src/lib/reference/load.ts';

export interface AreaIndicatorRow {
  indicator_code: string;
  area_code: string;
  period: string;
  numerator: string;
  denominator: string;
  value: string;
}

interface Period {
  label: string;
  /** Fractional financial year at the period's middle (2013.625 = 2013-14 Q2). */
  time: number;
}

const FIRST_YEAR = 2012;
const ENGLAND_CODE = 'E92000001';
// Share of locality rows missing at random, so the site shows [x] for a locality now and then.
const MISSING_ROW_CHANCE = 0.004;

/** Periods an indicator covers: quarters or complete financial years up to the as-at date, less its lag. */
export function indicatorPeriods(frequency: Indicator['frequency'], asAt: number, lag = 0): Period[] {
  if (frequency === 'quarterly') {
    let last = quarterOfDate(isoOf(asAt));
    if (dayOf(quarterEnd(last)) > asAt) last = addQuarters(last, -1);
    last = addQuarters(last, -lag);
    return quarterRange({ startYear: FIRST_YEAR, quarter: 1 }, last).map((q) => ({
      label: quarterLabel(q),
      time: q.startYear + (q.quarter - 1) / 4 + 0.125,
    }));
  }
  let last = financialYearOf(asAt);
  if (financialYearEnd(last) > asAt) last--;
  last -= lag;
  const periods: Period[] = [];
  for (let year = FIRST_YEAR; year <= last; year++) periods.push({ label: financialYearLabel(year), time: year + 0.5 });
  return periods;
}

/** Linear interpolation between anchors, flat beyond the first and last. */
function interpolate(anchors: IndicatorModel['england'], time: number): number {
  const first = anchors[0];
  if (!first) return 0;
  if (time <= first[0]) return first[1];
  for (let i = 1; i < anchors.length; i++) {
    const [t1, v1] = anchors[i] as readonly [number, number];
    const [t0, v0] = anchors[i - 1] as readonly [number, number];
    if (time <= t1) return v0 + ((v1 - v0) * (time - t0)) / (t1 - t0);
  }
  return (anchors[anchors.length - 1] as readonly [number, number])[1];
}

/** Units per numerator: a rate per 10,000 is numerator / denominator * 10,000. */
function scaleOf(unit: Unit): number {
  const scales: Record<Unit, number> = { percent: 100, rate_per_1000: 1000, rate_per_10000: 10000, rate_per_100000: 100000, count: 10000, value: 1 };
  return scales[unit];
}

/** Populations grow slowly (about 0.4% a year) around the mid-2019 estimate in localities.csv. */
const growth = (time: number): number => 1 + 0.004 * (time - 2019);

interface Area {
  code: string;
  population0to19: number;
  deprivationRatio: number;
}

/** The value an area is expected to have, in the indicator's unit, before sampling noise. */
function expectedValue(model: IndicatorModel, area: Area, time: number, effect: number): number {
  const england = interpolate(model.england, time);
  const factor = area.deprivationRatio ** model.deprivationElasticity * effect;
  return model.complement ? 100 - (100 - england) * factor : england * factor;
}

function denominatorFor(model: IndicatorModel, area: Area, time: number, random: Random | null): number {
  const d = model.denominator;
  const people = area.population0to19 * POPULATION_SHARE[d.group] * growth(time);
  if (d.kind === 'population') return Math.round(people * (d.share ? d.share(area.deprivationRatio) : 1));
  const expected = people * d.perPerson(time) * area.deprivationRatio ** d.deprivationElasticity;
  return random ? random.poisson(expected) : Math.round(expected);
}

/** Numerator drawn around the expected value: binomial for a percentage, Poisson for a rate. */
function numeratorFor(unit: Unit, denominator: number, value: number, random: Random | null): number {
  if (unit === 'percent') {
    const p = Math.min(1, Math.max(0, value / 100));
    return random ? random.binomial(denominator, p) : Math.round(denominator * p);
  }
  const expected = (denominator * value) / scaleOf(unit);
  return random ? random.poisson(expected) : Math.round(expected);
}

interface Cell {
  numerator: number;
  denominator: number;
  value: number;
}

function row(indicator: Indicator, area: string, period: string, cell: Cell, valueOnly: boolean): AreaIndicatorRow {
  const base = { indicator_code: indicator.code, area_code: area, period, numerator: '', denominator: '', value: '' };
  if (valueOnly || indicator.unit === 'value') return { ...base, value: cell.value.toFixed(indicator.decimals) };
  if (indicator.unit === 'count') return { ...base, numerator: String(cell.numerator) };
  return { ...base, numerator: String(cell.numerator), denominator: String(cell.denominator) };
}

function localityCells(indicator: Indicator, model: IndicatorModel, area: Area, periods: readonly Period[], random: Random, authorityEffect: number): (Cell | null)[] {
  // A persistent level and a trend of its own, so some localities improve while others worsen.
  const level = Math.exp(0.08 * random.normal());
  const slope = 0.025 * random.normal();
  return periods.map(({ time }) => {
    const value = expectedValue(model, area, time, authorityEffect * level * Math.exp(slope * (time - 2012.5)));
    const denominator = denominatorFor(model, area, time, random);
    const numerator = indicator.unit === 'count' ? random.poisson((denominator * value) / scaleOf('count')) : numeratorFor(indicator.unit, denominator, value, random);
    const missing = random.chance(MISSING_ROW_CHANCE);
    // Nothing to report (no cases closed, no referrals) is an absent row, not a zero denominator.
    if (missing || (denominator === 0 && indicator.unit !== 'count')) return null;
    return { numerator, denominator, value };
  });
}

function sumCells(cells: readonly (Cell | null)[], weights: readonly number[]): Cell | null {
  let numerator = 0;
  let denominator = 0;
  let weighted = 0;
  let weight = 0;
  cells.forEach((cell, i) => {
    if (!cell) return;
    numerator += cell.numerator;
    denominator += cell.denominator;
    weighted += cell.value * (weights[i] ?? 0);
    weight += weights[i] ?? 0;
  });
  return weight === 0 ? null : { numerator, denominator, value: weighted / weight };
}

/** Rows for one indicator, localities first, then the authority, then comparators. */
export function indicatorRows(ref: Reference, indicator: Indicator, asAt: number, seed: number): AreaIndicatorRow[] {
  const model = INDICATOR_MODELS[indicator.code] ?? defaultModel(indicator.unit);
  const random = createRandom(seed, `indicator:${indicator.code}`);
  const periods = indicatorPeriods(indicator.frequency, asAt, model.lag ?? 0);
  const gaps = new Set(model.gaps ?? []);
  const localGaps = new Set([...gaps, ...(model.localGaps ?? [])]);
  const areaOf = (l: Locality): Area => ({
    code: l.locality_code,
    population0to19: l.population_0_19,
    deprivationRatio: l.deprivation_score / ENGLAND_DEPRIVATION,
  });

  const rows: AreaIndicatorRow[] = [];
  const byLocality = ref.localities.map((l) => localityCells(indicator, model, areaOf(l), periods, random, model.authorityEffect ?? 1));
  ref.localities.forEach((locality, i) => {
    periods.forEach((period, p) => {
      const cell = byLocality[i]?.[p];
      if (cell && !localGaps.has(period.label)) rows.push(row(indicator, locality.locality_code, period.label, cell, false));
    });
  });

  const weights = ref.localities.map((l) => l.population_0_19);
  periods.forEach((period, p) => {
    const total = sumCells(byLocality.map((cells) => cells[p] ?? null), weights);
    if (total && !localGaps.has(period.label)) rows.push(row(indicator, ref.programme.authority.code, period.label, total, false));
  });

  for (const comparator of ref.programme.comparators) {
    // England is the only comparator the sample can fake credibly; others are left to real data.
    if (comparator.code !== ENGLAND_CODE) continue;
    const england: Area = { code: ENGLAND_CODE, population0to19: ENGLAND_POPULATION_0_19, deprivationRatio: 1 };
    for (const period of periods) {
      if (gaps.has(period.label)) continue;
      const value = expectedValue(model, england, period.time, 1);
      const denominator = denominatorFor(model, england, period.time, null);
      const numerator = numeratorFor(indicator.unit === 'count' ? 'rate_per_10000' : indicator.unit, denominator, value, null);
      rows.push(row(indicator, ENGLAND_CODE, period.label, { numerator, denominator, value }, model.englandValueOnly === true));
    }
  }
  return rows;
}

export function generateAreaIndicators(ref: Reference, asAt: number, seed: number): AreaIndicatorRow[] {
  return ref.catalogue.indicators.flatMap((indicator) => indicatorRows(ref, indicator, asAt, seed));
}
