import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeLargeArchive, type LargeArchive } from '../helpers/large-archive.ts';
import { runCli } from '../helpers/run-cli.ts';
import { internalLinks, listFiles, readSiteFile, resolveSitePath, sitePathExists } from '../helpers/site-files.ts';
import { checkHtml, describeMessages } from '../helpers/vnu.ts';

const SITE_URL = 'https://example.org/';
/** The budget every HTML page keeps, however large the archive. */
const MAX_PAGE_BYTES = 200 * 1024;

/*
 * An archive big enough that every list growing with it runs over several pages: a person in 200
 * stories, a day with 90, an event reported by 120 (from 120 publishers who spell its town two
 * ways), 151 people, 111 events, 105 corrections. Built once; then the site is read as a crawler
 * and a reader without JavaScript would: following links, never guessing addresses.
 */
describe('chronicle build on an archive with long lists', () => {
  let workDir: string;
  let site: string;
  let archive: LargeArchive;
  let pages: string[];

  before(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-large-'));
    archive = await writeLargeArchive(path.join(workDir, 'content'));
    site = path.join(workDir, 'site');
    const build = await runCli(['build', '--content', path.join(workDir, 'content'), '--output', site, '--site-url', SITE_URL]);
    assert.equal(build.code, 0, build.stdout + build.stderr);
    pages = (await listFiles(site)).filter((file) => file.endsWith('.html'));
  });

  after(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  /** Site path of each page of a list, from its first page on, by following each page's "Next" link. */
  async function followNext(first: string): Promise<string[]> {
    const visited = [first];
    for (;;) {
      const nav = pageNavOf(await readSiteFile(site, visited.at(-1)!));
      const next = nav && /<a class="pager__next" href="([^"]+)" rel="next">/.exec(nav)?.[1];
      if (!next) return visited;
      assert.ok(!visited.includes(next), `${next} is visited twice: the pages loop`);
      visited.push(next);
    }
  }

  /** Every match of a pattern's first group across pages, in page order. */
  async function collect(sitePaths: readonly string[], pattern: RegExp): Promise<string[]> {
    const found: string[] = [];
    for (const sitePath of sitePaths) for (const match of (await readSiteFile(site, sitePath)).matchAll(pattern)) found.push(match[1]!);
    return found;
  }

  const entryTitles = /class="entry__title"><a href="([^"]+)">/g;
  const articleUrls = (ids: readonly string[]) => ids.map((id) => `/articles/${id}/`).sort();

  it(`should keep every HTML page under ${MAX_PAGE_BYTES / 1024} KB`, async () => {
    assert.ok(pages.some((file) => file.includes(`page${path.sep}2${path.sep}`)), 'some list runs over several pages');
    const sizes = await Promise.all(pages.map(async (file) => ({ file, bytes: (await stat(path.join(site, file))).size })));
    const over = sizes.filter(({ bytes }) => bytes > MAX_PAGE_BYTES);
    assert.deepEqual(over, [], `pages over the budget: ${over.map(({ file, bytes }) => `${file} (${Math.round(bytes / 1024)} KB)`).join(', ')}`);
  });

  it('should resolve every internal link of every page, the pages of each list included', async () => {
    const broken = new Set<string>();
    for (const file of pages) {
      for (const link of internalLinks(await readFile(path.join(site, file), 'utf8'))) {
        if (!(await sitePathExists(site, link))) broken.add(`${file} → ${link}`);
      }
    }
    assert.deepEqual([...broken], []);
  });

  it('should keep page 1 at the list address and number the others under it, each saying where it is', async () => {
    const timeline = await followNext('/');
    assert.ok(timeline.length >= 3, `the timeline has ${timeline.length} pages`);
    assert.deepEqual(timeline, timeline.map((_, index) => (index === 0 ? '/' : `/page/${index + 1}/`)));
    const middle = pageNavOf(await readSiteFile(site, '/page/3/'))!;
    assert.match(middle, new RegExp(`Page 3 of ${timeline.length}`));
    assert.match(middle, /<a class="pager__first" href="\/">/);
    assert.match(middle, /<a class="pager__prev" href="\/page\/2\/" rel="prev">/);
    assert.match(middle, new RegExp(`<a class="pager__last" href="/page/${timeline.length}/">`));
    assert.match(await readSiteFile(site, '/page/3/'), new RegExp(`<title>The timeline, page 3 of ${timeline.length} · Chronicle</title>`));
    assert.equal(pageNavOf(await readSiteFile(site, timeline.at(-1)!))?.includes('pager__next'), false, 'the last page has no next');
  });

  it('should show each event and each stand-alone story once across the pages of the timeline', async () => {
    const entries = await collect(await followNext('/'), entryTitles);
    assert.equal(new Set(entries).size, entries.length, 'no entry twice');
    const events = JSON.parse(await readSiteFile(site, '/api/events.json')) as Array<{ url: string }>;
    for (const event of events) assert.ok(entries.includes(event.url), `${event.url} is on the timeline`);
    for (const url of articleUrls(archive.hotPerson.articles)) assert.ok(entries.includes(url), `${url} is on the timeline`);
  });

  it("should list every story of a person in 200 stories once, page after page of her timeline", async () => {
    const timeline = await followNext('/people/ada-often/');
    assert.ok(timeline.length >= 3, `${timeline.length} pages`);
    assert.ok(timeline.slice(1).every((sitePath, index) => sitePath === `/people/ada-often/page/${index + 2}/`), timeline.join(' '));
    const entries = await collect(timeline, entryTitles);
    assert.deepEqual([...entries].sort(), articleUrls(archive.hotPerson.articles));
    const later = await readSiteFile(site, timeline[1]!);
    assert.match(later, /<a href="\/people\/ada-often\/">Ada Often<\/a>/, 'a later page leads back to the profile');
    assert.doesNotMatch(later, /data-pagefind-body/, 'only the profile is indexed for search');
  });

  it('should list every story of an event on its pages, and three of them on the timeline', async () => {
    const eventPages = await followNext('/events/big-summit/');
    assert.ok(eventPages.length >= 2, `${eventPages.length} pages`);
    const reports = await collect(eventPages, /class="reports__title"><a href="([^"]+)">/g);
    assert.deepEqual([...reports].sort(), articleUrls(archive.bigEvent.articles));

    const timeline = await Promise.all((await followNext('/')).map((sitePath) => readSiteFile(site, sitePath)));
    const entry = timeline.flatMap((html) => html.split('<li class="entry ')).find((chunk) => chunk.includes('class="entry__title"><a href="/events/big-summit/">'));
    assert.ok(entry, 'the event is on the timeline');
    assert.equal([...entry.matchAll(/<a href="\/articles\//g)].length, 3, 'three stories on the timeline');
    assert.match(entry, new RegExp(`<a href="/events/big-summit/#reports">and ${archive.bigEvent.articles.length - 3} more stories`));
  });

  it('should name a few of the sources on each side of a difference, and count the others', async () => {
    const html = await readSiteFile(site, '/events/big-summit/');
    const spelling = /<li><strong>The spelling of Kyiv\.<\/strong>[\s\S]*?<\/li>/.exec(html)?.[0];
    assert.ok(spelling, 'the sources differ on the spelling of Kyiv');
    assert.ok([...spelling.matchAll(/Wire \d+/g)].length <= 16, 'at most eight names for each spelling');
    assert.match(spelling, /<q>Kiev<\/q> in (Wire \d+, ){7}Wire \d+ and 52 others; <q>Kyiv<\/q>/);
  });

  it('should list every story published on a busy day across the pages of that day', async () => {
    const dayPages = await followNext('/2024/05/10/');
    assert.ok(dayPages.length >= 3, `${dayPages.length} pages`);
    const entries = await collect(dayPages, entryTitles);
    assert.deepEqual([...entries].sort(), articleUrls(archive.hotDay.articles));
    assert.match(await readSiteFile(site, dayPages[1]!), /<nav class="pager" aria-label="Other days">/, 'each page still leads to the days around it');
  });

  it('should list every person, every event and every correction once across the pages of their indexes', async () => {
    const indexes = { people: await followNext('/people/'), events: await followNext('/events/'), corrections: await followNext('/corrections/') };
    for (const [name, list] of Object.entries(indexes)) assert.ok(list.length >= 2, `${name}: ${list.length} pages`);
    const people = await collect(indexes.people, /class="card__title"><a href="\/people\/([^/]+)\/">/g);
    assert.deepEqual([...people].sort(), [...archive.people].sort());
    const events = JSON.parse(await readSiteFile(site, '/api/events.json')) as Array<{ url: string }>;
    const listed = await collect(indexes.events, /class="card__title"><a href="([^"]+)">/g);
    assert.deepEqual([...listed].sort(), events.map((event) => event.url).sort());
    const corrections = await collect(indexes.corrections, /class="corrections__story"><a href="([^"#]+)#corrections">/g);
    assert.equal(corrections.length, archive.corrections);
    assert.equal(new Set(corrections).size, archive.corrections);
  });

  it('should lead from "On this day" to every day with a story, a page of days at a time', async () => {
    const calendar = await followNext('/on-this-day/');
    assert.ok(calendar.length >= 2, `${calendar.length} pages`);
    const days = new Set(await collect(calendar, /<li><a href="(\/\d{4}\/\d{2}\/\d{2}\/)">\d{4}<\/a>/g));
    const articles = JSON.parse(await readSiteFile(site, '/api/articles.json')) as Array<{ date: string }>;
    for (const article of articles) {
      const day = article.date.slice(0, 10);
      assert.ok(days.has(`/${day.slice(0, 4)}/${day.slice(5, 7)}/${day.slice(8, 10)}/`), `${day} is on a page of On this day`);
    }
    // Each page says which page every calendar day is on, for the script that finds today.
    assert.match(await readSiteFile(site, calendar[1]!), /data-day-pages="01-01:1 [^"]*"/);
  });

  it('should pass the Nu HTML Checker on the first, a middle and the last page of every kind of list', async () => {
    const lists = ['/', '/2024/', '/2024/05/', '/2024/05/10/', '/people/ada-often/', '/events/big-summit/', '/events/', '/people/', '/on-this-day/', '/corrections/'];
    const checked: string[] = [];
    for (const list of lists) {
      const listPages = await followNext(list);
      assert.ok(listPages.length >= 2, `${list} runs over ${listPages.length} pages`);
      checked.push(...new Set([listPages[0]!, listPages[Math.floor(listPages.length / 2)]!, listPages.at(-1)!]));
    }
    const errors = await checkHtml(checked.map((sitePath) => resolveSitePath(site, sitePath)));
    assert.equal(errors.length, 0, `the Nu HTML Checker found in ${checked.length} pages:\n${describeMessages(errors, site)}`);
  });

  it('should list every page in the sitemap, later pages of lists included', async () => {
    const sitemap = await readSiteFile(site, '/sitemap.xml');
    const listed = new Set([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!));
    const expected = pages.filter((file) => file !== '404.html').map((file) => `${SITE_URL}${file.replace(/index\.html$/, '')}`);
    assert.equal(listed.size, expected.length);
    for (const url of expected) assert.ok(listed.has(url), `${url} is in the sitemap`);
    assert.ok(listed.has(`${SITE_URL}people/ada-often/page/2/`));
  });
});

/** The "pages of this list" navigation of a page, when it has one. */
function pageNavOf(html: string): string | undefined {
  return /<nav class="pager pager--pages"[\s\S]*?<\/nav>/.exec(html)?.[0];
}
