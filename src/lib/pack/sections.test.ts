import { describe, expect, it } from 'vitest';
import { PACK_SECTIONS, packFileName, packPath } from './sections.ts';

describe('evidence pack names', () => {
  it('puts the pack under its quarter’s page and names its PDF by quarter and audience', () => {
    expect(packPath('2025-26 Q4')).toBe('/quarters/2025-26-q4/pack/');
    expect(packFileName('2025-26 Q4', 'board')).toBe('evidence-pack-2025-26-q4-board.pdf');
  });

  it('has the sections the issue asks for, each with an id of its own', () => {
    expect(PACK_SECTIONS.map((s) => s.title)).toEqual([
      'Summary of the quarter',
      'Cohort and outcomes',
      'Indicators by locality',
      'What changed and why it matters',
      'Payment by results and finance',
      'Data quality',
      'Methodology and definitions',
      'Caveats and the disclosure rule',
      'Version',
    ]);
    expect(new Set(PACK_SECTIONS.map((s) => s.id)).size).toBe(PACK_SECTIONS.length);
  });
});
