import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT, runCli } from '../helpers/run-cli.ts';
import { internalLinks, listFiles, readSiteFile, sitePathExists } from '../helpers/site-files.ts';

const FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/archive');

/*
 * The fixture archive built for publication at https://example.org/news/ (from a config file, as a
 * newsroom would set it up): canonical links, a sitemap of every page, robots.txt, and every
 * internal link under /news/.
 */
describe('chronicle build for a site published at https://example.org/news/', () => {
  let workDir: string;
  let site: string;

  before(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-publish-'));
    await cp(FIXTURE, path.join(workDir, 'content'), { recursive: true });
    await writeFile(path.join(workDir, 'chronicle.config.json'), JSON.stringify({ url: 'https://example.org/news/' }));
    site = path.join(workDir, 'site');
    const result = await runCli(['build', '--content', 'content', '--output', 'site'], workDir);
    assert.equal(result.code, 0, result.stderr);
  });

  after(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('should give every page its canonical address', async () => {
    const article = await readSiteFile(site, '/articles/lakeside-summit/');
    assert.match(article, /<link rel="canonical" href="https:\/\/example.org\/news\/articles\/lakeside-summit\/">/);
    assert.match(article, /<meta name="chronicle-base" content="\/news\/">/);
    const home = await readSiteFile(site, '/');
    assert.equal((home.match(/property="og:url"/g) ?? []).length, 1);
    assert.match(home, /<meta property="og:url" content="https:\/\/example.org\/news\/">/);
  });

  it('should list every page in sitemap.xml, and name it in robots.txt', async () => {
    const pages = (await listFiles(site)).filter((file) => file.endsWith('.html') && !file.endsWith('404.html'));
    const sitemap = await readFile(path.join(site, 'sitemap.xml'), 'utf8');
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    const expected = pages.map((file) => `https://example.org/news/${file.replace(/index\.html$/, '')}`).sort();
    assert.deepEqual([...listed].sort(), expected);
    assert.equal(await readFile(path.join(site, 'robots.txt'), 'utf8'), 'User-agent: *\nAllow: /\n\nSitemap: https://example.org/news/sitemap.xml\n');
  });

  it('should put every internal link and asset under /news/, where it resolves', async () => {
    const broken: string[] = [];
    for (const file of (await listFiles(site)).filter((name) => name.endsWith('.html'))) {
      const html = await readFile(path.join(site, file), 'utf8');
      for (const link of internalLinks(html)) {
        if (!link.startsWith('/news/')) broken.push(`${file}: ${link} is outside /news/`);
        else if (!(await sitePathExists(site, link.slice('/news'.length)))) broken.push(`${file} → ${link}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  it('should show a dated correction on its article, on /corrections/ and as the date modified', async () => {
    const article = await readSiteFile(site, '/articles/lakeside-summit/');
    assert.match(article, /<section class="corrections-box" id="corrections"[^>]*>[\s\S]*16 March 2025<\/time>: An earlier version said the summit opened on Saturday; it opened on Friday 14 March\./);
    assert.match(article, /<meta property="article:modified_time" content="2025-03-16">/);
    const jsonLd = [...article.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]!) as Record<string, unknown>);
    assert.equal(jsonLd.find((node) => node['@type'] === 'NewsArticle')?.dateModified, '2025-03-16');
    const corrections = await readSiteFile(site, '/corrections/');
    assert.match(corrections, /href="\/news\/articles\/lakeside-summit\/#corrections">Ministers gather for the Lakeside summit<\/a>/);
    const feed = await readSiteFile(site, '/feed.xml');
    assert.match(feed, /<id>https:\/\/example.org\/news\/articles\/lakeside-summit\/<\/id>[\s\S]*?<updated>2025-03-16T00:00:00.000Z<\/updated>/);
  });

  it('should refuse a correction dated before its article was published, saying where', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'chronicle-bad-correction-'));
    await cp(FIXTURE, path.join(folder, 'content'), { recursive: true });
    const file = path.join(folder, 'content/articles/2025/lakeside-summit.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('date: 2025-03-16', 'date: 2025-03-01'));
    const result = await runCli(['check', '--content', 'content'], folder);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /lakeside-summit\.md:13:5 corrections\[0\]\.date: 2025-03-01 is before the article was published/);
    await rm(folder, { recursive: true, force: true });
  });

  it('should refuse a config file with an address that is not one, saying where', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'chronicle-bad-config-'));
    await cp(FIXTURE, path.join(folder, 'content'), { recursive: true });
    await writeFile(path.join(folder, 'chronicle.config.json'), JSON.stringify({ url: 'example.org/news' }));
    const result = await runCli(['build', '--content', 'content', '--output', 'site'], folder);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /chronicle\.config\.json:1:2 url: is not a web address/);
    assert.equal(await sitePathExists(path.join(folder, 'site'), '/'), false);
    await rm(folder, { recursive: true, force: true });
  });
});
