import { describe, expect, it } from 'vitest';
import { checkFigureTitle, countWords } from './titleWords.ts';

describe('figure titles', () => {
  it('counts words separated by any whitespace', () => {
    expect(countWords('  Attachments rose in\tevery locality ')).toBe(5);
    expect(countWords('')).toBe(0);
  });

  it('accepts ten words and refuses eleven', () => {
    expect(() => checkFigureTitle('one two three four five six seven eight nine ten', 'f')).not.toThrow();
    expect(() => checkFigureTitle('one two three four five six seven eight nine ten eleven', 'attached')).toThrow(
      'Figure "attached": the title "one two three four five six seven eight nine ten eleven" has 11 words; an active title has at most 10. Move the detail into the caption.',
    );
  });

  it('refuses an empty title', () => {
    expect(() => checkFigureTitle(' ', 'f')).toThrow(/Figure "f": the title is empty/);
  });
});
