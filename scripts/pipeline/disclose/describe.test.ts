import { describe, expect, it } from 'vitest';
import { describeRule } from './describe.ts';
import { TABLE_RELATIONS } from './relations.ts';

describe('describeRule', () => {
  it('states the default rule in one sentence', () => {
    expect(describeRule({ threshold: 5, roundTo: null })).toBe(
      'Counts of 1 to 4 shown as [c]; secondary suppression so no suppressed count can be derived from published totals, rows or columns; money amounts suppressed with their counts; rates with a suppressed numerator suppressed.',
    );
  });

  it('leaves money out for a table without linked amounts', () => {
    expect(describeRule({ threshold: 6, roundTo: null, relations: TABLE_RELATIONS.programme })).toBe(
      'Counts of 1 to 5 shown as [c]; secondary suppression so no suppressed count can be derived from published totals, rows or columns; rates with a suppressed numerator suppressed.',
    );
  });

  it('mentions linked money and rounding when they apply', () => {
    expect(describeRule({ threshold: 2, roundTo: 5, relations: TABLE_RELATIONS.claims })).toBe(
      'Counts of 1 shown as [c]; secondary suppression so no suppressed count can be derived from published totals, rows or columns; money amounts suppressed with their counts; rates with a suppressed numerator suppressed; other counts rounded to the nearest 5, so totals may not equal the sum of their parts.',
    );
  });

  it('says when nothing is suppressed', () => {
    expect(describeRule({ threshold: 1, roundTo: null })).toBe('No counts suppressed.');
  });
});
