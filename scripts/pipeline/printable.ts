/**
 * Text from the data or the system made safe to print, on a console or in the readable quality
 * report: control characters (a line break inside a quoted value, a terminal escape sequence that
 * recolours or clears the screen) and invisible format characters (a byte-order mark or
 * zero-width space inside a value, marks that reorder text on screen) are shown as escapes such
 * as \n, \u001B or \uFEFF, so a value can neither forge a line of the output nor look like a
 * valid one. Line breaks between the lines of a message are kept with `keepLineBreaks`.
 */
export function printable(text: string, keepLineBreaks = false): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, (c) => {
    if (c === '\n') return keepLineBreaks ? c : '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
}
