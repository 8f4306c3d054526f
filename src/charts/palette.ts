/**
 * Colours and series styles for every chart. Use `seriesStyles` whenever a chart draws more
 * than one series, so a series keeps the same colour, dash and marker in every chart that
 * shows the same list of series.
 *
 * The categorical colours are the UK Analysis Function palette: each reaches 3:1 against white
 * and against its neighbour, in this order. Colour is never the only cue: each style also has
 * a stroke dash and a marker symbol, and the charts label series directly in text.
 */

/** UK Analysis Function categorical palette, in the order series are given colours. */
export const PALETTE = ['#12436D', '#28A197', '#801650', '#F46A25'] as const;

/** Neutral greys; each used for text or meaningful lines reaches 4.5:1 against white. */
export const GREYS = {
  /** Body text and the target line. */
  text: '#0B0C0C',
  /** Secondary text such as tick labels and labels of de-emphasised series. */
  secondaryText: '#505A5F',
  /** De-emphasised series and reference lines (4.8:1 against white). */
  reference: '#6F777B',
  /** Gridlines: decorative only, so they may be faint. */
  grid: '#D9D9D9',
  /** Plot background, for halos behind labels. */
  background: '#FFFFFF',
} as const;

/** Stroke dash patterns in series order; `undefined` is a solid line. */
export const DASHES = [undefined, '8 4', '2 3', '10 3 2 3'] as const;

/** Plot symbol names in series order; filled shapes stay distinct at small sizes. */
export const SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star', 'wye'] as const;
export type SeriesSymbol = (typeof SYMBOLS)[number];

export interface SeriesStyle {
  readonly key: string;
  readonly colour: string;
  readonly dash: string | undefined;
  readonly symbol: SeriesSymbol;
  readonly strokeWidth: number;
  /** False for series drawn in grey behind a highlighted one. */
  readonly emphasised: boolean;
  /** Colour for the series' direct label: text needs 4.5:1, which two palette colours miss. */
  readonly labelColour: string;
}

export interface SeriesStyleOptions {
  /** Series keys to emphasise; every other series is drawn in grey. */
  readonly highlight?: readonly string[];
}

/**
 * Styles for series in the order given. The n-th series always gets the n-th colour, dash and
 * symbol, so the assignment depends only on the order of keys, never on the data values.
 * With a highlight, emphasised series take palette colours in their own order and the rest
 * are grey; they keep their dash and symbol so they can still be told apart.
 */
export function seriesStyles(keys: readonly string[], options: SeriesStyleOptions = {}): Map<string, SeriesStyle> {
  const highlight = options.highlight ?? [];
  const highlighting = highlight.length > 0;
  const styles = new Map<string, SeriesStyle>();
  let colourIndex = 0;
  keys.forEach((key, i) => {
    if (styles.has(key)) throw new Error(`seriesStyles: duplicate series key "${key}"`);
    const emphasised = !highlighting || highlight.includes(key);
    const colour = emphasised ? paletteColour(colourIndex++) : GREYS.reference;
    styles.set(key, {
      key,
      colour,
      dash: DASHES[i % DASHES.length],
      symbol: SYMBOLS[i % SYMBOLS.length] ?? 'circle',
      strokeWidth: highlighting && emphasised ? 3 : 2,
      emphasised,
      labelColour: emphasised ? textColourFor(colour) : GREYS.secondaryText,
    });
  });
  return styles;
}

/** The palette colour for the n-th series, cycling after four (charts should rarely need more). */
export function paletteColour(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length] ?? PALETTE[0];
}

/**
 * A text colour for labels drawn in a series' colour. Teal and orange reach 3:1, enough for
 * lines but not for 14px text, so their labels use body text colour; the line beside the label
 * and the matching dash still tie the two together.
 */
export function textColourFor(colour: string): string {
  return contrastWithWhite(colour) >= 4.5 ? colour : GREYS.text;
}

/** WCAG contrast ratio of a #rrggbb colour against white. */
export function contrastWithWhite(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`contrastWithWhite: "${hex}" is not a #rrggbb colour`);
  const channel = (h: string | undefined) => {
    const c = parseInt(h ?? '0', 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(m[1]) + 0.7152 * channel(m[2]) + 0.0722 * channel(m[3]);
  return 1.05 / (luminance + 0.05);
}
