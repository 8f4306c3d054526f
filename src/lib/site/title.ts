/** The product's name and the browser-tab title every page follows. */

export const SERVICE_NAME = 'Think Family Outcomes';

/**
 * "Methodology – Wyvern Borough Council – Think Family Outcomes": the page first, so a tab or a
 * screen reader's window list tells pages apart (WCAG 2.4.2).
 */
export function pageTitle(page: string, councilName: string): string {
  return [page, councilName, SERVICE_NAME].map((part) => part.trim()).filter(Boolean).join(' – ');
}
