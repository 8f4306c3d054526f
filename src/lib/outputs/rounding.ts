/**
 * How a published count is rounded to a base (GSS practice): to the nearest multiple, halves up,
 * so the same count rounds the same way wherever it appears, in the release or summed on a page.
 */
export function roundToBase(value: number, base: number): number {
  return Math.floor(value / base + 0.5) * base;
}
