// Screenshots of a built site, for looking at pages by eye: tsx tests/helpers/screenshot.ts SITE_DIR OUT_DIR PATH...
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium } from './chromium.ts';
import { serveStatic } from './static-server.ts';

const [siteDir = '_site', outDir = '/tmp/shots', ...pages] = process.argv.slice(2);
const server = await serveStatic(path.resolve(siteDir));
const browser = await launchChromium();
await mkdir(outDir, { recursive: true });
for (const pagePath of pages.length > 0 ? pages : ['/']) {
  for (const [label, width] of [['desktop', 1280], ['phone', 390]] as const) {
    const page = await browser.newPage({ width, height: 900 });
    await page.goto(`${server.url}${pagePath}`);
    await page.waitForTimeout(pagePath.startsWith('/search') ? 1500 : 100);
    const name = `${pagePath.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${label}.png`;
    await page.screenshot({ path: path.join(outDir, name), fullPage: true });
    await page.close();
  }
}
await browser.close();
await server.close();
