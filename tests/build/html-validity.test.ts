import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { jsonFeedSchema } from '../../src/export/feeds.ts';
import { runCli } from '../helpers/run-cli.ts';
import { listFiles, sitePathExists } from '../helpers/site-files.ts';
import { checkHtml, describeMessages, type VnuMessage } from '../helpers/vnu.ts';

const SITE_URL = 'https://news.example.org/';

/** A page with two errors the checker must report, checked in the same run as the site. */
const BROKEN_PAGE = '<!doctype html>\n<html lang="en"><head><title>Broken</title></head><body><p><div>block in a paragraph</div></p><a href="a b">space</a></body></html>\n';

/*
 * The sample archive in content/, built for publication (so every page carries its canonical link,
 * and sitemap.xml is written), checked by the Nu HTML Checker — the W3C's validator — in one Java
 * run over every page; then its XML and JSON files for well-formedness and their formats.
 */
describe('the sample archive as valid HTML, XML and JSON', () => {
  let workDir: string;
  let site: string;
  let pages: string[];
  let brokenPage: string;
  let messages: VnuMessage[];

  before(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-validity-'));
    site = path.join(workDir, 'site');
    const build = await runCli(['build', '--content', 'content', '--output', site, '--site-url', SITE_URL]);
    assert.equal(build.code, 0, build.stderr);
    pages = (await listFiles(site)).filter((file) => file.endsWith('.html')).map((file) => path.join(site, file));
    // Outside the site, so it is never served; it proves the checker ran and its report is read.
    await mkdir(path.join(workDir, 'canary'));
    brokenPage = path.join(workDir, 'canary', 'broken.html');
    await writeFile(brokenPage, BROKEN_PAGE);
    messages = await checkHtml([...pages, brokenPage]);
  });

  after(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('should hear the checker report the errors in a broken page checked in the same run', () => {
    const reported = messages.filter((message) => message.file === brokenPage);
    assert.ok(reported.some((message) => /“p” element in scope/.test(message.message)), describeMessages(reported, workDir));
    assert.ok(reported.some((message) => /Bad value “a b” for attribute “href”/.test(message.message)), describeMessages(reported, workDir));
  });

  it('should pass the Nu HTML Checker with no errors on every page of the site', () => {
    assert.ok(pages.length > 50, `only ${pages.length} pages were built`);
    for (const type of ['index.html', '404.html', 'search/index.html', 'on-this-day/index.html', 'events/moscow-visit-2026/index.html']) {
      assert.ok(pages.includes(path.join(site, type)), `${type} is among the pages checked`);
    }
    const errors = messages.filter((message) => message.file !== brokenPage);
    assert.equal(errors.length, 0, `the Nu HTML Checker found ${errors.length} errors in ${pages.length} pages:\n${describeMessages(errors, site)}`);
  });

  it('should write sitemap.xml as well-formed XML in the sitemaps namespace, every address a page of the site', async () => {
    const xml = await readFile(path.join(site, 'sitemap.xml'), 'utf8');
    const wellFormed = XMLValidator.validate(xml);
    assert.equal(wellFormed, true, `sitemap.xml: ${JSON.stringify(wellFormed)}`);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' }).parse(xml) as {
      urlset: { '@_xmlns': string; url: Array<{ loc: string }> };
    };
    assert.equal(parsed.urlset['@_xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = parsed.urlset.url.map((entry) => entry.loc);
    assert.equal(locs.length, pages.length - 1, 'every page but the 404 page');
    for (const loc of locs) {
      assert.ok(loc.startsWith(SITE_URL), loc);
      assert.ok(await sitePathExists(site, `/${loc.slice(SITE_URL.length)}`), `${loc} is a page of the site`);
    }
  });

  it('should write every Atom feed as well-formed XML and every JSON Feed as JSON Feed 1.1, in pairs', async () => {
    const files = await listFiles(site);
    const atom = files.filter((file) => path.basename(file) === 'feed.xml');
    const json = files.filter((file) => path.basename(file) === 'feed.json');
    assert.ok(atom.includes('feed.xml') && json.includes('feed.json'), 'the archive has /feed.xml and /feed.json');
    assert.ok(atom.includes(path.join('events', 'moscow-visit-2026', 'feed.xml')), 'an event has its own feed');
    assert.deepEqual(atom.map((file) => path.dirname(file)), json.map((file) => path.dirname(file)), 'each page with an Atom feed has a JSON Feed too');
    const problems: string[] = [];
    for (const file of atom) {
      const xml = await readFile(path.join(site, file), 'utf8');
      const wellFormed = XMLValidator.validate(xml);
      if (wellFormed !== true) {
        problems.push(`${file}: ${wellFormed.err.msg} at ${wellFormed.err.line}:${wellFormed.err.col}`);
        continue;
      }
      const root = new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed?: { '@_xmlns'?: string } };
      if (root.feed?.['@_xmlns'] !== 'http://www.w3.org/2005/Atom') problems.push(`${file}: the root is not an Atom <feed>`);
    }
    for (const file of json) {
      const parsed = jsonFeedSchema.safeParse(JSON.parse(await readFile(path.join(site, file), 'utf8')));
      if (!parsed.success) problems.push(`${file}: ${parsed.error.message}`);
    }
    assert.deepEqual(problems, []);
  });
});
