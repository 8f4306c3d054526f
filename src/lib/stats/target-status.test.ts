import { describe, expect, it } from 'vitest';
import { targetStatus } from './target-status.ts';

describe('targetStatus', () => {
  it('reads the target by polarity, equal counting as met', () => {
    expect(targetStatus(61, 60, 'high_is_good')).toBe('met');
    expect(targetStatus(60, 60, 'high_is_good')).toBe('met');
    expect(targetStatus(59, 60, 'high_is_good')).toBe('not_met');
    expect(targetStatus(59, 60, 'low_is_good')).toBe('met');
    expect(targetStatus(60, 60, 'low_is_good')).toBe('met');
    expect(targetStatus(61, 60, 'low_is_good')).toBe('not_met');
  });

  it('says why it cannot judge', () => {
    expect(targetStatus(61, null, 'high_is_good')).toBe('no_target');
    expect(targetStatus(null, null, 'no_judgement')).toBe('no_target');
    expect(targetStatus(61, 60, 'no_judgement')).toBe('no_judgement');
    expect(targetStatus(null, 60, 'high_is_good')).toBe('no_judgement');
  });

  it('judges the value as published when given decimals', () => {
    expect(targetStatus(59.96, 60, 'high_is_good')).toBe('not_met');
    expect(targetStatus(59.96, 60, 'high_is_good', 1)).toBe('met');
    expect(targetStatus(60.04, 60, 'low_is_good', 1)).toBe('met');
    expect(targetStatus(60.05, 60, 'low_is_good', 1)).toBe('not_met');
    expect(targetStatus(1.005, 1.01, 'high_is_good', 2)).toBe('met');
  });
});
