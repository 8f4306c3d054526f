/**
 * Builds the sample data and the site once before the test run, so browser tests run in real
 * Chromium against the real built site. Set TFO_SKIP_SITE_BUILD=1 to reuse the last build
 * (handy when running one unit-test file), and TFO_TEST_SITE=<folder> to test a site built
 * elsewhere (so two people can work on one checkout without sharing a build).
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildSampleSite, SAMPLE_SITE_DIR as TEST_SITE_DIR } from '../scripts/build/sample-site.ts';

export default function setup(project: TestProject): void {
  const siteDir = process.env.TFO_TEST_SITE || TEST_SITE_DIR;
  project.provide('siteDir', siteDir);
  if (process.env.TFO_SKIP_SITE_BUILD === '1' && existsSync(`${siteDir}/index.html`)) return;
  const started = performance.now();
  buildSampleSite(siteDir);
  console.log(`Built the sample data and site for browser tests in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}
