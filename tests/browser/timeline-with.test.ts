import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { browserSites } from '../helpers/browser-sites.ts';
import { writeLargeArchive } from '../helpers/large-archive.ts';

/*
 * A reader opening a shared link to the home timeline narrowed by the address (?with=person:x) to
 * someone who has no chip: on a long archive, where most people have none, and on the sample
 * archive, where Maria Zakharova is quoted in stories but takes part in no event on the timeline.
 */

interface Exported {
  id: string;
  url: string;
  people: string[];
}

describe('a reader of a timeline narrowed by the address to anyone, chip or not', () => {
  const sites = browserSites('chronicle-with-');

  const status = async () => ((await sites.page.locator('.filter-bar__status').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const visibleEventTitles = () => sites.page.locator('#timeline .entry--event:visible .entry__title').allTextContents();

  it('should narrow a page of a long timeline to a person who has no chip, as the exported data says', async () => {
    const { page } = sites;
    const content = path.join(sites.workDir, 'long-content');
    await writeLargeArchive(content);
    const { site, server } = await sites.build('long', { content });
    const exported = async (file: string) => JSON.parse(await readFile(path.join(site, 'api', file), 'utf8')) as Exported[];
    const records = new Map([...(await exported('articles.json')), ...(await exported('events.json'))].map((record) => [record.url, record]));
    const names = new Map((JSON.parse(await readFile(path.join(site, 'api', 'people.json'), 'utf8')) as Array<{ id: string; name: string }>).map((person) => [person.id, person.name]));

    // Who the entries of page 2 name, by the exported records behind their titles.
    await page.goto(`${server.url}/page/2/`);
    const chips = new Set(await page.locator('button[data-filter-key]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-filter-key'))));
    const hrefs = await page.locator('#timeline .entry__title a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    const named = hrefs.map((href) => records.get(href)?.people ?? []);
    const person = named.flat().find((id) => !chips.has(`person:${id}`));
    assert.ok(person, `someone on page 2 has no chip (chips: ${[...chips].join(' ')})`);
    const expected = hrefs.filter((_, index) => named[index]!.includes(person));

    await page.goto(`${server.url}/page/2/?with=person:${person}`);
    const shown = await page.locator('#timeline .entry:visible .entry__title a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    assert.deepEqual(shown, expected);
    assert.ok(shown.length > 0);
    assert.equal(await status(), `${expected.length} of ${hrefs.length} entries on this page with ${names.get(person)}. Show everything`);
    assert.equal(await page.locator('.filter-bar__status a').getAttribute('href'), `/people/${person}/`);
    // The choice follows the reader to the next page.
    const next = await page.getByRole('navigation', { name: 'Pages of the timeline' }).getByRole('link', { name: /Next/ }).getAttribute('href');
    assert.equal(new URL(next ?? '', server.url).searchParams.get('with'), `person:${person}`);
  });

  it('should name someone the timeline has no entry with, and lead to their own timeline', async () => {
    const { page } = sites;
    const { server } = await sites.build('sample');
    await page.goto(`${server.url}/?with=person:maria-zakharova`);
    // Her name comes from her own page, which the status line links to.
    const name = page.locator('.filter-bar__status a', { hasText: 'Maria Zakharova' });
    await name.waitFor();
    assert.deepEqual(await visibleEventTitles(), []);
    assert.equal(await status(), '0 of 4 entries with Maria Zakharova. Follow a name to its own timeline for every event and story with it. Show everything');
    await name.click();
    await page.waitForURL(/\/people\/maria-zakharova\/$/);
    assert.ok((await page.locator('#main .entry').count()) > 0, 'her own timeline lists the stories that quote her');
  });

  it('should combine such a name with a chip the reader picks, and clear both', async () => {
    const { page } = sites;
    const server = sites.servers.at(-1)!;
    await page.goto(`${server.url}/?with=place:geneva`);
    await page.locator('.filter-bar__status a', { hasText: 'Geneva' }).waitFor();
    await page.getByRole('button', { name: /^Sergey Lavrov/ }).click();
    assert.match(page.url(), /with=place(%3A|:)geneva(%2C|,)person(%3A|:)sergey-lavrov/);
    assert.match(await status(), /^0 of 4 entries with Geneva and Sergey Lavrov\./);
    await page.getByRole('button', { name: 'Show everything' }).click();
    assert.equal((await visibleEventTitles()).length, 4);
    assert.doesNotMatch(page.url(), /with=/);
  });

  it('should say so when the address names nothing in the archive', async () => {
    const { page } = sites;
    const server = sites.servers.at(-1)!;
    await page.goto(`${server.url}/?with=person:nobody-at-all`);
    await page.locator('.filter-bar__status', { hasText: 'This archive has no' }).waitFor();
    assert.equal(await status(), '0 of 4 entries with person:nobody-at-all. This archive has no person:nobody-at-all. Show everything');
    assert.equal(await page.locator('.filter-bar__status a').count(), 0, 'no link to a page that does not exist');
  });

  it('should look names up and link within the site when it is served under /archive/', async () => {
    const { page } = sites;
    const { server } = await sites.build('sub-path', { args: ['--site-url', 'https://news.example.org/archive/'], prefix: '/archive/' });
    await page.goto(`${server.url}/?with=place:geneva,person:maria-zakharova`);
    await page.locator('.filter-bar__status a', { hasText: 'Maria Zakharova' }).waitFor();
    await page.locator('.filter-bar__status a', { hasText: 'Geneva' }).waitFor();
    assert.match(await status(), /^0 of 4 entries with Geneva and Maria Zakharova\./);
    assert.deepEqual(
      await page.locator('.filter-bar__status a').evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
      ['/archive/places/geneva/', '/archive/people/maria-zakharova/'],
    );
    assert.deepEqual(server.requests.filter((request) => request.status === 404), []);
  });
});
