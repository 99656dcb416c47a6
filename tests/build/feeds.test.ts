import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { jsonFeedSchema } from '../../src/export/feeds.ts';
import { REPO_ROOT, runCli } from '../helpers/run-cli.ts';
import { readSiteFile, sitePathExists } from '../helpers/site-files.ts';

const FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/archive');

/** The elements RFC 4287 requires of a feed and its entries, as the parser gives them. */
const atomText = z.union([z.string(), z.object({ '#text': z.string() }).passthrough()]);
const atomLink = z.object({ '@_rel': z.string().optional(), '@_href': z.string().min(1) }).passthrough();
const atomSchema = z.object({
  feed: z.object({
    '@_xmlns': z.literal('http://www.w3.org/2005/Atom'),
    id: z.string().min(1),
    title: atomText,
    updated: z.iso.datetime(),
    author: z.object({ name: z.string().min(1) }),
    link: z.array(atomLink).min(1),
    entry: z.array(z.object({
      id: z.string().min(1),
      title: atomText,
      updated: z.iso.datetime(),
      published: z.iso.datetime(),
      author: z.object({ name: z.string().min(1) }),
      link: z.array(atomLink).min(1),
      summary: atomText.optional(),
      content: z.object({ '@_type': z.literal('html'), '#text': z.string() }).optional(),
    }).passthrough()).default([]),
  }).passthrough(),
});

function parseAtom(xml: string) {
  assert.equal(XMLValidator.validate(xml), true, 'well-formed XML');
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link', parseTagValue: false });
  return atomSchema.parse(parser.parse(xml));
}

describe('feeds (Atom and JSON Feed) for the archive and for every record', () => {
  let workDir: string;
  let site: string;

  before(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-feeds-'));
    site = path.join(workDir, 'site');
    const result = await runCli(['build', '--content', FIXTURE, '--output', site, '--site-url', 'https://example.org/news/']);
    assert.equal(result.code, 0, result.stderr);
  });

  after(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('should write a valid Atom feed of the whole archive, newest first, with absolute links', async () => {
    const { feed } = parseAtom(await readSiteFile(site, '/feed.xml'));
    assert.equal(feed.id, 'https://example.org/news/');
    assert.deepEqual(feed.entry.map((entry) => entry.id), [
      'https://example.org/news/articles/script-title/',
      'https://example.org/news/articles/lakeside-summit/',
      'https://example.org/news/articles/league-founded/',
    ]);
    const self = feed.link.find((link) => link['@_rel'] === 'self');
    assert.equal(self?.['@_href'], 'https://example.org/news/feed.xml');
    // The <script> in a title is text in the feed, read back exactly as written.
    const scripted = feed.entry[0]!;
    assert.match(JSON.stringify(scripted.title), /<script>alert\('title'\)<\/script>/);
    // The site's feed carries each story's text, read from its file as HTML.
    assert.ok(feed.entry.every((entry) => entry.content), 'every entry has its text');
    assert.match(feed.entry[1]!.content!['#text'], /^<p>Ada Fixture welcomed Feridun Sinirlioğlu to Lakeside on Friday\./);
    assert.match(feed.entry[1]!.content!['#text'], /<blockquote>/);
    assert.doesNotMatch(await readSiteFile(site, '/feed.xml'), /<script>/);
  });

  it('should write a JSON Feed 1.1 of the whole archive that matches the Atom feed', async () => {
    const feed = jsonFeedSchema.parse(JSON.parse(await readSiteFile(site, '/feed.json')));
    assert.equal(feed.feed_url, 'https://example.org/news/feed.json');
    assert.deepEqual(feed.items.map((item) => item.url), [
      'https://example.org/news/articles/script-title/',
      'https://example.org/news/articles/lakeside-summit/',
      'https://example.org/news/articles/league-founded/',
    ]);
    assert.equal(feed.items[1]?.external_url, 'https://example.org/gazette/lakeside-summit');
    const atom = parseAtom(await readSiteFile(site, '/feed.xml')).feed;
    assert.deepEqual(feed.items.map((item) => item.content_html?.trim()), atom.entry.map((entry) => entry.content?.['#text']));
  });

  it('should give each person, organization, place and event feeds of its own stories, linked from its page', async () => {
    for (const page of ['/people/ada-fixture/', '/organizations/test-league/', '/places/lakeside/', '/events/lakeside-summit-2025/']) {
      assert.ok(await sitePathExists(site, `${page}feed.xml`), `${page}feed.xml`);
      const html = await readSiteFile(site, page);
      assert.match(html, new RegExp(`<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="/news${page}feed.xml">`));
      assert.match(html, new RegExp(`<link rel="alternate" type="application/feed\\+json" title="[^"]+" href="/news${page}feed.json">`));
    }
    const { feed } = parseAtom(await readSiteFile(site, '/places/hilltop/feed.xml'));
    assert.deepEqual(feed.entry.map((entry) => entry.id), ['https://example.org/news/articles/league-founded/']);
    const event = jsonFeedSchema.parse(JSON.parse(await readSiteFile(site, '/events/lakeside-summit-2025/feed.json')));
    assert.deepEqual(event.items.map((item) => item.id), ['https://example.org/news/articles/script-title/', 'https://example.org/news/articles/lakeside-summit/']);
  });

  it("should carry each story's summary and link in a record's feeds, and its text only in the site's", async () => {
    const { feed } = parseAtom(await readSiteFile(site, '/people/ada-fixture/feed.xml'));
    const summit = feed.entry.find((entry) => entry.id === 'https://example.org/news/articles/lakeside-summit/');
    assert.equal(summit?.summary, 'Ada Fixture and Feridun Sinirlioğlu met in Lakeside.');
    assert.ok(feed.entry.every((entry) => entry.content === undefined), 'no text in a record feed');
    const json = jsonFeedSchema.parse(JSON.parse(await readSiteFile(site, '/people/ada-fixture/feed.json')));
    const item = json.items.find((entry) => entry.id === summit?.id);
    assert.equal(item?.content_text, 'Ada Fixture and Feridun Sinirlioğlu met in Lakeside.');
    assert.ok(json.items.every((entry) => entry.content_html === undefined && entry.content_text), 'a summary, or the title, as the text of each item');
  });
});
