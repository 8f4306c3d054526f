import { describe, expect, it } from 'vitest';
import { whyItMatters } from './why-it-matters.ts';

describe('whyItMatters', () => {
  it('names each target behind, and what a shortfall costs', () => {
    const text = whyItMatters([
      { label: 'Families attached in 2025-26', status: 'off_track' },
      { label: 'Families attached since the programme began', status: 'on_track' },
      { label: 'Open cases', status: 'no_target' },
    ]);
    expect(text).toMatch(/^Families attached in 2025-26 is off track\. Results payments are earned per family attached/);
  });

  it('says when a suppressed figure leaves progress unjudged, when all is on track, and when there is no target', () => {
    expect(whyItMatters([{ label: 'A', status: 'not_judged' }])).toMatch(/^Progress against a target cannot be judged/);
    expect(whyItMatters([{ label: 'A', status: 'on_track' }])).toMatch(/^Attachments are on track/);
    expect(whyItMatters([{ label: 'A', status: 'no_target' }])).toMatch(/^There is no cohort target/);
  });
});
