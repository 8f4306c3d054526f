/**
 * The safety net as an Astro integration: after every build it checks the folder Astro just
 * wrote and fails the build on any finding. A hook, rather than a step after `astro build` in
 * the npm script, so every way of building (npm run site, the test build, `npx astro build`)
 * runs it and none can publish a site that skipped it.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Audience } from '../../src/lib/outputs/tables.ts';
import { assertSiteSafe } from './index.ts';

export function siteCheck(audience: Audience): AstroIntegration {
  return {
    name: 'tfo-site-check',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await assertSiteSafe(fileURLToPath(dir), { audience });
        logger.info(`safety net: nothing row-level, identifying or unsuppressed in the ${audience} site`);
      },
    },
  };
}
