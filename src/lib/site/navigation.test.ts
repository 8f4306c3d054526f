import { describe, expect, it } from 'vitest';
import { NAV_ITEMS, navState, withBase } from './navigation.ts';

const item = (label: string) => {
  const found = NAV_ITEMS.find((i) => i.label === label);
  if (!found) throw new Error(`no nav item ${label}`);
  return found;
};

describe('withBase', () => {
  it('prefixes root paths with the base', () => {
    expect(withBase('/methodology/')).toBe('/methodology/');
    expect(withBase('/methodology/', '/outcomes/')).toBe('/outcomes/methodology/');
    expect(withBase('/', '/outcomes')).toBe('/outcomes/');
    expect(withBase('data/', '/')).toBe('/data/');
  });
});

describe('navState', () => {
  it('marks the page itself', () => {
    expect(navState('/methodology/', item('Methodology'))).toBe('page');
    expect(navState('/methodology', item('Methodology'))).toBe('page');
    expect(navState('/methodology/index.html', item('Methodology'))).toBe('page');
    expect(navState('/', item('Dashboard'))).toBe('page');
  });

  it('marks the section of a page below an item', () => {
    expect(navState('/indicators/ni_111/', item('Indicators'))).toBe('section');
    expect(navState('/quarters/2025-26-q2/northgate/', item('Dashboard'))).toBe('section');
    expect(navState('/outcomes/quarters/2025-26-q2/', item('Dashboard'), '/outcomes/')).toBe('section');
  });

  it('never puts every page in the dashboard', () => {
    expect(navState('/methodology/', item('Dashboard'))).toBeNull();
    expect(navState('/data/', item('Indicators'))).toBeNull();
  });

  it('respects the base path', () => {
    expect(navState('/outcomes/compare/', item('Compare'), '/outcomes/')).toBe('page');
    expect(navState('/outcomes/', item('Dashboard'), '/outcomes/')).toBe('page');
    expect(navState('/compare/', item('Compare'), '/outcomes/')).toBeNull();
  });
});
