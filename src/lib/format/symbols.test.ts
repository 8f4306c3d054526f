import { describe, expect, it } from 'vitest';
import { GSS } from '../outputs/tables.ts';
import { isGssFlag, splitSymbols, symbolsIn, SYMBOL_MEANINGS, SYMBOL_ORDER } from './symbols.ts';

describe('GSS symbol meanings', () => {
  it('covers every symbol in the data contract', () => {
    expect(Object.keys(SYMBOL_MEANINGS).sort()).toEqual(Object.values(GSS).sort());
    expect(SYMBOL_ORDER[0]).toBe('[c]');
    expect(SYMBOL_MEANINGS['[c]'].description).toBe('confidential – suppressed to protect privacy');
  });

  it('recognises symbols exactly', () => {
    expect(isGssFlag('[c]')).toBe(true);
    expect(isGssFlag('[C]')).toBe(false);
    expect(isGssFlag('c')).toBe(false);
    expect(isGssFlag('toString')).toBe(false);
  });
});

describe('splitSymbols', () => {
  it('separates a symbol from the value it qualifies', () => {
    expect(splitSymbols('1,234 [p]')).toEqual([
      { kind: 'text', text: '1,234 ' },
      { kind: 'symbol', symbol: '[p]' },
    ]);
    expect(splitSymbols('[c]')).toEqual([{ kind: 'symbol', symbol: '[c]' }]);
    expect(splitSymbols('North')).toEqual([{ kind: 'text', text: 'North' }]);
    expect(splitSymbols('')).toEqual([]);
  });

  it('leaves bracketed text that is not a symbol alone', () => {
    expect(splitSymbols('[note 1]')).toEqual([{ kind: 'text', text: '[note 1]' }]);
  });
});

describe('symbolsIn', () => {
  it('lists each symbol used once, in key order', () => {
    expect(symbolsIn(['12', '[x]', '[c]', '5 [p]', '[c]'])).toEqual(['[c]', '[x]', '[p]']);
    expect(symbolsIn(['1', '2'])).toEqual([]);
  });
});
