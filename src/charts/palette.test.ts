import { describe, expect, it } from 'vitest';
import { DASHES, GREYS, PALETTE, SYMBOLS, contrastWithWhite, seriesStyles, textColourFor } from './palette.ts';

describe('palette', () => {
  it('uses the Analysis Function colours, each at least 3:1 against white', () => {
    expect(PALETTE).toEqual(['#12436D', '#28A197', '#801650', '#F46A25']);
    for (const colour of PALETTE) expect(contrastWithWhite(colour)).toBeGreaterThanOrEqual(3);
  });

  it('uses greys for text and reference lines that reach 4.5:1', () => {
    for (const colour of [GREYS.text, GREYS.secondaryText, GREYS.reference]) expect(contrastWithWhite(colour)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives the n-th series the n-th colour, dash and symbol, whatever the keys', () => {
    const a = seriesStyles(['x', 'y', 'z']);
    const b = seriesStyles(['p', 'q', 'r']);
    expect([...a.values()].map((s) => s.colour)).toEqual([...b.values()].map((s) => s.colour));
    expect([...a.values()].map((s) => [s.colour, s.dash, s.symbol])).toEqual([
      [PALETTE[0], DASHES[0], SYMBOLS[0]],
      [PALETTE[1], DASHES[1], SYMBOLS[1]],
      [PALETTE[2], DASHES[2], SYMBOLS[2]],
    ]);
  });

  it('never relies on colour alone: dash or symbol differ between any two of the first four', () => {
    const styles = [...seriesStyles(['a', 'b', 'c', 'd']).values()];
    const cues = styles.map((s) => `${s.dash}|${s.symbol}`);
    expect(new Set(cues).size).toBe(4);
  });

  it('greys every series but the highlighted ones, which take palette colours in order', () => {
    const styles = seriesStyles(['a', 'b', 'c'], { highlight: ['c'] });
    expect(styles.get('c')).toMatchObject({ colour: PALETTE[0], emphasised: true, strokeWidth: 3 });
    expect(styles.get('a')).toMatchObject({ colour: GREYS.reference, emphasised: false, labelColour: GREYS.secondaryText });
  });

  it('labels series in a colour readable as text', () => {
    for (const style of seriesStyles(['a', 'b', 'c', 'd']).values()) expect(contrastWithWhite(style.labelColour)).toBeGreaterThanOrEqual(4.5);
    expect(textColourFor('#12436D')).toBe('#12436D');
    expect(textColourFor('#F46A25')).toBe(GREYS.text);
  });

  it('rejects duplicate keys and malformed colours', () => {
    expect(() => seriesStyles(['a', 'a'])).toThrow('seriesStyles: duplicate series key "a"');
    expect(() => contrastWithWhite('teal')).toThrow('contrastWithWhite: "teal" is not a #rrggbb colour');
  });
});
