import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from '../helpers/chromium.ts';
import { runCli } from '../helpers/run-cli.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

/*
 * The sample archive published under a sub-path, as on a host that serves it from /archive/:
 * nothing outside /archive/ exists, so every link, asset and search result must carry the prefix.
 */
describe('a reader of a site served under /archive/', () => {
  let workDir: string;
  let server: StaticServer;
  let chromium: LaunchedBrowser;
  let page: Page;
  const failed: string[] = [];

  before(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-sub-path-'));
    const site = path.join(workDir, 'site');
    const build = await runCli(['build', '--content', 'content', '--output', site, '--site-url', 'https://news.example.org/archive/']);
    assert.equal(build.code, 0, build.stderr);
    server = await serveStatic(site, '/archive/');
    chromium = await launchChromium();
    page = await chromium.newPage();
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
  });

  after(async () => {
    await chromium?.close();
    await server?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('should load the timeline with its styles and scripts, and follow a link to an event', async () => {
    await page.goto(`${server.url}/`);
    assert.equal(await page.locator('h1').textContent(), 'The timeline');
    // The stylesheet arrived: the skip link is moved off screen by it.
    const skip = await page.locator('.skip-link').boundingBox();
    assert.ok(skip && skip.y < 0, `skip link at ${JSON.stringify(skip)}`);
    await page.getByRole('button', { name: /^Sergey Lavrov/ }).click(); // the chip script loaded
    await page.getByRole('link', { name: 'Cassis and Sinirlioğlu meet Lavrov in Moscow' }).click();
    await page.waitForURL(/\/archive\/events\/moscow-visit-2026\/$/);
    assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), 'https://news.example.org/archive/events/moscow-visit-2026/');
    assert.deepEqual(failed, []);
  });

  it('should search and follow a result within /archive/', async () => {
    await page.goto(`${server.url}/search/?q=Lavrov`);
    await page.locator('#search-status').filter({ hasText: /\d+ results?/ }).waitFor();
    const first = page.locator('.result__title a').first();
    assert.match((await first.getAttribute('href')) ?? '', /^\/archive\//);
    await first.click();
    await page.waitForURL(/\/archive\/(articles|people|events)\//);
    assert.deepEqual(failed, []);
  });
});
