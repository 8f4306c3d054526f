/**
 * WCAG 2 contrast ratio between two sRGB colours. The header sets white text on the council's
 * accent colour, so the accent must reach 4.5:1 against white (WCAG 1.4.3, level AA).
 */

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new RangeError(`expected a colour such as "#1d70b8", got "${hex}"`);
  const [r, g, b] = [m[1], m[2], m[3]].map((part) => channel(parseInt(part ?? '0', 16))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** From 1 (no contrast) to 21 (black on white). */
export function contrastRatio(foreground: string, background: string): number {
  const [a, b] = [luminance(foreground), luminance(background)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

export const MIN_TEXT_CONTRAST = 4.5;
