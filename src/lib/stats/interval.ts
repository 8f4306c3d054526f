/** A two-sided confidence interval, in the units of the value it bounds. */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/** z for a two-sided 95% interval: the 97.5th percentile of the standard normal. */
export const Z_95 = 1.959964;

/** z for a two-sided 99.8% interval, which some Fingertips profiles use for control limits. */
export const Z_99_8 = 3.090232;
