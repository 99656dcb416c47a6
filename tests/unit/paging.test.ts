import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { pageNav } from '../../layouts/_components/pager.ts';
import { pageSuffix, pageUrl, paginate } from '../../layouts/_components/paging.ts';
import { SITEMAP_URL_LIMIT, sitemapFiles, sitemapXml } from '../../layouts/_components/sitemaps.ts';

describe('pages of a list', () => {
  it('should keep page 1 at the list address and put the others under page/N/', () => {
    assert.equal(pageUrl('/people/x/', 1), '/people/x/');
    assert.equal(pageUrl('/people/x/', 2), '/people/x/page/2/');
    assert.equal(pageUrl('/', 12), '/page/12/');
  });

  it('should split a list into pages of the size given, every item on exactly one page, in order', () => {
    const items = Array.from({ length: 23 }, (_, index) => index);
    const pages = paginate(items, 10, '/x/');
    assert.deepEqual(pages.map((page) => [page.number, page.count, page.offset, page.items.length]), [[1, 3, 0, 10], [2, 3, 10, 10], [3, 3, 20, 3]]);
    assert.deepEqual(pages.flatMap((page) => page.items), items);
  });

  it('should give an empty list one page, so its address still says there is nothing', () => {
    assert.deepEqual(paginate([], 10, '/x/').map((page) => [page.number, page.count, page.items.length]), [[1, 1, 0]]);
  });

  it('should name the page in titles from page 2 on', () => {
    assert.equal(pageSuffix({ number: 1, count: 4, base: '/' }), '');
    assert.equal(pageSuffix({ number: 2, count: 4, base: '/' }), ', page 2 of 4');
  });

  it('should link first, previous, next and last, and say which page this is', () => {
    const nav = String(pageNav({ number: 3, count: 5, base: '/events/' }, 'Pages of events'));
    assert.match(nav, /<nav class="pager pager--pages" aria-label="Pages of events">/);
    assert.match(nav, /<a class="pager__first" href="\/events\/">/);
    assert.match(nav, /<a class="pager__prev" href="\/events\/page\/2\/" rel="prev">/);
    assert.match(nav, /Page 3 of 5/);
    assert.match(nav, /<a class="pager__next" href="\/events\/page\/4\/" rel="next">/);
    assert.match(nav, /<a class="pager__last" href="\/events\/page\/5\/">/);
  });

  it('should leave out what would repeat a neighbour, and draw nothing for a list of one page', () => {
    const second = String(pageNav({ number: 2, count: 3, base: '/' }, 'Pages'));
    assert.doesNotMatch(second, /pager__first|pager__last/, 'previous is the first page and next the last');
    assert.doesNotMatch(String(pageNav({ number: 1, count: 3, base: '/' }, 'Pages')), /pager__prev/);
    assert.doesNotMatch(String(pageNav({ number: 3, count: 3, base: '/' }, 'Pages')), /pager__next/);
    assert.equal(String(pageNav({ number: 1, count: 1, base: '/' }, 'Pages')), '');
  });
});

describe('sitemaps', () => {
  const urls = Array.from({ length: 7 }, (_, index) => `https://example.org/news/p${index}/`);
  const absolute = (sitePath: string) => `https://example.org/news${sitePath}`;

  it('should write one urlset at /sitemap.xml up to the limit', () => {
    const files = sitemapFiles(urls, 7);
    assert.deepEqual(files.map((file) => [file.path, file.kind]), [['/sitemap.xml', 'urlset']]);
    const xml = sitemapXml(files[0]!, absolute);
    assert.equal(XMLValidator.validate(xml), true);
    assert.equal([...xml.matchAll(/<loc>/g)].length, 7);
  });

  it('should write a sitemap index at /sitemap.xml and numbered parts of at most the limit beyond it', () => {
    const files = sitemapFiles(urls, 3);
    assert.deepEqual(files.map((file) => [file.path, file.kind, file.kind === 'urlset' ? file.urls.length : file.sitemaps.length]), [
      ['/sitemap.xml', 'index', 3],
      ['/sitemap-1.xml', 'urlset', 3],
      ['/sitemap-2.xml', 'urlset', 3],
      ['/sitemap-3.xml', 'urlset', 1],
    ]);
    assert.deepEqual(files.flatMap((file) => (file.kind === 'urlset' ? file.urls : [])), urls, 'every address once, in order');
    const index = sitemapXml(files[0]!, absolute);
    assert.equal(XMLValidator.validate(index), true);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'sitemap' }).parse(index) as {
      sitemapindex: { '@_xmlns': string; sitemap: Array<{ loc: string }> };
    };
    assert.equal(parsed.sitemapindex['@_xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
    assert.deepEqual(parsed.sitemapindex.sitemap.map((entry) => entry.loc), [1, 2, 3].map((n) => `https://example.org/news/sitemap-${n}.xml`));
  });

  it("should hold to the protocol's 50,000 addresses by default", () => {
    assert.equal(SITEMAP_URL_LIMIT, 50_000);
    const many = Array.from({ length: 50_001 }, (_, index) => `https://example.org/p${index}/`);
    assert.deepEqual(sitemapFiles(many).map((file) => file.path), ['/sitemap.xml', '/sitemap-1.xml', '/sitemap-2.xml']);
    assert.equal(sitemapFiles(many.slice(0, 50_000)).length, 1);
  });

  it('should escape an address with & or <', () => {
    const xml = sitemapXml({ path: '/sitemap.xml', kind: 'urlset', urls: ['https://example.org/?a=1&b=<2>'] }, absolute);
    assert.match(xml, /<loc>https:\/\/example.org\/\?a=1&amp;b=&lt;2><\/loc>/);
    assert.equal(XMLValidator.validate(xml), true);
  });
});
