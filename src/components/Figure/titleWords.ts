/**
 * Chart titles are "active": they say what the chart shows, in ten words or fewer (Analysis
 * Function guidance). A longer title is a configuration error the build reports in words.
 */
export const MAX_TITLE_WORDS = 10;

export function countWords(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

export function checkFigureTitle(title: string, id: string): void {
  const words = countWords(title);
  if (words === 0) throw new Error(`Figure "${id}": the title is empty; give it an active title such as "Attachments rose in every locality".`);
  if (words > MAX_TITLE_WORDS) {
    throw new Error(
      `Figure "${id}": the title "${title}" has ${words} words; an active title has at most ${MAX_TITLE_WORDS}. ` +
        'Move the detail into the caption.',
    );
  }
}
