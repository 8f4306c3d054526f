/**
 * The evidence pack: one print-ready page per published quarter (/quarters/2025-26-q4/pack/)
 * that `npm run pack` prints to PDF through Chromium. Its sections, address, file name and
 * internal marking are declared here once: the page, its contents list, the printing command
 * and the tests all read them from here.
 */
import type { Audience } from '../outputs/tables.ts';
import { PACK_FOLDER, QUARTERS_PATH, quarterSlug } from '../dashboard/pages.ts';

/** Every section of the pack, in order: each is an <h2> with this id and a line of the contents list. */
export const PACK_SECTIONS = [
  { id: 'summary', title: 'Summary of the quarter' },
  { id: 'cohort-and-outcomes', title: 'Cohort and outcomes' },
  { id: 'indicators-by-locality', title: 'Indicators by locality' },
  { id: 'what-changed', title: 'What changed and why it matters' },
  { id: 'payment-by-results', title: 'Payment by results and finance' },
  { id: 'data-quality', title: 'Data quality' },
  { id: 'methodology', title: 'Methodology and definitions' },
  { id: 'caveats', title: 'Caveats and the disclosure rule' },
  { id: 'version', title: 'Version' },
] as const;

export type PackSectionId = (typeof PACK_SECTIONS)[number]['id'];

/** The words on every page of the internal (board) pack, printed and on screen. */
export const INTERNAL_MARKING = 'Internal: not for publication';

/** "2025-26 Q4" → "/quarters/2025-26-q4/pack/". */
export function packPath(quarter: string): string {
  return `${QUARTERS_PATH}${quarterSlug(quarter)}/${PACK_FOLDER}/`;
}

/** "2025-26 Q4", "board" → "evidence-pack-2025-26-q4-board.pdf". */
export function packFileName(quarter: string, audience: Audience): string {
  return `evidence-pack-${quarterSlug(quarter)}-${audience}.pdf`;
}

/** The pack's title, the same on the page, in the PDF's title and in its page headers. */
export function packTitle(quarter: string): string {
  return `Evidence pack, ${quarter}`;
}
