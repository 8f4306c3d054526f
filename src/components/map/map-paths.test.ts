import { describe, expect, it } from 'vitest';
import { projectFeatures } from './map-paths.ts';

describe('projectFeatures', () => {
  const square = (code: string, x: number): { code: string; name: string; rings: [number, number][][] } => ({
    code,
    name: code,
    rings: [[[x, 53], [x + 0.1, 53], [x + 0.1, 53.1], [x, 53.1], [x, 53]]],
  });

  it('fits the features in the box, north up, with a label at each centre', () => {
    const [a, b] = projectFeatures([square('A', -2), square('B', -1.9)], 200, 100, 0);
    expect(a!.d.startsWith('M')).toBe(true);
    expect(a!.d.endsWith('Z')).toBe(true);
    // Two squares side by side fill the height; A is left of B.
    expect(a!.labelX).toBeLessThan(b!.labelX);
    expect(a!.labelY).toBeCloseTo(50, 0);
    const ys = a!.d.match(/,(-?[\d.]+)/g)!.map((s) => Number(s.slice(1)));
    expect(Math.min(...ys)).toBeCloseTo(0, 1);
    expect(Math.max(...ys)).toBeCloseTo(100, 1);
  });

  it('returns nothing for no features', () => {
    expect(projectFeatures([], 100, 100)).toEqual([]);
  });
});
