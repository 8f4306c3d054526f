import { describe, expect, it } from 'vitest';
import { spinePosition } from './spine-position.ts';

describe('spinePosition', () => {
  it('places double and half the same distance either side of the spine', () => {
    expect(spinePosition(40, 20).position).toBeCloseTo(1);
    expect(spinePosition(10, 20).position).toBeCloseTo(-1);
    expect(spinePosition(20, 20)).toEqual({ position: 0, relative: 0 });
  });

  it('caps extremes and copes with zero', () => {
    expect(spinePosition(1000, 20).position).toBe(1);
    expect(spinePosition(0, 20).position).toBe(-1);
    expect(spinePosition(0, 20).relative).toBe(-1);
  });

  it('has no relative difference when a value is missing or the benchmark is zero', () => {
    expect(spinePosition(null, 20)).toEqual({ position: 0, relative: null });
    expect(spinePosition(5, null)).toEqual({ position: 0, relative: null });
    expect(spinePosition(5, 0)).toEqual({ position: 0, relative: null });
  });
});
