import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDataDictionary } from './dictionary.ts';
import { extracts } from './extracts.ts';

describe('data dictionary', () => {
  it('is up to date with the contract (run `npm run dictionary` to regenerate)', () => {
    expect(readFileSync('data/DATA-DICTIONARY.md', 'utf8')).toBe(renderDataDictionary());
  });

  it('documents every column of every extract', () => {
    const text = renderDataDictionary();
    for (const spec of extracts) for (const c of spec.columns) expect(text).toContain(`\`${c.name}\``);
  });
});
