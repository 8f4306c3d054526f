import { describe, expect, it } from 'vitest';
import { spreadLabels } from './label-layout.ts';

describe('spreadLabels', () => {
  it('leaves labels that do not overlap where they are', () => {
    expect(spreadLabels([{ y: 50, height: 10 }, { y: 100, height: 10 }], 0, 200)).toEqual([50, 100]);
  });

  it('pushes overlapping labels apart, keeping their order', () => {
    const [a = 0, b = 0, c = 0] = spreadLabels(
      [
        { y: 100, height: 20 },
        { y: 95, height: 20 },
        { y: 102, height: 20 },
      ],
      0,
      300,
    );
    expect(b).toBeLessThan(a);
    expect(a).toBeLessThan(c);
    expect(a - b).toBeGreaterThanOrEqual(20);
    expect(c - a).toBeGreaterThanOrEqual(20);
  });

  it('keeps labels inside the bounds', () => {
    const centres = spreadLabels(
      [
        { y: 195, height: 20 },
        { y: 198, height: 20 },
      ],
      0,
      200,
    );
    expect(Math.max(...centres)).toBeLessThanOrEqual(190);
    expect(Math.abs((centres[0] ?? 0) - (centres[1] ?? 0))).toBeGreaterThanOrEqual(20);
  });
});
