/**
 * Meanings of the Government Statistical Service symbols, for keys above tables and `<abbr>`
 * titles. The symbols themselves are the data contract in src/lib/outputs/tables.ts.
 */
import { GSS, type GssFlag } from '../outputs/tables.ts';

export interface SymbolMeaning {
  /** Short meaning for the key: "confidential". */
  label: string;
  /** Fuller wording for `<abbr title>`: what the reader should understand. */
  description: string;
  /** True when the symbol stands in place of a value; false when it qualifies a shown value. */
  replacesValue: boolean;
}

export const SYMBOL_MEANINGS: Readonly<Record<GssFlag, SymbolMeaning>> = {
  [GSS.c]: { label: 'confidential', description: 'confidential – suppressed to protect privacy', replacesValue: true },
  [GSS.x]: { label: 'not available', description: 'not available – no data were collected or returned', replacesValue: true },
  [GSS.z]: { label: 'not applicable', description: 'not applicable – this figure does not apply here', replacesValue: true },
  [GSS.low]: { label: 'low', description: 'low – a value that rounds to zero but is not zero', replacesValue: true },
  [GSS.rd]: { label: 'rounded', description: 'rounded (to the nearest 10, or more coarsely for a large total) so that it cannot give a confidential figure away', replacesValue: false },
  [GSS.p]: { label: 'provisional', description: 'provisional – this figure may be revised', replacesValue: false },
  [GSS.r]: { label: 'revised', description: 'revised – this figure has changed since it was first published', replacesValue: false },
  [GSS.e]: { label: 'estimated', description: 'estimated – this figure is an estimate', replacesValue: false },
  [GSS.b]: { label: 'break in series', description: 'break in series – not directly comparable with earlier figures', replacesValue: false },
  [GSS.u]: { label: 'low reliability', description: 'low reliability – treat this figure with caution', replacesValue: false },
};

/** Every symbol in the order a key lists them. */
export const SYMBOL_ORDER: readonly GssFlag[] = Object.values(GSS);

export function isGssFlag(text: string): text is GssFlag {
  return Object.hasOwn(SYMBOL_MEANINGS, text);
}

/** A symbol anywhere in a formatted cell: "[c]" alone or "12 [p]". */
const SYMBOL_PATTERN = /\[(?:c|x|z|low|rd|p|r|e|b|u)\]/g;

export type TextPart = { kind: 'text'; text: string } | { kind: 'symbol'; symbol: GssFlag };

/** Splits formatted text into plain text and GSS symbols so each symbol can be marked up. */
export function splitSymbols(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(SYMBOL_PATTERN)) {
    const start = match.index;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'symbol', symbol: match[0] as GssFlag });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** The symbols that occur in some texts, in key order, each once. */
export function symbolsIn(texts: Iterable<string>): GssFlag[] {
  const found = new Set<GssFlag>();
  for (const text of texts) {
    for (const part of splitSymbols(text)) if (part.kind === 'symbol') found.add(part.symbol);
  }
  return SYMBOL_ORDER.filter((symbol) => found.has(symbol));
}
