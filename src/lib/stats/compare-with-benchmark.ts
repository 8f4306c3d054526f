/**
 * The OHID Fingertips comparison with a benchmark (England, the region, the authority): an area is
 * significantly different when its confidence interval excludes the benchmark value, and the
 * difference is worded by the indicator's polarity.
 */
import type { Polarity } from '../reference/schema.ts';

export type BenchmarkComparison = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'not_compared';

/** 'not_compared' when the interval or the benchmark is missing. */
export function compareWithBenchmark(
  ciLower: number | null,
  ciUpper: number | null,
  benchmark: number | null,
  polarity: Polarity,
): BenchmarkComparison {
  if (!isNumber(ciLower) || !isNumber(ciUpper) || !isNumber(benchmark)) return 'not_compared';
  const side = ciLower > benchmark ? 'higher' : ciUpper < benchmark ? 'lower' : 'similar';
  if (side === 'similar' || polarity === 'no_judgement') return side;
  return (side === 'higher') === (polarity === 'high_is_good') ? 'better' : 'worse';
}

function isNumber(x: number | null): x is number {
  return x !== null && Number.isFinite(x);
}
