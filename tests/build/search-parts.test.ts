import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeSyntheticArchive } from '../../bench/synthetic-archive.ts';
import { compareCodePoints, entrySchema, filterSchema, indexChunkSchema, metaSchema, readFragmentUrl, readPagefindFile, type WordPage } from '../../src/search/pagefind-files.ts';
import { sortValuesIn } from '../../src/search/pagefind-index.ts';
import { launchChromium, type LaunchedBrowser } from '../helpers/chromium.ts';
import { readFragments } from '../helpers/pagefind-files.ts';
import { runCli } from '../helpers/run-cli.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

/** What a search index answers, by page address rather than Pagefind's page numbers (which differ between builds). */
interface SearchModel {
  /** Every word and spelling: the pages with its positions, sorted. */
  words: Map<string, string[]>;
  /** `filter=value`: the pages, sorted. */
  filters: Map<string, string[]>;
  /** Each sort key: the pages in that order. */
  sorts: Map<string, string[]>;
  metaFields: string[];
  /** Chunk bounds in order, to check the browser can find every word. */
  chunks: Array<[string, string, string[]]>;
}

function readSearchModel(site: string): SearchModel {
  const bundle = path.join(site, 'pagefind');
  const entry = entrySchema.parse(JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')));
  const languages = Object.values(entry.languages);
  assert.equal(languages.length, 1, 'the test archive is in one language');
  const [, pages, chunks, filters, sorts, metaFields] = metaSchema.parse(readPagefindFile(path.join(bundle, `pagefind.${languages[0]!.hash}.pf_meta`)));
  assert.equal(languages[0]!.page_count, pages.length);
  const urls = pages.map(([hash]) => readFragmentUrl(path.join(bundle, 'fragment', `${hash}.pf_fragment`)));
  const listed = (list: readonly WordPage[]) => {
    let page = 0;
    return list.map(([step, positions, metaPositions]) => `${urls[(page += step)]} ${positions.join(',')} ${metaPositions.join(',')}`).sort();
  };
  const words = new Map<string, string[]>();
  const chunkWords: SearchModel['chunks'] = [];
  for (const [from, to, hash] of chunks) {
    const [inChunk] = indexChunkSchema.parse(readPagefindFile(path.join(bundle, 'index', `${hash}.pf_index`)));
    chunkWords.push([from, to, inChunk.map(([word]) => word)]);
    for (const [word, list, spellings] of inChunk) {
      assert.ok(!words.has(word), `${word} is in one chunk only`);
      words.set(word, listed(list));
      for (const [spelling, spellingList] of spellings) words.set(`${word}/${spelling}`, listed(spellingList));
    }
  }
  const filterModel = new Map<string, string[]>();
  for (const [, hash] of filters) {
    const [name, values] = filterSchema.parse(readPagefindFile(path.join(bundle, 'filter', `${hash}.pf_filter`)));
    for (const [value, numbers] of values) filterModel.set(`${name}=${value}`, numbers.map((page) => urls[page]!).sort());
  }
  return { words, filters: filterModel, sorts: new Map(sorts.map(([key, order]) => [key, order.map((page) => urls[page]!)])), metaFields, chunks: chunkWords };
}

/**
 * Pagefind holds everything it indexes in memory, so a large site is indexed in parts, one
 * Pagefind process at a time, and the parts are merged into one bundle. The proof that the merge
 * is right: the merged index answers exactly as one index of every page does — every word on the
 * same pages at the same positions, every filter value on the same pages, pages sorted by date —
 * and the search page finds the same results with it in Chromium.
 */
describe('a search index built in parts', () => {
  let work: string;
  let one: SearchModel;
  let merged: SearchModel;
  const site = (name: string) => path.join(work, name);

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'chronicle-search-parts-'));
    await writeSyntheticArchive(path.join(work, 'content'), 80);
    for (const [name, partBytes] of [['one', ''], ['parts', '60000']] as const) {
      const result = await runCli(['build', '--content', path.join(work, 'content'), '--output', site(name)], undefined, '', {
        CHRONICLE_CACHE: path.join(work, 'cache'),
        CHRONICLE_SEARCH_PART_BYTES: partBytes,
      });
      assert.equal(result.code, 0, result.stdout + result.stderr);
      const parts = Number(/indexed in (\d+) parts/.exec(result.stdout)?.[1] ?? 1);
      assert.ok(name === 'one' ? parts === 1 : parts >= 4, `${name}: ${parts} parts`);
    }
    one = readSearchModel(site('one'));
    merged = readSearchModel(site('parts'));
  });

  after(async () => rm(work, { recursive: true, force: true }));

  it('should leave no scratch folder behind', async () => {
    assert.deepEqual((await readdir(work)).filter((name) => name.startsWith('.')), []);
  });

  it('should find every word on the same pages at the same positions', () => {
    assert.ok(one.words.size > 200, `${one.words.size} words`);
    assert.ok(merged.chunks.length > 1, 'the merged index has several chunks');
    assert.deepEqual(merged.words, one.words);
  });

  it('should put every word in the chunk the browser looks in', () => {
    const all = merged.chunks.flatMap(([, , words]) => words);
    assert.deepEqual([...all].sort(compareCodePoints), all, 'words are in Pagefind order across chunks');
    for (const [from, to, words] of merged.chunks) {
      for (const word of words) assert.ok(compareCodePoints(word, from) >= 0 && (compareCodePoints(word, to) <= 0 || word.startsWith(to)), `${word} between ${from} and ${to}`);
      assert.ok(compareCodePoints(to, from) >= 0, `the chunk ${from}–${to} ends after it starts`);
    }
  });

  it('should find the words on the pages whose text has them', async () => {
    const fragments = await readFragments(site('parts'));
    // Registry names such as "Hilltop1673" are single words no stemmer changes.
    const names = [...merged.words].filter(([word, pages]) => /^[a-z]+\d+$/.test(word) && pages.length >= 3).slice(0, 20);
    assert.ok(names.length >= 10, `${names.length} names to check`);
    for (const [word, pages] of names) {
      const having = fragments.filter((fragment) => new RegExp(`\\b${word}\\b`, 'i').test(fragment.content)).map((fragment) => fragment.url).sort();
      assert.deepEqual([...new Set(pages.map((entry) => entry.split(' ')[0]))].sort(), having, word);
    }
  });

  it('should give every filter value the same pages, as the pages themselves say', async () => {
    assert.deepEqual(merged.filters, one.filters);
    const fromFragments = new Map<string, string[]>();
    for (const fragment of await readFragments(site('parts'))) {
      for (const [name, values] of Object.entries(fragment.filters)) for (const value of values) fromFragments.set(`${name}=${value}`, [...(fromFragments.get(`${name}=${value}`) ?? []), fragment.url]);
    }
    for (const list of fromFragments.values()) list.sort();
    assert.deepEqual(merged.filters, fromFragments);
  });

  it('should sort the pages by date', async () => {
    assert.deepEqual(merged.metaFields, one.metaFields);
    const dates = merged.sorts.get('date')!;
    assert.deepEqual([...dates].sort(), [...one.sorts.get('date')!].sort());
    const dateOf = async (url: string) => sortValuesIn(await readFile(path.join(site('parts'), url, 'index.html'), 'utf8')).date!;
    const values = await Promise.all(dates.map(dateOf));
    assert.deepEqual(values, [...values].sort(), 'oldest first');
  });

  describe('in the browser', () => {
    let chromium: LaunchedBrowser;
    const servers: StaticServer[] = [];
    before(async () => {
      chromium = await launchChromium();
      servers.push(await serveStatic(site('one')), await serveStatic(site('parts')));
    });
    after(async () => {
      await chromium?.close();
      await Promise.all(servers.map((server) => server.close()));
    });

    /** The result count and titles the search page shows for `query`, on each site. */
    const results = async (query: string) =>
      Promise.all(
        servers.map(async (server) => {
          const page = await chromium.newPage();
          await page.goto(`${server.url}/search/?${query}`);
          const status = page.locator('#search-status').filter({ hasText: /\d+ results?/ });
          await status.waitFor();
          const found = { status: await status.textContent(), titles: (await page.locator('.result__title a').allTextContents()).sort() };
          await page.close();
          return found;
        }),
      );

    it('should find the same pages for a word, a filter and both', async () => {
      // Results of equal score may come in another order, so whole lists are compared only where they fit one page.
      const rare = [...merged.words].find(([word, pages]) => /^[a-z]{6,}$/.test(word) && pages.length >= 3 && pages.length <= 8)![0];
      for (const [query, whole] of [['q=minister', false], ['type=Person', false], ['q=minister&type=Article', false], [`q=${rare}`, true], [`q=${rare}&sort=newest`, true]] as const) {
        const [single, parts] = await results(query);
        assert.match(parts!.status ?? '', /^[1-9]\d* results?/, query);
        assert.equal(parts!.status, single!.status, query);
        if (whole) assert.deepEqual(parts!.titles, single!.titles, query);
      }
    });
  });
});
