import { describe, expect, it } from 'vitest';
import { formatStatus, isStatus, STATUSES } from './status.ts';

describe('status labels', () => {
  it('has words for every status', () => {
    expect(STATUSES.map(formatStatus)).toEqual(['On track', 'At risk', 'Off track', 'No target', 'Cannot be judged']);
  });

  it('recognises status codes', () => {
    expect(isStatus('at_risk')).toBe(true);
    expect(isStatus('met')).toBe(false);
  });
});
