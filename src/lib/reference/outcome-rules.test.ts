import { describe, expect, it } from 'vitest';
import { loadReference } from './load.ts';
import { longestFollowupMonths } from './outcome-rules.ts';

describe('longestFollowupMonths', () => {
  it('takes each measure\'s longest minimum across the rules, from a condition or its rule', async () => {
    const { programme } = await loadReference('data/reference');
    const rules = {
      schema_version: 1 as const,
      rules: [
        { code: 'a', title: 'A', phase: 'phase_1', claim_type: 'x', followup_months: 4, all_of: [{ kind: 'measure' as const, measure: 'school_attendance', followup_months: 9 }, { kind: 'measure' as const, measure: 'asb_incidents' }] },
        { code: 'b', title: 'B', phase: 'phase_1', claim_type: 'y', all_of: [{ kind: 'measure' as const, measure: 'asb_incidents', followup_months: 6 }, { kind: 'measure' as const, measure: 'progress_to_work' }] },
        { code: 'c', title: 'C', phase: 'phase_2', claim_type: 'z', all_of: [{ kind: 'every_need' as const, followup_months: 3, except_measures: ['continuous_employment'] }] },
      ],
    };
    const longest = longestFollowupMonths(rules, programme);
    expect(longest.get('school_attendance')).toBe(9);
    expect(longest.get('asb_incidents')).toBe(6);
    // Every need's minimum reaches every measure but those it leaves out, which no rule asks for.
    expect(longest.get('progress_to_work')).toBe(3);
    expect(longest.has('continuous_employment')).toBe(false);
  });

  it('reads the shipped phase 1 minimums: three terms of school, six months of offending', async () => {
    const { programme, outcomeRules } = await loadReference('data/reference');
    const longest = longestFollowupMonths(outcomeRules!, programme);
    expect([longest.get('school_attendance'), longest.get('school_exclusions'), longest.get('asb_incidents'), longest.get('youth_offending')]).toEqual([9, 9, 6, 6]);
  });
});
