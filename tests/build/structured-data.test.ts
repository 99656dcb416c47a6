import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { entityNodeSchema, eventSchema, newsArticleSchema } from '../../src/render/json-ld.ts';
import { REPO_ROOT, runCli } from '../helpers/run-cli.ts';
import { readSiteFile } from '../helpers/site-files.ts';

const FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/archive');

interface ParsedPage {
  /** Every JSON-LD node of the page, parsed with JSON.parse. */
  jsonLd: unknown[];
  /** Script elements that run (any type but JSON-LD): where they come from, and any inline text. */
  liveScripts: Array<{ src: string; text: string }>;
  meta(key: string): string | undefined;
}

async function parsePage(site: string, sitePath: string): Promise<ParsedPage> {
  const document = new JSDOM(await readSiteFile(site, sitePath)).window.document;
  const scripts = [...document.querySelectorAll('script')];
  return {
    jsonLd: scripts.filter((script) => script.type === 'application/ld+json').map((script) => JSON.parse(script.textContent ?? '') as unknown),
    liveScripts: scripts.filter((script) => script.type !== 'application/ld+json').map((script) => ({ src: script.src, text: script.textContent ?? '' })),
    meta: (key) => document.querySelector(`head meta[property="${key}"], head meta[name="${key}"]`)?.getAttribute('content') ?? undefined,
  };
}

/*
 * The fixture archive (with a Wikidata id added to one person) built for https://example.org/news/:
 * article, event and person pages carry schema.org JSON-LD with absolute URLs, and social meta.
 */
describe('chronicle build: structured data and social meta', () => {
  let workDir: string;
  let site: string;
  let relativeSite: string;

  before(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-structured-'));
    const content = path.join(workDir, 'content');
    await cp(FIXTURE, content, { recursive: true });
    const person = path.join(content, 'people/ada-fixture.md');
    await writeFile(person, (await readFile(person, 'utf8')).replace(/^roles:/m, 'wikidata: Q7259\nroles:'));
    site = path.join(workDir, 'site');
    relativeSite = path.join(workDir, 'relative');
    const absolute = await runCli(['build', '--content', 'content', '--output', 'site', '--site-url', 'https://example.org/news/'], workDir);
    assert.equal(absolute.code, 0, absolute.stderr);
    const relative = await runCli(['build', '--content', 'content', '--output', 'relative', '--path-prefix', '/archive/'], workDir);
    assert.equal(relative.code, 0, relative.stderr);
  });

  after(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('should describe an article as a NewsArticle with its source, dates, entities and absolute URLs', async () => {
    const page = await parsePage(site, '/articles/lakeside-summit/');
    assert.equal(page.jsonLd.length, 1);
    const data = newsArticleSchema.parse(page.jsonLd[0]);
    assert.equal(data.headline, 'Ministers gather for the Lakeside summit');
    assert.equal(data.datePublished, '2025-03-14T18:30:00+01:00');
    assert.equal(data.inLanguage, 'en');
    assert.equal(data.url, 'https://example.org/news/articles/lakeside-summit/');
    assert.equal(data.mainEntityOfPage['@id'], data.url);
    assert.equal(data.description, 'Ada Fixture and Feridun Sinirlioğlu met in Lakeside.');
    assert.deepEqual(data.publisher, { '@type': 'Organization', name: 'Fixture Gazette' });
    assert.deepEqual(data.author, data.publisher);
    assert.equal(data.isBasedOn, 'https://example.org/gazette/lakeside-summit');
    const linked = [...(data.about ?? []), ...(data.mentions ?? [])];
    assert.deepEqual(linked.find((node) => node.name === 'Ada Fixture'), {
      '@type': 'Person', name: 'Ada Fixture', url: 'https://example.org/news/people/ada-fixture/', sameAs: 'https://www.wikidata.org/wiki/Q7259',
    });
    assert.deepEqual(linked.find((node) => node.name === 'Test League'), { '@type': 'Organization', name: 'Test League', url: 'https://example.org/news/organizations/test-league/' });
    assert.deepEqual(data.about, [{ '@type': 'Place', name: 'Lakeside', url: 'https://example.org/news/places/lakeside/' }]);
  });

  it('should date an uncorrected article modified when it was published', async () => {
    const data = newsArticleSchema.parse((await parsePage(site, '/articles/league-founded/')).jsonLd[0]);
    assert.equal(data.datePublished, '2024-11-02T00:00:00+01:00');
    assert.equal(data.dateModified, data.datePublished);
    assert.deepEqual(data.about, [
      { '@type': 'Organization', name: 'Test League', url: 'https://example.org/news/organizations/test-league/' },
      { '@type': 'Place', name: 'Hilltop', url: 'https://example.org/news/places/hilltop/' },
    ]);
  });

  it('should give an article page Open Graph and Twitter meta', async () => {
    const page = await parsePage(site, '/articles/lakeside-summit/');
    assert.equal(page.meta('og:title'), 'Ministers gather for the Lakeside summit');
    assert.equal(page.meta('og:description'), 'Ada Fixture and Feridun Sinirlioğlu met in Lakeside.');
    assert.equal(page.meta('og:type'), 'article');
    assert.equal(page.meta('og:url'), 'https://example.org/news/articles/lakeside-summit/');
    assert.equal(page.meta('og:site_name'), 'Chronicle');
    assert.equal(page.meta('og:locale'), 'en');
    assert.equal(page.meta('article:published_time'), '2025-03-14T18:30:00+01:00');
    assert.equal(page.meta('twitter:card'), 'summary');
    assert.equal(page.meta('twitter:title'), 'Ministers gather for the Lakeside summit');
    assert.equal(page.meta('twitter:description'), 'Ada Fixture and Feridun Sinirlioğlu met in Lakeside.');
  });

  it('should keep a <script> in a title as text in the JSON-LD and the meta, with no live script', async () => {
    const raw = await readSiteFile(site, '/articles/script-title/');
    assert.ok(!raw.includes("<script>alert('title')"), 'the title script must not be markup');
    assert.ok(!raw.includes('</script> from the lake'), 'the title cannot close the JSON-LD element');
    const page = await parsePage(site, '/articles/script-title/');
    assert.equal(page.jsonLd.length, 1);
    assert.deepEqual(page.liveScripts.filter((script) => !script.src || script.text.trim()), [], 'no inline script runs');
    const data = newsArticleSchema.parse(page.jsonLd[0]);
    assert.equal(data.headline, "Summit report <script>alert('title')</script> from the lake");
    assert.equal(data.description, 'Un compte rendu <b>du sommet</b>.');
    assert.equal(data.inLanguage, 'fr');
    assert.equal(page.meta('og:title'), "Summit report <script>alert('title')</script> from the lake");
    assert.equal(page.meta('og:locale'), 'fr');
  });

  it('should describe an event with its day, place, participants, summary and reports', async () => {
    const page = await parsePage(site, '/events/lakeside-summit-2025/');
    assert.equal(page.jsonLd.length, 1);
    const data = eventSchema.parse(page.jsonLd[0]);
    assert.equal(data.name, 'The Lakeside summit');
    assert.equal(data.url, 'https://example.org/news/events/lakeside-summit-2025/');
    assert.equal(data.startDate, '2025-03-14');
    assert.equal(data.description, 'Ministers met by the lake.');
    assert.deepEqual(data.location, [{ '@type': 'Place', name: 'Lakeside', url: 'https://example.org/news/places/lakeside/' }]);
    assert.deepEqual(data.attendee?.map((node) => `${node['@type']}:${node.name}`), ['Person:Ada Fixture', 'Person:Feridun Sinirlioğlu', 'Organization:Test League']);
    assert.deepEqual(data.subjectOf?.map((node) => node.url).sort(), [
      'https://example.org/news/articles/lakeside-summit/',
      'https://example.org/news/articles/script-title/',
    ]);
    assert.equal(page.meta('og:type'), 'website');
    assert.equal(page.meta('og:url'), 'https://example.org/news/events/lakeside-summit-2025/');
  });

  it('should describe a person with aliases, description, roles and Wikidata', async () => {
    const page = await parsePage(site, '/people/ada-fixture/');
    assert.equal(page.jsonLd.length, 1);
    assert.deepEqual(entityNodeSchema.parse(page.jsonLd[0]), {
      '@context': 'https://schema.org',
      '@type': 'Person',
      name: 'Ada Fixture',
      url: 'https://example.org/news/people/ada-fixture/',
      alternateName: ['A. Fixture'],
      description: 'A fictional minister used by the build tests.',
      jobTitle: ['Minister of Tests'],
      sameAs: 'https://www.wikidata.org/wiki/Q7259',
    });
    assert.equal(page.meta('og:title'), 'Ada Fixture');
  });

  it('should give site-relative URLs under the path prefix, and no og:url, when the site has no address', async () => {
    const article = await parsePage(relativeSite, '/articles/lakeside-summit/');
    const data = newsArticleSchema.parse(article.jsonLd[0]);
    assert.equal(data.url, '/archive/articles/lakeside-summit/');
    assert.equal(data.mentions?.find((node) => node.name === 'Ada Fixture')?.url, '/archive/people/ada-fixture/');
    assert.equal(article.meta('og:url'), undefined);
    assert.equal(article.meta('og:type'), 'article');
    const event = eventSchema.parse((await parsePage(relativeSite, '/events/lakeside-summit-2025/')).jsonLd[0]);
    assert.equal(event.url, '/archive/events/lakeside-summit-2025/');
  });

  it('should leave pages without structured data without JSON-LD', async () => {
    const home = await parsePage(site, '/');
    assert.deepEqual(home.jsonLd, []);
    assert.equal(home.meta('og:type'), 'website');
  });
});
