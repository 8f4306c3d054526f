/** The one-sentence account of the rule that goes into manifest.json and the site's footnotes. */
import type { DiscloseOptions } from './options.ts';
import { validateThreshold } from './options.ts';

export function describeRule(options: Pick<DiscloseOptions, 'threshold' | 'roundTo'> & Partial<Pick<DiscloseOptions, 'relations'>>): string {
  validateThreshold(options.threshold);
  const t = options.threshold;
  const parts: string[] = [];
  if (t <= 1) {
    parts.push('No counts suppressed');
  } else {
    parts.push(t === 2 ? 'Counts of 1 shown as [c]' : `Counts of 1 to ${t - 1} shown as [c]`);
    parts.push('secondary suppression so no suppressed count can be derived from published totals, rows or columns');
    // Without a particular table's relations this describes the whole release, claims included.
    if (!options.relations || options.relations.links.length > 0) parts.push('money amounts suppressed with their counts');
    parts.push('rates with a suppressed numerator suppressed');
  }
  if (options.roundTo !== null) {
    parts.push(`other counts rounded to the nearest ${options.roundTo}, so totals may not equal the sum of their parts`);
  }
  return `${parts.join('; ')}.`;
}
