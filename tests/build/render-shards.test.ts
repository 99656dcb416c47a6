import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inShard, shardCountFor, shardFromEnvironment } from '../../src/eleventy/render-shards.ts';
import { writeLargeArchive } from '../helpers/large-archive.ts';
import { runCli } from '../helpers/run-cli.ts';
import { listFiles } from '../helpers/site-files.ts';

const SITE_URL = 'https://news.example.org/archive/';

/**
 * `chronicle build` renders a large site in several Eleventy runs so memory stays bounded. The
 * proof that no page is lost, doubled or rendered differently: a site built in shards is byte for
 * byte the site built in one run, sitemap and paginated lists included.
 */
describe('rendering in shards', () => {
  let work: string;
  const build = (shards: number) =>
    runCli(['build', '--content', path.join(work, 'content'), '--output', path.join(work, `site-${shards}`), '--site-url', SITE_URL], undefined, '', {
      CHRONICLE_CACHE: path.join(work, 'cache'),
      CHRONICLE_SHARDS: String(shards),
    });

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'chronicle-shards-'));
    await writeLargeArchive(path.join(work, 'content'), { stories: 60, hotDayStories: 45, eventStories: 55, smallEvents: 105, people: 110, corrections: 30 });
  });

  after(async () => rm(work, { recursive: true, force: true }));

  it('should write the same site in three runs as in one', async () => {
    for (const shards of [1, 3]) {
      const result = await build(shards);
      assert.equal(result.code, 0, result.stdout + result.stderr);
    }
    const one = path.join(work, 'site-1');
    const three = path.join(work, 'site-3');
    const files = (await listFiles(one)).filter((file) => file !== '.chronicle-site');
    assert.deepEqual((await listFiles(three)).filter((file) => file !== '.chronicle-site'), files);
    assert.ok(files.some((file) => file.includes(`page${path.sep}2`)), 'the archive is large enough for paginated lists');
    const differing: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(path.join(one, file)), readFile(path.join(three, file))]).catch(() => [Buffer.from('dir'), Buffer.from('dir')]);
      if (!a.equals(b)) differing.push(file);
    }
    assert.deepEqual(differing, []);
    // Search indexes each run's pages as they are written: every searchable page is there once.
    const indexed = async (site: string) => {
      const entry = JSON.parse(await readFile(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
      return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    };
    const searchable = await indexed(one);
    assert.ok(searchable > 100, `${searchable} pages indexed`);
    assert.equal(await indexed(three), searchable);
    const sitemap = await readFile(path.join(three, 'sitemap.xml'), 'utf8');
    const addresses = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    assert.ok(addresses.length > 300, `${addresses.length} addresses in the sitemap`);
    assert.ok(addresses.includes(`${SITE_URL}events/page/2/`), 'the sitemap names pages rendered by every run');
  });
});

describe('render shards', () => {
  it('should give every page to exactly one shard', () => {
    const pages = Array.from({ length: 10 }, (_, index) => index);
    const shares = [0, 1, 2].map((index) => inShard(pages, { index, count: 3 }));
    assert.deepEqual(shares.flat().sort((a, b) => a - b), pages);
    assert.deepEqual(shares[1], [1, 4, 7]);
  });

  it('should read the shard a run renders from the environment, and refuse nonsense', () => {
    assert.deepEqual(shardFromEnvironment({}), { index: 0, count: 1 });
    assert.deepEqual(shardFromEnvironment({ CHRONICLE_SHARD: '2/5' }), { index: 2, count: 5 });
    assert.throws(() => shardFromEnvironment({ CHRONICLE_SHARD: '5/5' }), /0 ≤ i < n/);
  });

  it('should grow the number of runs with the archive, unless told', () => {
    assert.equal(shardCountFor(10, {}), 1);
    assert.ok(shardCountFor(100_000, {}) > shardCountFor(10_000, {}));
    assert.equal(shardCountFor(100_000, { CHRONICLE_SHARDS: '2' }), 2);
    assert.throws(() => shardCountFor(10, { CHRONICLE_SHARDS: 'many' }), /whole number/);
  });
});
