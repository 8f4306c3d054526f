/**
 * The value (y or x) domain for charts that must know pixel positions before Plot draws,
 * such as direct labels that are nudged apart. Plot is given this exact domain, so the
 * positions computed here are the ones Plot uses.
 */
import * as Plot from '@observablehq/plot';
import type { ChartUnit } from './format.ts';

export interface ValueDomainOptions {
  /** Include zero; true keeps bar lengths and counts honest. */
  readonly zero: boolean;
  readonly unit: ChartUnit;
}

export function valueDomain(extent: readonly [number, number] | null, options: ValueDomainOptions): [number, number] {
  let [lo, hi] = extent ?? [0, 1];
  if (options.zero) {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
  }
  if (lo === hi) hi = lo === 0 ? 1 : lo + Math.abs(lo) * 0.1;
  const niced = Plot.scale({ y: { type: 'linear', domain: [lo, hi], nice: true } }).domain as number[];
  let [a = lo, b = hi] = niced;
  // Nicing a percentage such as 98% can overshoot to 120%, which no percentage reaches.
  if (options.unit === 'percent' && hi <= 100 && b > 100) b = 100;
  if (options.unit === 'percent' && lo >= 0 && a < 0) a = 0;
  return [a, b];
}

/** Maps values in `domain` linearly onto `range` (pixels), and back. */
export function linearMap(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = (r1 - r0) / (d1 - d0);
  return {
    apply: (v: number) => r0 + (v - d0) * k,
    invert: (px: number) => d0 + (px - r0) / k,
  };
}
