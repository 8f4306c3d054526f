import { describe, expect, it } from 'vitest';
import type { DashboardConfig } from './config.ts';
import { areaSlug, dashboardPages, dashboardPath, quarterSlug, quartersByYear } from './pages.ts';

const config = {
  authority: { code: 'E06000001', name: 'Wyvern' },
  localities: [
    { code: 'NTH', name: 'Northgate', need: 1 },
    { code: 'CTR', name: 'Castle and Town Centre', need: 1 },
  ],
  quarters: ['2013-14 Q4', '2014-15 Q1', '2014-15 Q2'],
} as unknown as DashboardConfig;

describe('dashboard pages', () => {
  it('gives every quarter and area a stable address', () => {
    expect(quarterSlug('2025-26 Q2')).toBe('2025-26-q2');
    expect(areaSlug('Castle and Town Centre')).toBe('castle-and-town-centre');
    expect(dashboardPath(config, '2014-15 Q1', null)).toBe('/quarters/2014-15-q1/');
    expect(dashboardPath(config, '2014-15 Q1', 'CTR')).toBe('/quarters/2014-15-q1/castle-and-town-centre/');
    const pages = dashboardPages(config);
    expect(pages).toHaveLength(9);
    expect(new Set(pages.map((p) => p.path)).size).toBe(9);
  });

  it('keeps two localities whose names read alike apart', () => {
    const twins = { ...config, localities: [{ code: 'A1', name: 'St. Mary', need: 1 }, { code: 'A2', name: 'St Mary', need: 1 }] } as DashboardConfig;
    expect(dashboardPath(twins, '2014-15 Q1', 'A1')).toBe('/quarters/2014-15-q1/st-mary-a1/');
    expect(dashboardPath(twins, '2014-15 Q1', 'A2')).toBe('/quarters/2014-15-q1/st-mary-a2/');
  });

  it('keeps a locality named like another page of the quarter off that page', () => {
    const pack = { ...config, localities: [{ code: 'PK', name: 'Pack', need: 1 }] } as DashboardConfig;
    expect(dashboardPath(pack, '2014-15 Q1', 'PK')).toBe('/quarters/2014-15-q1/pack-pk/');
  });

  it('gives every locality its own address even when a fallback reads like another name', () => {
    const clash = {
      ...config,
      localities: [
        { code: 'A', name: 'Ash', need: 1 },
        { code: 'B', name: 'Ash', need: 1 },
        { code: 'X', name: 'Ash A', need: 1 },
        { code: 'P', name: 'Pack P', need: 1 },
        { code: 'Q', name: 'Pack', need: 1 },
        { code: 'P ', name: 'Pack', need: 1 },
        { code: '--', name: '***', need: 1 },
      ],
    } as DashboardConfig;
    const paths = clash.localities.map((l) => dashboardPath(clash, '2014-15 Q1', l.code));
    expect(new Set(paths).size).toBe(clash.localities.length);
    expect(paths.every((p) => /^\/quarters\/2014-15-q1\/[a-z0-9-]+\/$/.test(p))).toBe(true);
    expect(paths).not.toContain('/quarters/2014-15-q1/pack/');
    expect(dashboardPath(clash, '2014-15 Q1', 'X')).toBe('/quarters/2014-15-q1/ash-a/');
    expect(dashboardPath(clash, '2014-15 Q1', 'A')).toBe('/quarters/2014-15-q1/ash-a-2/');
  });

  it('groups quarters by financial year, newest first', () => {
    expect(quartersByYear(config)).toEqual([
      { year: '2014-15', quarters: ['2014-15 Q2', '2014-15 Q1'] },
      { year: '2013-14', quarters: ['2013-14 Q4'] },
    ]);
  });
});
