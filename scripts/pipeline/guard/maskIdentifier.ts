/**
 * Mask an identifier for a message. Messages end up in terminals, CI logs and the quality
 * report, so they show only enough to find the value in the source ("943 *** ****"), never
 * the identifier itself.
 */
import type { ValueIdentifierKind } from './identifierKinds.ts';

function starAfter(text: string, keep: number): string {
  let seen = 0;
  return text.replace(/[A-Za-z0-9]/g, (char) => (seen++ < keep ? char : '*'));
}

export function maskIdentifier(kind: ValueIdentifierKind, text: string): string {
  const value = text.trim();
  switch (kind) {
    case 'nhs_number': {
      // Always shown in the 3-3-4 NHS format whatever the source spacing.
      const digits = value.replace(/\D/g, '');
      return `${digits.slice(0, 3)} *** ****`;
    }
    case 'email':
      return `${value.slice(0, 1)}***@***`;
    case 'phone': {
      // The +44 or 0 trunk prefix says nothing about the person; the digits after it do.
      const prefix = /^(?:\+|00\s?)44\s?(?:\(0\))?/.exec(value)?.[0] ?? '';
      return prefix + starAfter(value.slice(prefix.length), prefix === '' ? 1 : 0);
    }
    case 'ni_number':
    case 'upn':
    case 'postcode':
      return starAfter(value, 1);
  }
}
