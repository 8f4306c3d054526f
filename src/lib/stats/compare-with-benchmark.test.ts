import { describe, expect, it } from 'vitest';
import { compareWithBenchmark } from './compare-with-benchmark.ts';

describe('compareWithBenchmark', () => {
  it('is significant only when the interval excludes the benchmark', () => {
    expect(compareWithBenchmark(11, 14, 10, 'high_is_good')).toBe('better');
    expect(compareWithBenchmark(11, 14, 10, 'low_is_good')).toBe('worse');
    expect(compareWithBenchmark(11, 14, 10, 'no_judgement')).toBe('higher');
    expect(compareWithBenchmark(6, 9, 10, 'high_is_good')).toBe('worse');
    expect(compareWithBenchmark(6, 9, 10, 'low_is_good')).toBe('better');
    expect(compareWithBenchmark(6, 9, 10, 'no_judgement')).toBe('lower');
  });

  it('calls touching or overlapping intervals similar', () => {
    expect(compareWithBenchmark(8, 12, 10, 'high_is_good')).toBe('similar');
    expect(compareWithBenchmark(10, 12, 10, 'high_is_good')).toBe('similar');
    expect(compareWithBenchmark(8, 10, 10, 'no_judgement')).toBe('similar');
  });

  it('does not compare without an interval or benchmark', () => {
    expect(compareWithBenchmark(null, 12, 10, 'high_is_good')).toBe('not_compared');
    expect(compareWithBenchmark(8, null, 10, 'high_is_good')).toBe('not_compared');
    expect(compareWithBenchmark(8, 12, null, 'high_is_good')).toBe('not_compared');
  });
});
