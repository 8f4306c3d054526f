import { describe, expect, it } from 'vitest';
import { changeDirection, formatChange } from './change.ts';

describe('formatChange', () => {
  it('gives the change and the relative change for counts', () => {
    expect(formatChange(305, 293)).toBe('up 12 (+4.1%)');
    expect(formatChange(290, 293)).toBe('down 3 (-1.0%)');
  });

  it('leaves the relative change out when asked or when it means nothing', () => {
    expect(formatChange(290, 293, { relative: false })).toBe('down 3');
    expect(formatChange(5, 0)).toBe('up 5');
  });

  it('says "no change" when the shown figures are equal', () => {
    expect(formatChange(12, 12)).toBe('no change');
    expect(formatChange(12.2, 12)).toBe('no change');
    expect(formatChange(40.02, 40, { unit: 'percent' })).toBe('no change');
  });

  it('reports percentages in percentage points', () => {
    expect(formatChange(42, 40, { unit: 'percent' })).toBe('up 2.0 percentage points');
    expect(formatChange(39, 40, { unit: 'percent', decimals: 0 })).toBe('down 1 percentage point');
  });

  it('formats money and rates in their unit', () => {
    expect(formatChange(5200, 4000, { unit: 'gbp' })).toBe('up £1,200 (+30.0%)');
    expect(formatChange(21.5, 23.75, { unit: 'rate_per_10000' })).toBe('down 2.3');
  });

  it('has nothing to say when either value is missing', () => {
    expect(formatChange(null, 12)).toBeNull();
    expect(formatChange(12, undefined)).toBeNull();
    expect(formatChange(Number.NaN, 12)).toBeNull();
  });
});

describe('changeDirection', () => {
  it('rounds to the shown precision first', () => {
    expect(changeDirection(10.4, 10)).toBe('none');
    expect(changeDirection(10.4, 10, 1)).toBe('up');
    expect(changeDirection(9, 10)).toBe('down');
  });
});
