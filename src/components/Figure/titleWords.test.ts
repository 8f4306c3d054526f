import { describe, expect, it, vi } from 'vitest';
import { checkFigureTitle, countWords, titleStyleProblem } from './titleWords.ts';

describe('figure titles', () => {
  it('counts words separated by any whitespace', () => {
    expect(countWords('  Attachments rose in\tevery locality ')).toBe(5);
    expect(countWords('')).toBe(0);
  });

  it('accepts ten words and reports eleven', () => {
    expect(titleStyleProblem('one two three four five six seven eight nine ten', 'f')).toBeNull();
    expect(titleStyleProblem('one two three four five six seven eight nine ten eleven', 'attached')).toBe(
      'Figure "attached": the title "one two three four five six seven eight nine ten eleven" has 11 words; an active title has at most 10. ' +
        'It is shown as it is; shorten the names it is built from or move the detail into the caption.',
    );
  });

  it('warns once per title about a long generated title and never throws', () => {
    const warn = vi.fn();
    const title = 'Children in need: Royal Borough of Windsor and Maidenhead and England';
    expect(() => checkFigureTitle(title, 'trend', warn)).not.toThrow();
    checkFigureTitle(title, 'trend-again', warn);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/^Warning: Figure "trend": the title "Children in need: Royal Borough .*" has 11 words/);
  });

  it('refuses an empty title', () => {
    expect(() => checkFigureTitle(' ', 'f')).toThrow(/Figure "f": the title is empty/);
  });
});
