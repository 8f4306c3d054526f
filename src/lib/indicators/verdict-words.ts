/**
 * Words for the judgements on indicator pages. The meaning is always in these words; symbols and
 * colours on the page only repeat them (WCAG 1.4.1).
 */
import type { BenchmarkComparison, TrendDirection } from '../stats/index.ts';

/** "Significantly better than Wyvern": the Fingertips wording against a named benchmark. */
export function comparisonWords(comparison: BenchmarkComparison, benchmarkName: string): string {
  switch (comparison) {
    case 'better':
      return `Significantly better than ${benchmarkName}`;
    case 'worse':
      return `Significantly worse than ${benchmarkName}`;
    case 'higher':
      return `Significantly higher than ${benchmarkName}`;
    case 'lower':
      return `Significantly lower than ${benchmarkName}`;
    case 'similar':
      return `Not significantly different from ${benchmarkName}`;
    case 'not_compared':
      return 'Not compared';
  }
}

export const TREND_WORDS: Readonly<Record<TrendDirection, string>> = {
  increasing: 'Increasing',
  decreasing: 'Decreasing',
  no_significant_change: 'No significant change',
  not_enough_data: 'Not enough data',
};

/** An arrow for the direction of travel; shown aria-hidden beside the words. */
export const TREND_ARROWS: Readonly<Record<TrendDirection, string>> = {
  increasing: '↑',
  decreasing: '↓',
  no_significant_change: '→',
  not_enough_data: '',
};

export const ASSESSMENT_WORDS = { getting_better: 'getting better', getting_worse: 'getting worse' } as const;

export const TREND_METHOD_WORDS = {
  proportions: 'chi-squared test for trend in proportions',
  rates: 'chi-squared test for trend in rates',
  values: 'least-squares slope test',
} as const;

export const TARGET_STATUS_WORDS: Readonly<Record<string, string>> = {
  met: 'Target met',
  not_met: 'Target not met',
  no_target: 'No target',
  no_judgement: 'No judgement',
};

export function targetStatusWords(status: string): string {
  return TARGET_STATUS_WORDS[status] ?? 'No target';
}
