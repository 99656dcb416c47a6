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
 * What a reader does, in headless Chromium, on the sample archive in content/: open the timeline,
 * search for a person, narrow by a filter, browse by a filter alone, and follow a result to its page.
 */
describe('a reader in Chromium', () => {
  let workDir: string;
  let server: StaticServer;
  let chromium: LaunchedBrowser;
  let page: Page;
  /** What the page's Content-Security-Policy refused, as Chromium reports it on the console. */
  const blocked: string[] = [];

  before(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-browser-'));
    const site = path.join(workDir, 'site');
    const build = await runCli(['build', '--content', 'content', '--output', site]);
    assert.equal(build.code, 0, build.stderr);
    server = await serveStatic(site);
    chromium = await launchChromium();
    page = await chromium.newPage();
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) blocked.push(message.text());
    });
  });

  /** The filter group whose heading is exactly `name` ("Place", not the type value "Place"). */
  const filterGroup = (name: string) =>
    page.locator('details.filter-group').filter({ has: page.locator('summary', { hasText: new RegExp(`^${name}$`) }) });
  const waitForResults = () => page.locator('#search-status').filter({ hasText: /\d+ results?/ }).waitFor();

  after(async () => {
    await chromium?.close();
    await server?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('should show the timeline of events in date order, oldest first', async () => {
    await page.goto(`${server.url}/`);
    assert.equal(await page.locator('h1').textContent(), 'The timeline');
    const days = await page.locator('.timeline .entry__date time').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime') ?? ''));
    assert.deepEqual(days, ['2022-09-21', '2026-01', '2026-02-02', '2026-02-06']);
  });

  it('should find the Moscow stories when searching for "Lavrov"', async () => {
    await page.getByRole('link', { name: 'Search', exact: true }).first().click();
    await page.waitForURL('**/search/');
    const input = page.getByRole('searchbox', { name: 'Search the archive' });
    await input.fill('Lavrov');
    await waitForResults();
    const titles = await page.locator('.result__title a').allTextContents();
    assert.ok(titles.some((title) => /Moscow/.test(title)), `results: ${titles.join(' | ')}`);
    assert.ok(titles.some((title) => /Sergey Lavrov/.test(title)), 'his own page is found too');
  });

  it('should narrow the results with a filter', async () => {
    const before = await page.locator('.result').count();
    // The groups start closed (a search by words loads no filter); opening one lists its values.
    await filterGroup('Type').locator('summary').click();
    await filterGroup('Type').locator('label', { hasText: 'Article' }).click();
    await page.waitForFunction(() => {
      const types = [...document.querySelectorAll('.result__meta')].map((node) => node.textContent ?? '');
      return types.length > 0 && types.every((type) => type.startsWith('Article'));
    });
    const types = await page.locator('.result__meta').allTextContents();
    assert.ok(types.length > 0 && types.length < before);
    assert.ok(types.every((type) => type.startsWith('Article')), types.join(' | '));
    assert.match(page.url(), /type=Article/);
  });

  it('should browse by a filter alone, without a search term', async () => {
    await page.goto(`${server.url}/search/`);
    await filterGroup('Place').locator('summary').click();
    await filterGroup('Place').locator('label', { hasText: 'Moscow' }).click();
    await waitForResults();
    const titles = await page.locator('.result__title a').allTextContents();
    assert.ok(titles.length >= 3, titles.join(' | '));
    assert.ok(titles.some((title) => /Moscow/.test(title)));
    assert.ok(!titles.some((title) => /Davos/.test(title)), 'the Davos announcement did not take place in Moscow');
  });

  it('should browse people by type alone, and keep them when sorting by date', async () => {
    await page.goto(`${server.url}/search/?type=Person`);
    await waitForResults();
    const people = await page.locator('.result__title a').allTextContents();
    assert.ok(people.includes('Sergey Lavrov') && people.includes('Ignazio Cassis'), people.join(' | '));
    await page.goto(`${server.url}/search/?q=Lavrov&sort=newest`);
    await waitForResults();
    assert.ok((await page.locator('.result__title a').allTextContents()).includes('Sergey Lavrov'));
  });

  it('should follow a result to its page', async () => {
    await page.goto(`${server.url}/search/?q=Lavrov`);
    await waitForResults();
    const first = page.locator('.result__title a').first();
    const title = (await first.textContent()) ?? '';
    await first.click();
    await page.waitForLoadState('domcontentloaded');
    assert.equal((await page.locator('h1').textContent())?.trim(), title.trim());
    assert.doesNotMatch(page.url(), /search/);
  });

  it('should open the search page with a query from the address bar', async () => {
    await page.goto(`${server.url}/search/?q=Sinirlio%C4%9Flu`);
    await waitForResults();
    assert.equal(await page.getByRole('searchbox', { name: 'Search the archive' }).inputValue(), 'Sinirlioğlu');
  });

  it('should have run every page above under the Content-Security-Policy without a violation', () => {
    assert.deepEqual(blocked, []);
  });
});
