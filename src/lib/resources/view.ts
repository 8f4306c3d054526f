/**
 * What the resources page shows of an allocation, written once for the build-time page and the
 * browser what-if: the table's columns and rows, the chart's rows and the sentences that say
 * what the gap is. Plain TypeScript, safe in the browser.
 */
import { formatNumber, formatPercent } from '../format/number.ts';
import type { Allocation } from './allocation.ts';
import { WEIGHT_KEYS, WEIGHT_LABELS, normaliseWeights, type Weights } from './weights.ts';

export interface LocalityFacts {
  readonly name: string;
  readonly population: number;
  readonly deprivation: number;
  readonly demand: number;
  readonly costGbp: number;
}

export const GAP_TABLE_COLUMNS = [
  { key: 'name', label: 'Locality' },
  { key: 'population', label: 'Population aged 0 to 19', unit: 'count' },
  { key: 'deprivation', label: 'Deprivation score', unit: 'value', decimals: 1 },
  { key: 'demand', label: 'Recent demand (families identified)', unit: 'count' },
  { key: 'share', label: 'Share by formula', unit: 'percent', decimals: 1 },
  { key: 'formulaFte', label: 'Staff by formula (FTE)', unit: 'value', decimals: 2 },
  { key: 'actualFte', label: 'Staff in post (FTE)', unit: 'value', decimals: 2 },
  { key: 'gap', label: 'Gap (FTE): in post minus formula', unit: 'value', decimals: 2 },
  { key: 'cost', label: 'Staff cost (£ a year, band midpoints)', unit: 'count' },
] as const;
export type GapColumnKey = (typeof GAP_TABLE_COLUMNS)[number]['key'];

/** The columns the weights change, which the what-if rewrites. */
export const WEIGHTED_COLUMNS: readonly GapColumnKey[] = ['share', 'formulaFte', 'gap'];

export type GapRow = Readonly<Record<GapColumnKey, string | number>>;

export function gapRows(allocations: readonly Allocation[], facts: ReadonlyMap<string, LocalityFacts>): GapRow[] {
  return allocations.map((a) => {
    const f = facts.get(a.localityCode);
    return {
      name: f?.name ?? a.localityCode,
      population: f?.population ?? 0,
      deprivation: f?.deprivation ?? 0,
      demand: f?.demand ?? 0,
      share: a.resourceSharePercent,
      formulaFte: a.formulaFte,
      actualFte: a.actualFte,
      gap: a.gapFte,
      cost: f?.costGbp ?? 0,
    };
  });
}

/** Rows for the gap chart (barCompare): one bar per locality. */
export function gapChartRows(allocations: readonly Allocation[]): { area_code: string; value: number }[] {
  return allocations.map((a) => ({ area_code: a.localityCode, value: Math.round(a.gapFte * 100) / 100 }));
}

const signed = (fte: number) => `${fte > 0 ? '+' : fte < 0 ? '−' : ''}${formatNumber(Math.abs(fte), 2)}`;

/** One or two sentences: the largest shortfall and the largest surplus against the formula. */
export function gapSummary(allocations: readonly Allocation[], names: Readonly<Record<string, string>>): string {
  if (allocations.length === 0) return 'There are no localities to compare.';
  const sorted = [...allocations].sort((a, b) => a.gapFte - b.gapFte || a.localityCode.localeCompare(b.localityCode));
  const low = sorted[0]!;
  const high = sorted.at(-1)!;
  const name = (a: Allocation) => names[a.localityCode] ?? a.localityCode;
  if (Math.abs(low.gapFte) < 0.005 && Math.abs(high.gapFte) < 0.005) return 'Every locality has the staff the formula gives it.';
  return `${name(low)} has the largest shortfall against the formula (${signed(low.gapFte)} FTE); ${name(high)} the largest surplus (${signed(high.gapFte)} FTE).`;
}

/** The formula with the weights in force, as the page prints it. */
export function formulaText(weights: Weights): string {
  const w = normaliseWeights(weights);
  if (!w) return 'Every weight is 0, so the formula gives no shares: set at least one weight above 0.';
  return `Share = ${WEIGHT_KEYS.map((k) => `${formatPercent(w[k] * 100, 1)} × share of ${WEIGHT_LABELS[k].charAt(0).toLowerCase()}${WEIGHT_LABELS[k].slice(1)}`).join(' + ')}.`;
}
