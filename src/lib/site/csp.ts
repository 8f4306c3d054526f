/**
 * The Content-Security-Policy every page carries, as a <meta http-equiv> written by the layout
 * (a static host may not let a council set headers). It enforces what the site promises: nothing
 * from another host. Scripts, workers, styles, images and fetches come from the site's own
 * origin; 'wasm-unsafe-eval' lets DuckDB-WASM compile its engine, and nothing else is allowed to
 * evaluate code. Styles are files, except two inline blocks the build knows the text of and
 * allows by hash (see src/charts/inline-styles.ts), so no 'unsafe-inline' is needed.
 *
 * frame-ancestors, report-uri and sandbox are ignored in a meta policy, so they are not set.
 */
import { createHash } from 'node:crypto';

/** The directives, each with its sources; style-src gets the inline styles' hashes added. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  'connect-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** The CSP hash source of an inline <style> or <script>: 'sha256-…' of its exact text. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The policy text, allowing exactly the given inline style blocks. */
export function contentSecurityPolicy(inlineStyles: readonly string[]): string {
  const hashes = [...new Set(inlineStyles.map(hashSource))];
  return Object.entries(CSP_DIRECTIVES)
    .map(([name, sources]) => [name, ...sources, ...(name === 'style-src' ? hashes : [])].join(' '))
    .join('; ');
}
