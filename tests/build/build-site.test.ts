import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { articlesExportSchema, entitiesExportSchema, eventsExportSchema } from '../../src/export/api-schemas.ts';
import { runCli } from '../helpers/run-cli.ts';
import { readFilter, readFragments, readMetadata } from '../helpers/pagefind-files.ts';
import { internalLinks, listFiles, readSiteFile, sitePathExists } from '../helpers/site-files.ts';

const FIXTURE = 'tests/fixtures/archive';

describe('chronicle build on the fixture archive', () => {
  let workDir: string;
  let site: string;
  let buildOutput: string;

  before(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-build-'));
    site = path.join(workDir, 'site');
    const result = await runCli(['build', '--content', FIXTURE, '--output', site]);
    buildOutput = result.stdout + result.stderr;
    assert.equal(result.code, 0, buildOutput);
  });

  after(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('should report what it built', () => {
    assert.match(buildOutput, /Built 3 articles into \d+ files/);
  });

  it('should write a page for every record type', async () => {
    for (const page of [
      '/index.html',
      '/articles/league-founded/index.html',
      '/articles/lakeside-summit/index.html',
      '/people/ada-fixture/index.html',
      '/people/feridun-sinirlioglu/index.html',
      '/organizations/test-league/index.html',
      '/places/lakeside/index.html',
      '/events/lakeside-summit-2025/index.html',
      '/people/index.html',
      '/events/index.html',
      '/2024/index.html',
      '/2025/03/index.html',
      '/search/index.html',
      '/404.html',
    ]) {
      assert.ok(await sitePathExists(site, page), `${page} should exist`);
    }
  });

  it('should show the timeline oldest first, grouped by year and month', async () => {
    const home = await readSiteFile(site, '/');
    const order = ['The Test League is founded in Hilltop', 'Ministers gather for the Lakeside summit', 'Summit report'].map((title) =>
      home.indexOf(title),
    );
    assert.ok(order.every((index) => index > 0), 'every story is on the timeline');
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    assert.match(home, /<a href="\/2024\/">2024<\/a>/);
    assert.match(home, /<a href="\/2025\/03\/">March 2025<\/a>/);
  });

  it('should escape a <script> in a title, a summary and a body so it shows as text', async () => {
    const page = await readSiteFile(site, '/articles/script-title/');
    assert.ok(!page.includes("<script>alert('title')"), 'the title script must not be markup');
    assert.ok(!page.includes("<script>alert('body')"), 'the body script must not be markup');
    assert.ok(!page.includes('onerror="alert(1)"'), 'an event handler must not be markup');
    assert.ok(!page.includes('href="javascript:'), 'a javascript: link must not be a link');
    assert.match(page, /Summit report &lt;script&gt;alert\(&#39;title&#39;\)&lt;\/script&gt; from the lake|Summit report &lt;script&gt;alert\('title'\)&lt;\/script&gt; from the lake/);
    assert.match(page, /<main id="main" class="wrap" tabindex="-1" lang="fr">/);
    const home = await readSiteFile(site, '/');
    assert.ok(!home.includes("<script>alert('title')"), 'the timeline escapes it too');
  });

  it('should link an article to its source, its event and its entities', async () => {
    const page = await readSiteFile(site, '/articles/lakeside-summit/');
    assert.match(page, /href="https:\/\/example.org\/gazette\/lakeside-summit" rel="noopener external"/);
    assert.match(page, /href="\/events\/lakeside-summit-2025\/"/);
    assert.match(page, /class="chip chip--person" href="\/people\/feridun-sinirlioglu\/">Feridun Sinirlioğlu</);
    assert.match(page, /class="chip chip--place" href="\/places\/lakeside\/">Lakeside</);
    assert.match(page, /Related stories[\s\S]*\/articles\/script-title\//);
  });

  it("should give each entity its own timeline and aliases", async () => {
    const page = await readSiteFile(site, '/people/ada-fixture/');
    assert.match(page, /A\. Fixture/);
    for (const id of ['league-founded', 'lakeside-summit', 'script-title']) assert.match(page, new RegExp(`/articles/${id}/`));
    assert.ok(page.indexOf('/articles/league-founded/') < page.indexOf('/articles/lakeside-summit/'), 'oldest first');
  });

  it('should list every source of an event', async () => {
    const page = await readSiteFile(site, '/events/lakeside-summit-2025/');
    assert.match(page, /Friday 14 March 2025/);
    assert.match(page, /\/articles\/lakeside-summit\//);
    assert.match(page, /\/articles\/script-title\//);
  });

  it('should mark pages for search with type, person, organization, place, year and source filters', async () => {
    const page = await readSiteFile(site, '/articles/lakeside-summit/');
    for (const filter of ['type:Article', 'person:Ada Fixture', 'person:Feridun Sinirlioğlu', 'organization:Test League', 'place:Lakeside', 'year:2025', 'source:Fixture Gazette']) {
      assert.ok(page.includes(`data-pagefind-filter="${filter}"`), `filter ${filter}`);
    }
    assert.ok(page.includes('data-pagefind-sort="date:2025-03-14"'));
    assert.ok(page.includes('data-pagefind-body'));
    assert.ok(await sitePathExists(site, '/pagefind/pagefind.js'), 'the Pagefind index is written');
    const entry = JSON.parse(await readSiteFile(site, '/pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    // 3 articles + the curated event + 5 registry entities + 1 discovered person carry
    // data-pagefind-body; listing pages and the event formed from a single story are left out.
    assert.equal(indexed, 10);
  });

  it('should index what search shows and filters on, and not the lists around it', async () => {
    const fragments = await readFragments(site);
    assert.deepEqual(fragments.map((fragment) => fragment.url), [
      '/articles/lakeside-summit/', '/articles/league-founded/', '/articles/script-title/',
      '/events/lakeside-summit-2025/',
      '/organizations/test-league/',
      '/people/ada-fixture/', '/people/feridun-sinirlioglu/', '/people/karin-keller-sutter/',
      '/places/hilltop/', '/places/lakeside/',
    ]);
    const summit = fragments.find((fragment) => fragment.url === '/articles/lakeside-summit/')!;
    assert.deepEqual(summit.meta, { title: 'Ministers gather for the Lakeside summit', type: 'Article', date: '14 March 2025' });
    assert.deepEqual(summit.filters, {
      type: ['Article'], person: ['Ada Fixture', 'Feridun Sinirlioğlu', 'Karin Keller-Sutter'], organization: ['Test League'], place: ['Lakeside'], year: ['2025'], source: ['Fixture Gazette'],
    });
    assert.match(summit.content, /Ada Fixture welcomed Feridun Sinirlioğlu to Lakeside on Friday/, 'the story text');
    assert.match(summit.content, /Ada Fixture and Feridun Sinirlioğlu met in Lakeside/, 'the summary');
    assert.match(summit.content, /it opened on Friday 14 March/, 'the correction');
    assert.doesNotMatch(summit.content, /Original report|Related stories|Published/, 'not the facts, the source note or the aside');
    const event = fragments.find((fragment) => fragment.url === '/events/lakeside-summit-2025/')!;
    assert.equal(event.meta.title, 'The Lakeside summit');
    assert.doesNotMatch(event.content, /What the sources say|Reported by/, 'not the list of its stories');
    const profile = fragments.find((fragment) => fragment.url === '/people/ada-fixture/')!;
    assert.deepEqual(profile.filters, { type: ['Person'], person: ['Ada Fixture'] });
    assert.doesNotMatch(profile.content, /In the archive/);
  });

  it('should give every page a date to sort by, and filters the search page can read by page number', async () => {
    const { pages, filters, sorts } = await readMetadata(site);
    assert.deepEqual([...(sorts.get('date') ?? [])].sort((a, b) => a - b), pages.map((_, number) => number), 'no page drops out of a sorted search');
    assert.deepEqual([...filters.keys()].sort(), ['organization', 'person', 'place', 'source', 'type', 'year']);
    // The search page matches results to filter values by page number: check the numbers line up.
    const types = await readFilter(site, filters.get('type')!);
    const fragmentOf = new Map((await readFragments(site)).map((fragment) => [fragment.id, fragment]));
    for (const [type, numbers] of types) {
      for (const number of numbers) {
        const fragment = fragmentOf.get(pages[number]![0]);
        assert.deepEqual(fragment?.filters.type, [type], `page ${number} (${fragment?.url}) is a ${type}`);
      }
    }
  });

  it('should export the API files exactly as DESIGN.md defines them', async () => {
    const articles = articlesExportSchema.parse(JSON.parse(await readSiteFile(site, '/api/articles.json')));
    assert.deepEqual(articles.map((article) => article.id), ['league-founded', 'lakeside-summit', 'script-title']);
    const summit = articles.find((article) => article.id === 'lakeside-summit');
    assert.deepEqual(summit, {
      id: 'lakeside-summit',
      url: '/articles/lakeside-summit/',
      title: 'Ministers gather for the Lakeside summit',
      date: '2025-03-14T18:30:00+01:00',
      source: { name: 'Fixture Gazette', url: 'https://example.org/gazette/lakeside-summit' },
      language: 'en',
      // The editor listed two people; extraction found a third nobody registered.
      people: ['ada-fixture', 'feridun-sinirlioglu', 'karin-keller-sutter'],
      organizations: ['test-league'],
      places: ['lakeside'],
      events: ['lakeside-summit-2025'],
      // "on Friday" in a story published Friday 14 March 2025 is that day.
      dates: [{ text: 'on Friday', date: '2025-03-14', precision: 'day' }],
    });
    assert.equal(articles[0]?.date, '2024-11-02T00:00:00+01:00');
    const people = entitiesExportSchema.parse(JSON.parse(await readSiteFile(site, '/api/people.json')));
    assert.deepEqual(people.find((person) => person.id === 'feridun-sinirlioglu'), {
      id: 'feridun-sinirlioglu',
      url: '/people/feridun-sinirlioglu/',
      name: 'Feridun Sinirlioğlu',
      aliases: ['Feridun H. Sinirlioğlu', 'Sinirlioglu'],
      curated: true,
      articles: ['lakeside-summit'],
    });
    assert.deepEqual(people.find((person) => person.id === 'karin-keller-sutter'), {
      id: 'karin-keller-sutter',
      url: '/people/karin-keller-sutter/',
      name: 'Karin Keller-Sutter',
      aliases: ['Keller-Sutter'],
      curated: false,
      articles: ['lakeside-summit'],
    });
    assert.match(await readSiteFile(site, '/people/karin-keller-sutter/'), /not yet curated/);
    entitiesExportSchema.parse(JSON.parse(await readSiteFile(site, '/api/organizations.json')));
    const places = entitiesExportSchema.parse(JSON.parse(await readSiteFile(site, '/api/places.json')));
    assert.deepEqual(places.map((place) => place.id), ['hilltop', 'lakeside']);
    const events = eventsExportSchema.parse(JSON.parse(await readSiteFile(site, '/api/events.json')));
    assert.deepEqual(events, [{
      // Nobody curated it: "met for the first time in Hilltop on Saturday" in a story of Saturday 2 November.
      id: 'hilltop-2024-11-02',
      url: '/events/hilltop-2024-11-02/',
      title: 'Test League in Hilltop',
      date: '2024-11-02',
      precision: 'day',
      curated: false,
      places: ['hilltop'],
      people: [],
      organizations: ['test-league'],
      articles: ['league-founded'],
    }, {
      id: 'lakeside-summit-2025',
      url: '/events/lakeside-summit-2025/',
      title: 'The Lakeside summit',
      date: '2025-03-14',
      precision: 'day',
      curated: true,
      places: ['lakeside'],
      people: ['ada-fixture', 'feridun-sinirlioglu'],
      organizations: ['test-league'],
      articles: ['lakeside-summit', 'script-title'],
    }]);
    for (const record of [...articles, ...people, ...places, ...events]) {
      assert.ok(await sitePathExists(site, record.url), `${record.url} exists`);
    }
  });

  it('should resolve every internal link and asset on every page', async () => {
    const pages = (await listFiles(site)).filter((file) => file.endsWith('.html'));
    assert.ok(pages.length > 15);
    const broken: string[] = [];
    for (const file of pages) {
      const html = await readFile(path.join(site, file), 'utf8');
      for (const link of internalLinks(html)) {
        if (!(await sitePathExists(site, link))) broken.push(`${file} → ${link}`);
      }
    }
    assert.deepEqual(broken, []);
  });
});

describe('chronicle build with broken content', () => {
  it('should exit non-zero and leave the previous output folder untouched', async () => {
    const workDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-keep-'));
    try {
      const site = path.join(workDir, 'site');
      const good = await runCli(['build', '--content', FIXTURE, '--output', site]);
      assert.equal(good.code, 0, good.stderr);
      const before = await listFiles(site);
      const homeBefore = await readSiteFile(site, '/');

      const broken = await runCli(['build', '--content', 'tests/fixtures/broken', '--output', site]);
      assert.notEqual(broken.code, 0);
      assert.match(broken.stderr, /tests\/fixtures\/broken\/articles\/[^:]+\.md:\d+:\d+ /);
      assert.match(broken.stderr, /was left as it was/);

      assert.deepEqual(await listFiles(site), before);
      assert.equal(await readSiteFile(site, '/'), homeBefore);
      const leftovers = (await listFiles(workDir)).filter((name) => name.includes('staging'));
      assert.deepEqual(leftovers, [], 'no staging folder is left behind');
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  });
});

describe('chronicle build refuses an output folder it would destroy', () => {
  it('should not build into the content folder or a folder it did not write', async () => {
    const workDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-refuse-'));
    try {
      const intoContent = await runCli(['build', '--content', FIXTURE, '--output', FIXTURE]);
      assert.equal(intoContent.code, 1);
      assert.match(intoContent.stderr, /refusing to build into .*tests\/fixtures\/archive/);
      assert.ok(await sitePathExists(path.resolve(FIXTURE), '/articles/2024/league-founded.md'), 'the content is still there');

      const foreign = path.join(workDir, 'notes');
      await mkdir(foreign);
      await writeFile(path.join(foreign, 'keep.txt'), 'mine');
      const intoForeign = await runCli(['build', '--content', FIXTURE, '--output', foreign]);
      assert.equal(intoForeign.code, 1);
      assert.match(intoForeign.stderr, /not written by chronicle build/);
      assert.equal(await readFile(path.join(foreign, 'keep.txt'), 'utf8'), 'mine');
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  });
});
