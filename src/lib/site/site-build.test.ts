import { describe, expect, it } from 'vitest';
import { siteBuild } from './site-build.ts';

describe('siteBuild', () => {
  it('builds the public site from public/data into dist/ by default', () => {
    expect(siteBuild({}, '/project')).toEqual({ audience: 'public', dataDir: 'public/data', outDir: 'dist' });
  });

  it('builds the board site from .board/data into dist-board/', () => {
    expect(siteBuild({ TFO_SITE_AUDIENCE: 'board' }, '/project')).toEqual({ audience: 'board', dataDir: '.board/data', outDir: 'dist-board' });
  });

  it('reads another data folder from TFO_SITE_DATA', () => {
    expect(siteBuild({ TFO_SITE_AUDIENCE: 'board', TFO_SITE_DATA: '/srv/board-2026-q1' }, '/project').dataDir).toBe('/srv/board-2026-q1');
  });

  it('refuses an unknown audience', () => {
    expect(() => siteBuild({ TFO_SITE_AUDIENCE: 'internal' }, '/project')).toThrow('TFO_SITE_AUDIENCE must be "public" or "board", not "internal".');
  });

  it('refuses board data kept under public/, which every build copies', () => {
    for (const dir of ['public/data', 'public', '/project/public/board', './public/../public/x']) {
      expect(() => siteBuild({ TFO_SITE_AUDIENCE: 'board', TFO_SITE_DATA: dir }, '/project')).toThrow(
        /board data must stay outside public\/, which every build publishes/,
      );
    }
    expect(siteBuild({ TFO_SITE_AUDIENCE: 'board', TFO_SITE_DATA: 'public-board' }, '/project').dataDir).toBe('public-board');
  });
});
