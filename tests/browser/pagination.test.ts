import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { axeViolations, describeViolations } from '../helpers/axe.ts';
import { launchChromium, type LaunchedBrowser } from '../helpers/chromium.ts';
import { writeLargeArchive } from '../helpers/large-archive.ts';
import { runCli } from '../helpers/run-cli.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

/*
 * A reader of an archive too long for one page, in headless Chromium: from the home page to the
 * second page of the timeline and back, with scripts and without; the filter chips narrowing the
 * page being read and the choice following to the next page; an event's "more stories" link.
 */
describe('a reader paging through a long archive in Chromium', () => {
  let workDir: string;
  let server: StaticServer;
  let chromium: LaunchedBrowser;
  let withoutScripts: LaunchedBrowser;
  /** What the page's Content-Security-Policy refused, as Chromium reports it on the console. */
  const blocked: string[] = [];

  before(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-paging-'));
    await writeLargeArchive(path.join(workDir, 'content'));
    const site = path.join(workDir, 'site');
    const build = await runCli(['build', '--content', path.join(workDir, 'content'), '--output', site]);
    assert.equal(build.code, 0, build.stdout + build.stderr);
    server = await serveStatic(site);
    chromium = await launchChromium();
    withoutScripts = await launchChromium({ javaScript: false });
  });

  after(async () => {
    await chromium?.close();
    await withoutScripts?.close();
    await server?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  for (const scripts of [true, false]) {
    it(`should go from the home page to page 2 of the timeline and back${scripts ? '' : ' without JavaScript'}`, async () => {
      const page = await (scripts ? chromium : withoutScripts).newPage();
      page.on('console', (message) => {
        if (/Content[- ]Security[- ]Policy/i.test(message.text())) blocked.push(message.text());
      });
      try {
        await page.goto(`${server.url}/`);
        const pages = page.getByRole('navigation', { name: 'Pages of the timeline' });
        const total = Number(/Page 1 of (\d+)/.exec((await pages.textContent()) ?? '')?.[1]);
        assert.ok(total >= 2, `the timeline has ${total} pages`);
        const firstEntry = await page.locator('#timeline .entry__title').first().textContent();

        await pages.getByRole('link', { name: /Next/ }).click();
        await page.waitForURL(`${server.url}/page/2/`);
        assert.match((await page.locator('h1').textContent()) ?? '', new RegExp(`The timeline\\s+page 2 of ${total}`));
        assert.match((await page.getByRole('navigation', { name: 'Pages of the timeline' }).textContent()) ?? '', new RegExp(`Page 2 of ${total}`));
        assert.notEqual(await page.locator('#timeline .entry__title').first().textContent(), firstEntry, 'page 2 goes on where page 1 stopped');

        await page.getByRole('navigation', { name: 'Pages of the timeline' }).getByRole('link', { name: /Previous/ }).click();
        await page.waitForURL(`${server.url}/`);
        assert.equal((await page.locator('h1').textContent())?.trim(), 'The timeline');
        assert.equal(await page.locator('#timeline .entry__title').first().textContent(), firstEntry);
      } finally {
        await page.close();
      }
    });
  }

  it('should narrow the page being read with a chip, and keep the choice on the way to the next page', async () => {
    const page = await chromium.newPage();
    try {
      await page.goto(`${server.url}/page/2/`);
      const chip = page.locator('button[data-filter-key]').first();
      await chip.click();
      assert.match((await page.locator('.filter-bar__status').textContent()) ?? '', /\d+ of \d+ entries on this page with /);
      const key = (await chip.getAttribute('data-filter-key')) ?? '';
      const next = await page.getByRole('navigation', { name: 'Pages of the timeline' }).getByRole('link', { name: /Next/ }).getAttribute('href');
      assert.equal(new URL(next ?? '', server.url).searchParams.get('with'), key);
    } finally {
      await page.close();
    }
  });

  it('should lead from an event on the timeline to the rest of its stories', async () => {
    const page = await chromium.newPage();
    try {
      // The event's month lists it with its first three stories and a link to the others.
      await page.goto(`${server.url}/2023/06/`);
      await page.getByRole('link', { name: /^and \d+ more stories about The big summit in Kyiv$/ }).click();
      await page.waitForURL(/\/events\/big-summit\/#reports$/);
      const stories = page.getByRole('navigation', { name: /^Pages of the stories about/ });
      assert.match((await stories.textContent()) ?? '', /Page 1 of \d+/);
      await stories.getByRole('link', { name: /Next/ }).click();
      await page.waitForURL(/\/events\/big-summit\/page\/2\/$/);
      assert.match((await page.locator('h1').textContent()) ?? '', /The big summit in Kyiv\s+page 2 of/);
      assert.ok((await page.locator('.reports__title').count()) > 0, 'page 2 lists more stories');
    } finally {
      await page.close();
    }
  });

  for (const sitePath of ['/page/2/', '/people/ada-often/page/2/', '/events/big-summit/page/2/', '/2024/05/10/page/2/', '/on-this-day/page/2/', '/people/page/2/']) {
    it(`should find no axe-core violations on a later page of a list (${sitePath})`, async () => {
      const page = await chromium.newPage();
      try {
        await page.goto(`${server.url}${sitePath}`);
        const violations = await axeViolations(page);
        assert.equal(violations.length, 0, `axe-core found on ${sitePath}:\n${describeViolations(violations)}`);
      } finally {
        await page.close();
      }
    });
  }

  it('should have run every page above under the Content-Security-Policy without a violation', () => {
    assert.deepEqual(blocked, []);
  });
});
