/**
 * Chart titles are "active": they say what the chart shows, in ten words or fewer (Analysis
 * Function guidance). Many titles are generated from a council's own reference data (an
 * indicator's short title plus the authority's name), so a long but legitimate name such as
 * "Royal Borough of Windsor and Maidenhead" must never fail that council's build: a title over
 * the limit is shown as it is and reported once, as a warning, for an editor to shorten.
 */
export const MAX_TITLE_WORDS = 10;

export function countWords(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/** What is wrong with a title, in a sentence, or null when it follows the style rule. */
export function titleStyleProblem(title: string, id: string): string | null {
  const words = countWords(title);
  if (words <= MAX_TITLE_WORDS) return null;
  return (
    `Figure "${id}": the title "${title}" has ${words} words; an active title has at most ${MAX_TITLE_WORDS}. ` +
    'It is shown as it is; shorten the names it is built from or move the detail into the caption.'
  );
}

// One warning per title per build: the same generated title repeats on many pages.
const warned = new Set<string>();

/**
 * Checks a figure's title as the build renders it. An empty title is a page's mistake (the
 * figure would have no accessible name), so it stops the build; a long one only warns.
 */
export function checkFigureTitle(title: string, id: string, warn: (message: string) => void = console.warn): void {
  if (countWords(title) === 0) throw new Error(`Figure "${id}": the title is empty; give it an active title such as "Attachments rose in every locality".`);
  const problem = titleStyleProblem(title, id);
  if (problem === null || warned.has(title)) return;
  warned.add(title);
  warn(`Warning: ${problem}`);
}
