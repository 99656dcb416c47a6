import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { browserSites } from '../helpers/browser-sites.ts';
import { listAllFiles } from '../helpers/site-files.ts';
import type { StaticServer } from '../helpers/static-server.ts';

/*
 * The site's icon. A browser asks for an icon on every page on its own, beside the page's own
 * requests (so a page's network events never show it): without one in the head it asks for
 * /favicon.ico, which a Chronicle site does not have. Only the server sees those requests.
 */

/** Waits until the browser has asked the server for an icon of any name, as it does shortly after a page loads. */
async function iconRequested(server: StaticServer, since: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!server.requests.slice(since).some((request) => /favicon|\.ico$/.test(request.path))) {
    if (Date.now() > deadline) throw new Error(`the browser asked for no icon; it asked for:\n${server.requests.slice(since).map((r) => r.path).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const notFound = (server: StaticServer, except: string[] = []) =>
  server.requests.filter((request) => request.status === 404 && !except.includes(request.path)).map((request) => request.path);

describe('the site icon', () => {
  const sites = browserSites('chronicle-icon-');

  it('should be an SVG the browser fetches from the site, so that no page of the site asks for anything missing', async () => {
    const { page } = sites;
    const { site, server } = await sites.build('root');
    await page.goto(`${server.url}/`);
    await iconRequested(server, 0);
    assert.deepEqual(notFound(server), [], 'opening the timeline asked for nothing missing');
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    assert.equal(icon, '/assets/favicon.svg');
    assert.ok(server.requests.some((request) => request.path === '/assets/favicon.svg' && request.status === 200), 'the browser fetched the icon');
    assert.match(await readFile(path.join(site, 'assets', 'favicon.svg'), 'utf8'), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox=/);

    // Every page the build wrote, as a reader would open it.
    const pages = (await listAllFiles(site))
      .filter((file) => file.endsWith('index.html'))
      .map((file) => `/${file.split(path.sep).join('/').replace(/index\.html$/, '')}`);
    assert.ok(pages.length > 20, `${pages.length} pages`);
    for (const sitePath of pages) {
      await page.goto(`${server.url}${sitePath}`, { waitUntil: 'load' });
      assert.equal(await page.locator('link[rel="icon"]').count(), 1, `${sitePath} names its icon`);
    }
    // The page a static host answers a missing address with has its icon too.
    await page.goto(`${server.url}/no-such-page/`);
    assert.equal(await page.locator('link[rel="icon"]').getAttribute('href'), '/assets/favicon.svg');
    await page.waitForTimeout(500);
    assert.deepEqual(notFound(server, ['/no-such-page/']), []);
  });

  it('should carry the path prefix on a site served under /archive/', async () => {
    const { page } = sites;
    const { server } = await sites.build('sub-path', { args: ['--site-url', 'https://news.example.org/archive/'], prefix: '/archive/' });
    const since = server.requests.length;
    await page.goto(`${server.url}/`);
    await iconRequested(server, since);
    assert.equal(await page.locator('link[rel="icon"]').getAttribute('href'), '/archive/assets/favicon.svg');
    await page.goto(`${server.url}/events/`);
    await page.goto(`${server.url}/no-such-page/`);
    assert.equal(await page.locator('link[rel="icon"]').getAttribute('href'), '/archive/assets/favicon.svg');
    await page.waitForTimeout(500);
    assert.ok(server.requests.some((request) => request.path === '/archive/assets/favicon.svg' && request.status === 200), 'the browser fetched the icon');
    assert.deepEqual(notFound(server, ['/archive/no-such-page/']), []);
  });
});
