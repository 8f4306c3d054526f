import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { roundToBase } from '../../../src/lib/outputs/rounding.ts';
import { roundPublished } from './rounding.ts';

describe('roundToBase', () => {
  it('rounds to the nearest multiple, halves up', () => {
    expect([0, 2, 3, 7, 8, 12, 13, 25].map((v) => roundToBase(v, 5))).toEqual([0, 0, 5, 5, 10, 10, 15, 25]);
    expect([4, 5, 15, 14].map((v) => roundToBase(v, 10))).toEqual([0, 10, 20, 10]);
  });
});

describe('roundPublished', () => {
  it('rounds only the rows marked, and marks a non-zero count rounded to 0 as [low]', () => {
    const t = aq.from([
      { value: 13, flag: null, round_me: true },
      { value: 13, flag: null, round_me: false },
      { value: 2, flag: null, round_me: true },
      { value: 0, flag: null, round_me: true },
      { value: null, flag: '[c]', round_me: true },
    ]);
    expect(roundPublished(t, 5).objects()).toEqual([
      { value: 15, flag: null, round_me: true },
      { value: 13, flag: null, round_me: false },
      { value: null, flag: '[low]', round_me: true },
      { value: 0, flag: null, round_me: true },
      { value: null, flag: '[c]', round_me: true },
    ]);
  });
});
