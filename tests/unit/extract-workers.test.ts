import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadContent, type ContentRecords } from '../../src/content/load-content.ts';
import type { LoadedArticle } from '../../src/content/schemas.ts';
import { clusterEvents } from '../../src/events/cluster-events.ts';
import { ExtractionCache } from '../../src/extract/extraction-cache.ts';
import { extractRecords, type ExtractedRecords } from '../../src/extract/extract-records.ts';
import { extractInWorkers, extractPacked, workerCount } from '../../src/extract/worker-pool.ts';
import { extractArticle, extractionText } from '../../src/extract/extract-article.ts';
import { pack, unpack } from '../../src/extract/packed-extraction.ts';
import { buildRegistryIndex } from '../../src/extract/registry-index.ts';
import { removeFolder, writeContentFolder } from './content-folder.ts';

/*
 * A few dozen articles in three languages, written by this file: enough to spread over several
 * batches and workers, with names the registry knows, names it does not, dates of every kind and
 * shared happenings that cluster into events.
 */
const PEOPLE = ['Ignazio Cassis', 'Sergey Lavrov', 'Anna Keller', 'Marc Dubois'];
const PLACES = ['Moscow', 'Geneva', 'Kyiv', 'Vienna'];
const ORGANIZATIONS = ['OSCE', 'United Nations'];
const SENTENCES = {
  en: (who: string, where: string, day: number) => [
    `${who} met Foreign Minister Laura Bergmann in ${where} on ${day} March 2026.`,
    `On Monday, ${who} said the OSCE had three staff members in ${where}.`,
    `The International Committee of the Red Cross (ICRC) was present, nearly four years after the talks began.`,
    `Separately, the United Nations will meet next Friday in ${where}.`,
  ],
  fr: (who: string, where: string, day: number) => [`${who} a rencontré des partenaires à ${where} le ${day} mars 2026.`, 'Lundi, la délégation est rentrée.'],
  de: (who: string, where: string, day: number) => [`${who} traf am ${day}. März 2026 in ${where} Partner.`, 'Am Montag reiste die Delegation ab.'],
};

function archiveFiles(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of PEOPLE) files[`people/${slug(name)}.md`] = `---\nname: ${name}\n---\n`;
  for (const name of PLACES) files[`places/${slug(name)}.md`] = `---\nname: ${name}\n${name === 'Kyiv' ? 'aliases: [Kiev]\n' : ''}---\n`;
  for (const name of ORGANIZATIONS) files[`organizations/${slug(name)}.md`] = `---\nname: ${name}\n---\n`;
  for (let i = 0; i < count; i++) {
    const language = (['en', 'en', 'fr', 'de'] as const)[i % 4]!;
    const day = 3 + (i % 5);
    const where = i % 7 === 3 ? 'Kiev' : PLACES[i % PLACES.length]!;
    const body = SENTENCES[language](PEOPLE[i % PEOPLE.length]!, where, day).join(' ');
    files[`articles/2026/story-${i}.md`] = `---\ntitle: Story ${i}\ndate: 2026-03-${String(day + 1).padStart(2, '0')}\nlanguage: ${language}\nsource:\n  name: Wire ${i % 3}\n---\n${body}\n\nA second paragraph, number ${i}.\n`;
  }
  return files;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** Everything extraction hands on, as text: equal text means equal results, order included. */
function serialized(extracted: ExtractedRecords): string {
  const everything = { records: extracted.records, candidates: extracted.candidates, evidence: [...extracted.evidence], events: clusterEvents(extracted.records, extracted.evidence).events };
  return JSON.stringify(everything, (_key, value: unknown) => (value instanceof Map ? [...value] : value));
}

describe('extracting across worker threads', () => {
  let folder: string;
  let records: ContentRecords<LoadedArticle>;
  let inProcess: string;

  before(async () => {
    folder = await writeContentFolder(archiveFiles(40));
    const loaded = await loadContent(folder);
    assert.deepEqual(loaded.diagnostics.filter((d) => d.severity === 'error'), []);
    records = loaded.records;
    inProcess = serialized(await extractRecords(records, undefined, { workers: 1 }));
  });
  after(() => removeFolder(folder));

  it('should give the same records, in the same order, with two or three workers as in this thread', async () => {
    assert.ok(inProcess.includes('"disagreements":[{'), 'the archive should give the comparison of sources something to compare');
    for (const workers of [2, 3]) assert.equal(serialized(await extractRecords(records, undefined, { workers })), inProcess, `${workers} workers`);
  });

  it('should give the same records when the articles come in another order', async () => {
    const reversed = { ...records, articles: [...records.articles].reverse() };
    const extracted = await extractRecords(reversed, undefined, { workers: 2 });
    const again = await extractRecords(reversed, undefined, { workers: 1 });
    assert.equal(serialized(extracted), serialized(again));
  });

  it('should name the article when a worker fails on it, and not hang', async () => {
    const job = { file: 'content/articles/broken.md', title: 'Broken', summary: '', language: 'en', date: '2026-03-04T00:00:00Z', day: '2026-03-04' };
    await assert.rejects(
      extractInWorkers(2, (index) => [{ ...job, file: 'content/articles/fine.md', text: 'Fine.' }, { ...job, text: 'Broken.', language: null as unknown as string }][index]!, {
        workers: 2,
        registry: [],
        onResult: () => {},
      }),
      /extraction failed on content\/articles\/broken\.md/,
    );
  });

  it('should hand on each result once when this thread extracts beside the workers', async () => {
    const index = buildRegistryIndex(records.entities);
    const jobAt = (k: number) => {
      const article = records.articles[k]!;
      const { file, title, summary, language, date, day } = article;
      return { file, title, summary, language, date, day, text: extractionText(article) };
    };
    const seen = new Map<number, string>();
    await extractInWorkers(records.articles.length, jobAt, {
      workers: 1,
      registry: records.entities,
      helper: (job) => extractPacked(job, index),
      onResult: (k, packed, job) => {
        assert.ok(!seen.has(k), `result ${k} handed on twice`);
        const extraction = unpack(JSON.parse(packed), job.text);
        seen.set(k, JSON.stringify(extraction, (_key, value: unknown) => (value instanceof Map ? [...value] : value)));
      },
    });
    assert.equal(seen.size, records.articles.length);
    for (const [k, extraction] of seen) {
      const expected = extractArticle(jobAt(k), index, jobAt(k).text);
      assert.equal(extraction, JSON.stringify(expected, (_key, value: unknown) => (value instanceof Map ? [...value] : value)));
    }
  });

  it('should take the worker count from CHRONICLE_WORKERS, and refuse one that is not a count', () => {
    assert.deepEqual(workerCount(undefined, { CHRONICLE_WORKERS: '3' }), { workers: 3, exact: true });
    assert.equal(workerCount(undefined, {}).exact, false);
    assert.throws(() => workerCount(undefined, { CHRONICLE_WORKERS: 'many' }), /CHRONICLE_WORKERS="many" is not a number of threads/);
    assert.throws(() => workerCount(0), /not a number of threads/);
  });
});

describe('the packed extraction cache', () => {
  let folder: string;
  let records: ContentRecords<LoadedArticle>;

  before(async () => {
    folder = await writeContentFolder(archiveFiles(24));
    records = (await loadContent(folder)).records;
  });
  after(() => removeFolder(folder));

  const packsOf = async (dir: string) => (await readdir(dir)).filter((name) => name.endsWith('.pack')).map((name) => path.join(dir, name));

  it('should give back exactly what was extracted, to a new cache on the same folder, without extracting again', async () => {
    const dir = path.join(folder, '.cache-round-trip');
    const first = await extractRecords(records, new ExtractionCache(dir), { workers: 2 });
    assert.deepEqual(first.stats, { extracted: 24, cached: 0 });
    const second = await extractRecords(records, new ExtractionCache(dir), { workers: 2 });
    assert.deepEqual(second.stats, { extracted: 0, cached: 24 });
    assert.equal(serialized(second), serialized(first));
  });

  it('should keep only the results the last build asked for', async () => {
    const dir = path.join(folder, '.cache-pruned');
    await extractRecords(records, new ExtractionCache(dir), { workers: 1 });
    const edited = { ...records, articles: records.articles.map((article, i) => (i === 0 ? { ...article, body: `${article.body} Edited.` } : article)) };
    assert.deepEqual((await extractRecords(edited, new ExtractionCache(dir), { workers: 1 })).stats, { extracted: 1, cached: 23 });
    let lines = 0;
    for (const pack of await packsOf(dir)) lines += (await readFile(pack, 'utf8')).split('\n').filter(Boolean).length;
    assert.equal(lines, 24);
  });

  it('should ignore a damaged cache, extract again what it cannot read, and repair it', async () => {
    const dir = path.join(folder, '.cache-damaged');
    const expected = serialized(await extractRecords(records, new ExtractionCache(dir), { workers: 1 }));
    const packs = await packsOf(dir);
    assert.ok(packs.length >= 3);
    // One pack cut off mid-line, one with a line's JSON broken, one replaced by noise.
    const [cut, broken, noise] = packs as [string, string, string];
    const cutText = await readFile(cut, 'utf8');
    await writeFile(cut, cutText.slice(0, Math.floor(cutText.length / 2)));
    await writeFile(broken, (await readFile(broken, 'utf8')).replace('"linked":[', '"linked":{'));
    await writeFile(noise, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)));
    const damaged = await extractRecords(records, new ExtractionCache(dir), { workers: 1 });
    assert.ok(damaged.stats.extracted > 0 && damaged.stats.cached > 0, JSON.stringify(damaged.stats));
    assert.equal(serialized(damaged), expected);
    assert.deepEqual((await extractRecords(records, new ExtractionCache(dir), { workers: 1 })).stats, { extracted: 0, cached: 24 });
  });

  it('should unpack an entry to exactly what was packed, and refuse a damaged one', () => {
    const text = 'Talks 🤝 in Kiev\n\nCassis met Lavrov in Kiev on 6 February 2026, with three staff members. On Monday he left.';
    const index = buildRegistryIndex(records.entities);
    const extraction = extractArticle({ title: 'Talks', summary: '', language: 'en', date: '2026-02-06T10:00:00Z', day: '2026-02-06' }, index, text);
    assert.ok(extraction.happenings.length > 0 && extraction.figures.length > 0);
    // A wording that is not where its offset says is kept as written.
    extraction.dates.push({ text: 'elsewhere', date: '2026', precision: 'year', method: 'explicit', offset: 3 });
    const packed = JSON.parse(JSON.stringify(pack(extraction, text))) as unknown[];
    assert.deepEqual(unpack(packed, text), extraction);
    assert.equal(unpack(packed.slice(0, 3), text), undefined);
    assert.equal(unpack({ linked: [] }, text), undefined);
    assert.equal(unpack(packed, text.slice(0, 20)), undefined, 'positions beyond the text');
  });
});
