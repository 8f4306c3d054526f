import { describe, expect, it } from 'vitest';
import { pageTitle } from './title.ts';

describe('pageTitle', () => {
  it('puts the page before the council and the service', () => {
    expect(pageTitle('Methodology', 'Wyvern Borough Council')).toBe('Methodology – Wyvern Borough Council – Think Family Outcomes');
  });

  it('drops empty parts rather than leaving stray dashes', () => {
    expect(pageTitle(' ', 'Wyvern Borough Council')).toBe('Wyvern Borough Council – Think Family Outcomes');
  });
});
