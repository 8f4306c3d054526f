/** Options shared by the disclosure functions, checked once at the public entry points. */
import type { RelationSpec } from './relations.ts';

export interface DiscloseOptions {
  /** Counts from 1 to threshold − 1 are suppressed; 1 switches primary suppression off. */
  readonly threshold: number;
  /** Base to round published counts to after suppression (5 or 10), or null for none. */
  readonly roundTo: number | null;
  readonly relations: RelationSpec;
}

export type IndicatorDiscloseOptions = Pick<DiscloseOptions, 'threshold'>;

export function validateThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`Disclosure threshold must be a whole number of at least 1; got ${threshold}.`);
  }
}
