import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast.ts';

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // GOV.UK link blue on white.
    expect(contrastRatio('#1d70b8', '#FFFFFF')).toBeCloseTo(5.17, 2);
  });

  it('rejects anything but six-digit hex', () => {
    expect(() => contrastRatio('blue', '#ffffff')).toThrow('expected a colour such as "#1d70b8", got "blue"');
  });
});
