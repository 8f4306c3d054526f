// `npm run screenshot`: retakes docs/screenshots/dashboard.png from the real built site (the
// README's picture), so it always shows what the code draws.
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, launchBrowser } from '../../tests/browser-harness/browser.ts';
import { serveStatic } from '../../tests/browser-harness/static-server.ts';
import { buildSampleSite, SAMPLE_SITE_DIR } from '../build/sample-site.ts';
import { UsageError } from '../pipeline/options.ts';
import { CommandError, runMain } from './main.ts';

const OUT = 'docs/screenshots/dashboard.png';

await runMain(
  async () => {
    const args = process.argv.slice(2);
    if (args.includes('--help') || args.includes('-h')) {
      console.log(`Usage: npm run screenshot\n\nBuilds the sample site and retakes ${OUT} in headless Chromium (CHROMIUM_PATH, default /usr/bin/chromium).`);
      return;
    }
    if (args.length > 0) throw new UsageError(`npm run screenshot takes no options, not "${args.join(' ')}"`);
    // Check before the minute-long build, not after it.
    if (!existsSync(CHROMIUM_PATH)) {
      throw new CommandError(`No Chromium at ${CHROMIUM_PATH}: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH to its path.`);
    }
    try {
      buildSampleSite(SAMPLE_SITE_DIR);
    } catch {
      // The build's own messages are already on stderr.
      throw new CommandError('Building the sample site failed: see the messages above.');
    }
    const server = await serveStatic(SAMPLE_SITE_DIR);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
      await page.goto(server.url);
      await page.screenshot({ path: OUT });
      console.log(`Wrote ${OUT}`);
    } finally {
      await browser.close();
      await server.close();
    }
  },
  { help: 'npm run screenshot -- --help' },
);
