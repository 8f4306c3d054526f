// `npm run screenshot`: retakes docs/screenshots/dashboard.png from the real built site (the
// README's picture), so it always shows what the code draws.
import { launchBrowser } from '../../tests/browser-harness/browser.ts';
import { serveStatic } from '../../tests/browser-harness/static-server.ts';
import { buildSampleSite, SAMPLE_SITE_DIR } from '../build/sample-site.ts';

buildSampleSite(SAMPLE_SITE_DIR);
const server = await serveStatic(SAMPLE_SITE_DIR);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
  await page.goto(server.url);
  await page.screenshot({ path: 'docs/screenshots/dashboard.png' });
  console.log('Wrote docs/screenshots/dashboard.png');
} finally {
  await browser.close();
  await server.close();
}
