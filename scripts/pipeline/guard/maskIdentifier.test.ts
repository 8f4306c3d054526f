import { describe, expect, it } from 'vitest';
import { maskIdentifier } from './maskIdentifier.ts';

describe('maskIdentifier', () => {
  it.each([
    ['nhs_number', '9434765919', '943 *** ****'],
    ['nhs_number', '943-476-5919', '943 *** ****'],
    ['email', 'sam.jones@example.org', 's***@***'],
    ['postcode', 'SW1A 1AA', 'S*** ***'],
    ['ni_number', 'AB 12 34 56 C', 'A* ** ** ** *'],
    ['upn', 'B801200005001', 'B************'],
    ['phone', '07700 900123', '0**** ******'],
    ['phone', '+44 (0)20 7946 0958', '+44 (0)** **** ****'],
  ] as const)('masks %s %s as %s', (kind, value, masked) => {
    expect(maskIdentifier(kind, value)).toBe(masked);
  });
});
