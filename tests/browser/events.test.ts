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
 * A reader following events on the sample archive in content/: the timeline of events with their
 * stories, the filter chips (instant with JavaScript, links to each entity's timeline without),
 * the Moscow event's account of where its sources disagree, the chart and "on this day".
 */
describe('a reader following events in Chromium', () => {
  let workDir: string;
  let server: StaticServer;
  let chromium: LaunchedBrowser;
  let withoutScripts: LaunchedBrowser;
  let page: Page;

  before(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-events-'));
    const site = path.join(workDir, 'site');
    const build = await runCli(['build', '--content', 'content', '--output', site]);
    assert.equal(build.code, 0, build.stderr);
    server = await serveStatic(site);
    chromium = await launchChromium();
    withoutScripts = await launchChromium({ javaScript: false });
    page = await chromium.newPage();
  });

  after(async () => {
    await chromium?.close();
    await withoutScripts?.close();
    await server?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  const visibleEventTitles = (on: Page) => on.locator('#timeline .entry--event:visible .entry__title').allTextContents();

  it('should list each event with the stories that report it', async () => {
    await page.goto(`${server.url}/`);
    const moscow = page.locator('.entry--event', { hasText: 'Cassis and Sinirlioğlu meet Lavrov in Moscow' });
    const sources = await moscow.locator('.entry__stories li').allTextContents();
    assert.equal(sources.length, 3);
    for (const publisher of ['blue News', 'News Directory 3', 'OSCE']) assert.ok(sources.some((text) => text.includes(publisher)), publisher);
    assert.match((await moscow.locator('.entry__meta').textContent()) ?? '', /2 points where they differ/);
  });

  it('should narrow the timeline at once with a chip, keep it in the address, and clear it', async () => {
    await page.goto(`${server.url}/`);
    assert.equal((await visibleEventTitles(page)).length, 4);
    await page.getByRole('button', { name: /^Sergey Lavrov/ }).click();
    assert.deepEqual(await visibleEventTitles(page), [
      'Cassis meets Lavrov at the UN General Assembly in New York',
      'Cassis and Sinirlioğlu meet Lavrov in Moscow',
    ]);
    assert.equal(await page.getByRole('button', { name: /^Sergey Lavrov/ }).getAttribute('aria-pressed'), 'true');
    assert.match(page.url(), /\?with=person%3Asergey-lavrov|\?with=person:sergey-lavrov/);
    // Two chips together: only events with both.
    await page.getByRole('button', { name: /^Kyiv/ }).click();
    assert.deepEqual(await visibleEventTitles(page), []);
    assert.match((await page.locator('.filter-bar__status').textContent()) ?? '', /0 of 4 entries with Sergey Lavrov and Kyiv/);
    assert.equal(await page.locator('#year-2022').isVisible(), false, 'an emptied year is hidden');

    await page.reload();
    assert.deepEqual(await visibleEventTitles(page), [], 'the choice survives a reload');
    await page.getByRole('button', { name: 'Show everything' }).click();
    assert.equal((await visibleEventTitles(page)).length, 4);
    assert.doesNotMatch(page.url(), /with=/);
  });

  it('should make each chip a link to that timeline when scripts are off', async () => {
    const plain = await withoutScripts.newPage();
    await plain.goto(`${server.url}/`);
    await plain.getByRole('link', { name: /^Sergey Lavrov\s*2$/ }).click();
    await plain.waitForURL(/\/people\/sergey-lavrov\/$/);
    assert.deepEqual(await plain.locator('.entry--event .entry__title').allTextContents(), [
      'Cassis meets Lavrov at the UN General Assembly in New York',
      'Cassis and Sinirlioğlu meet Lavrov in Moscow',
    ]);
    await plain.close();
  });

  it('should show on the Moscow event page that one source says Thursday and the others Friday 6 February', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Cassis and Sinirlioğlu meet Lavrov in Moscow' }).click();
    await page.waitForURL(/\/events\/moscow-visit-2026\/$/);
    const differences = page.locator('.differences');
    await differences.waitFor();
    // The quotation marks are the <q> elements' own, drawn by the browser, so not in textContent.
    const date = (await differences.locator('li', { hasText: 'The date.' }).textContent()) ?? '';
    assert.match(date, /Thursday 5 February 2026 according to News Directory 3 \(on Thursday\)/);
    assert.match(date, /Friday 6 February 2026 according to blue News \(on Friday, February 6\), OSCE \(on 6 February 2026\)/);
    assert.equal(await differences.locator('q', { hasText: 'on Thursday' }).count(), 1);
    const reported = page.locator('section.sources .reports').first();
    assert.equal(await reported.locator('li').count(), 3);
    assert.equal(await reported.getByRole('link', { name: /original/ }).count(), 3);
    await reported.getByRole('link', { name: 'Cassis holds talks with Lavrov in Moscow in his role as OSCE chair' }).click();
    await page.waitForURL(/\/articles\/cassis-meets-lavrov-in-moscow\/$/);
  });

  it('should show the Kiev and Kyiv spellings on the Kyiv event page', async () => {
    await page.goto(`${server.url}/events/kyiv-visit-2026/`);
    const spelling = (await page.locator('.differences li', { hasText: 'The spelling of Kyiv.' }).textContent()) ?? '';
    assert.match(spelling, /Kiev in blue News; Kyiv in News Directory 3, OSCE/);
  });

  it('should draw the chart with a title, a description and a text alternative', async () => {
    await page.goto(`${server.url}/`);
    const chart = page.getByRole('img', { name: 'Events over time' });
    await chart.waitFor();
    const description = await chart.evaluate((svg) =>
      (svg.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' | '),
    );
    assert.match(description, /Events over time \| .*4 events/);
    await page.getByText('Chart as text').click();
    const alternative = page.locator('figure details');
    for (const title of ['Cassis meets Lavrov at the UN General Assembly in New York', 'Cassis announces OSCE mediation plans at the WEF in Davos']) {
      assert.ok((await alternative.getByRole('link', { name: title }).count()) >= 1, title);
    }
    // On a phone the chart fits the screen instead of running off it.
    const phone = await chromium.newPage({ width: 360, height: 800 });
    await phone.goto(`${server.url}/`);
    const box = await phone.getByRole('img', { name: 'Events over time' }).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 360, JSON.stringify(box));
    await phone.close();
  });

  it('should point to today on the "On this day" page', async () => {
    await page.goto(`${server.url}/on-this-day/`);
    assert.equal(await page.locator('#d-02-06 h2').textContent(), '6 February');
    assert.ok((await page.locator('#d-02-06').getByRole('link', { name: 'Cassis and Sinirlioğlu meet Lavrov in Moscow' }).count()) === 1);
    const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long' });
    assert.match((await page.locator('.today-note').textContent()) ?? '', new RegExp(`Today, ${today}`));
  });
});
