import { describe, expect, it } from 'vitest';
import { whatChanged, type WhatChangedInput } from './what-changed.ts';

const n = (value: number) => ({ value, flag: null });
const c = { value: null, flag: '[c]' as const };

const base: WhatChangedInput = {
  quarter: '2024-25 Q3',
  previousQuarter: '2024-25 Q2',
  areaName: 'Wyvern',
  attached: { current: n(30), previous: n(19) },
  openByLocality: [
    { name: 'Northgate', current: n(20), previous: n(14) },
    { name: 'Eastbrook', current: n(30), previous: n(33) },
    { name: 'Westfield', current: n(12), previous: n(10) },
  ],
  targets: [{ label: 'families attached in 2024-25', status: 'on_track', actual: n(85), expected: 60 }],
};

describe('whatChanged', () => {
  it('names the attachments, the largest rise and fall by locality, and the targets met', () => {
    expect(whatChanged(base)).toBe(
      'In 2024-25 Q3 Wyvern attached 30 families, up 11 on 2024-25 Q2. ' +
        'The largest rise in open cases was in Northgate (up 6, to 20); the largest fall was in Eastbrook (down 3, to 30). ' +
        'Families attached in 2024-25: on track (85 against 60 expected by now).',
    );
  });

  it('leaves out localities with a suppressed figure and says so', () => {
    const text = whatChanged({
      ...base,
      openByLocality: [
        { name: 'Northgate', current: c, previous: n(14) },
        { name: 'Eastbrook', current: n(30), previous: n(33) },
      ],
    });
    expect(text).toContain('The largest fall in open cases was in Eastbrook (down 3, to 30).');
    expect(text).not.toContain('Northgate');
    expect(text).toContain('One locality is left out of this comparison because a figure is suppressed.');
  });

  it('reports a missed target with its status in words', () => {
    const text = whatChanged({ ...base, targets: [{ label: 'families attached since the programme began', status: 'off_track', actual: n(300), expected: 464 }] });
    expect(text).toContain('Families attached since the programme began: off track (300 against 464 expected by now).');
  });

  it('never turns a suppressed count into a number', () => {
    const text = whatChanged({ ...base, attached: { current: c, previous: n(19) } });
    expect(text).toContain('In 2024-25 Q3 the number of families Wyvern attached is suppressed ([c]).');
    expect(text).not.toMatch(/attached 0/);
  });

  it('has no comparison in the first published quarter', () => {
    const text = whatChanged({ ...base, previousQuarter: null, targets: [] });
    expect(text).toBe('In 2024-25 Q3 Wyvern attached 30 families.');
  });

  it('says when no published caseload moved', () => {
    const text = whatChanged({ ...base, openByLocality: [{ name: 'Northgate', current: n(5), previous: n(5) }], targets: [] });
    expect(text).toContain('Open caseloads did not change in any locality with published figures.');
  });
});
