import { describe, expect, it } from 'vitest';
import { decodeWindows1252, locateByte, windows1252Character, windows1252ToUtf8, WINDOWS_1252_UNDEFINED } from './windows1252.ts';

describe('Windows-1252', () => {
  it('decodes 0x80-0x9F as the punctuation Excel writes, not as C1 control characters', () => {
    const bytes = Buffer.from([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x8a, 0x9f]);
    expect(decodeWindows1252(bytes)).toEqual({ ok: true, value: '€…‘’“”–—™ŠŸ' });
  });

  it('decodes ASCII and 0xA0-0xFF as Latin-1 does', () => {
    const text = 'Caf\u00e9 \u00a3800, \u00bd \u00ff';
    expect(decodeWindows1252(Buffer.from(text, 'latin1'))).toEqual({ ok: true, value: text });
  });

  it('transcodes to the same UTF-8 bytes as the string it decodes to', () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, b) => b).filter((b) => !WINDOWS_1252_UNDEFINED.includes(b)));
    const utf8 = windows1252ToUtf8(bytes);
    const text = decodeWindows1252(bytes);
    if (!utf8.ok || !text.ok) throw new Error('expected both to decode');
    expect(utf8.value.equals(Buffer.from(text.value, 'utf8'))).toBe(true);
    expect([...text.value]).toHaveLength(bytes.length);
  });

  it('refuses each of the five undefined bytes and says where the first is', () => {
    expect(WINDOWS_1252_UNDEFINED).toEqual([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
    for (const byte of WINDOWS_1252_UNDEFINED) {
      const bytes = Buffer.from([0x61, 0x0a, 0x62, 0x63, byte, 0x81]);
      expect(windows1252ToUtf8(bytes)).toEqual({ ok: false, offset: 4, byte });
      expect(locateByte(bytes, 4)).toEqual({ line: 2, column: 3 });
      expect(windows1252Character(byte)).toBe('');
    }
  });

  it('names the character a byte stands for', () => {
    expect(windows1252Character(0x96)).toBe('–');
    expect(windows1252Character(0x80)).toBe('€');
    expect(windows1252Character(0xe9)).toBe('é');
  });
});
