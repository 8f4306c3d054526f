/**
 * Placing direct labels at the ends of lines without overlap: labels whose lines end close
 * together are pushed apart vertically, keeping their order, and kept inside the plot.
 */

export interface LabelBox {
  /** Wanted centre in px (top is 0). */
  readonly y: number;
  /** Height in px. */
  readonly height: number;
}

/**
 * Centres in px, one per box in input order, each as close to its wanted centre as the
 * others allow. A forward pass pushes labels down past their upper neighbour, then a
 * backward pass pulls any that fall below `bottom` back up.
 */
export function spreadLabels(boxes: readonly LabelBox[], top: number, bottom: number): number[] {
  const order = boxes.map((_, i) => i).sort((a, b) => (boxes[a]?.y ?? 0) - (boxes[b]?.y ?? 0) || a - b);
  const centre = boxes.map((b) => b.y);
  const height = (i: number) => boxes[i]?.height ?? 0;
  const get = (i: number) => centre[i] ?? 0;
  let previous: number | undefined;
  for (const i of order) {
    let c = Math.max(get(i), top + height(i) / 2);
    if (previous !== undefined) c = Math.max(c, get(previous) + (height(previous) + height(i)) / 2);
    centre[i] = c;
    previous = i;
  }
  let next: number | undefined;
  for (const i of [...order].reverse()) {
    let c = Math.min(get(i), bottom - height(i) / 2);
    if (next !== undefined) c = Math.min(c, get(next) - (height(next) + height(i)) / 2);
    centre[i] = c;
    next = i;
  }
  return centre;
}
