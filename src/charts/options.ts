/**
 * Options every chart shares, and how a chart finds the document to draw into. Charts never
 * import linkedom themselves, so the browser bundle stays small: at build time pages pass
 * `serverDocument()` from `render.ts`; in the browser the global `document` is used.
 */

/** Keys of a row type that can name a column. */
export type KeyOf<T> = Extract<keyof T, string>;

export interface ChartBaseOptions {
  /** The accessible name, drawn as the SVG <title>: the chart's active title. */
  readonly title: string;
  /** The text alternative (<desc>); a summary of the data is written when omitted. */
  readonly description?: string;
  /**
   * Unique on the page: prefixes the ids of <title>, <desc> and clip paths. Defaults to a slug
   * of the title plus a hash, which is stable but collides if two charts share a title.
   */
  readonly id?: string;
  readonly width?: number;
  readonly height?: number;
  /** Document to create elements in; defaults to `globalThis.document` when there is one. */
  readonly document?: Document;
}

/** The class Plot puts on the root SVG; fixed so output never depends on Plot's default. */
export const CHART_CLASS = 'tfo-chart';

/** What every chart gives Plot first: the document to draw in, the site's class, no <figure>, its size. */
export function plotFrame(document: Document | undefined, width: number, height: number) {
  return { ...(document ? { document } : {}), className: CHART_CLASS, figure: false, width, height } as const;
}

/** Font sizes in px: tick labels at 12, direct labels and messages at 14. */
export const FONT = { tick: 12, label: 14 } as const;

export function chartDocument(chart: string, document: Document | undefined): Document {
  const found = document ?? (globalThis as { document?: Document }).document;
  if (!found) {
    throw new Error(`${chart}: no document; pass options.document (serverDocument() from src/charts/render.ts at build time)`);
  }
  return found;
}

/** A stable, valid id for the chart: the caller's, or a slug of the title with a short hash. */
export function chartId(options: Pick<ChartBaseOptions, 'id' | 'title'>): string {
  if (options.id !== undefined) {
    if (!/^[A-Za-z][\w-]*$/.test(options.id)) throw new Error(`chart id "${options.id}" must start with a letter and use only letters, digits, "-" and "_"`);
    return options.id;
  }
  const slug = options.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `chart-${slug ? `${slug}-` : ''}${fnv1a(options.title)}`;
}

/** 32-bit FNV-1a as base 36: short, deterministic, no crypto needed in the browser. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** Rough width in px of a line of text in a proportional system font: enough to size margins. */
export function textWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * 0.6);
}
