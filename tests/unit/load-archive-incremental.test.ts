import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { keepForEdits, loadArchive } from '../../src/archive/load-archive.ts';
import type { Archive } from '../../src/archive/archive.ts';
import { storyHtml } from '../../src/render/story-text.ts';

const ARTICLE = 'articles/2025/lakeside-summit.md';

/**
 * The dev server loads the archive again after each save, reusing what did not change. Whatever it
 * reuses, the archive must be the one a first load of the same content makes.
 */
describe('loading an archive again after an edit', () => {
  let work: string;
  let content: string;
  let previousCache: string | undefined;

  before(async () => {
    // As the dev server does: only then does loading keep what it reuses after an edit.
    keepForEdits();
    previousCache = process.env.CHRONICLE_CACHE;
    process.env.CHRONICLE_CACHE = 'off';
    work = await mkdtemp(path.join(os.tmpdir(), 'chronicle-reload-'));
    content = path.join(work, 'content');
    await cp('tests/fixtures/archive', content, { recursive: true });
  });

  after(async () => {
    if (previousCache === undefined) delete process.env.CHRONICLE_CACHE;
    else process.env.CHRONICLE_CACHE = previousCache;
    await rm(work, { recursive: true, force: true });
  });

  /** The same content copied to a fresh folder and loaded from scratch, as JSON with the folder's name taken out. */
  async function firstLoadOf(name: string): Promise<string> {
    const copy = path.join(work, name);
    await cp(content, copy, { recursive: true });
    const { archive } = await loadArchive(copy);
    assert.ok(archive);
    return comparable(archive, copy);
  }

  it('should keep the very archive after a text-only edit, equal to a first load, its page reading the new text', async () => {
    const first = (await loadArchive(content)).archive;
    assert.ok(first);
    const file = path.join(content, ARTICLE);
    await writeFile(file, `${await readFile(file, 'utf8')}\nThe weather stayed mild all week.\n`);
    const { archive, stats } = await loadArchive(content);
    assert.ok(archive);
    assert.equal(stats.extracted, 1, 'only the edited story is extracted again');
    assert.equal(archive, first, 'nothing but text changed: the archive, which holds no text, is not linked again');
    assert.match(storyHtml(archive.article('lakeside-summit')!), /The weather stayed mild all week/);
    assert.equal(comparable(archive, content), await firstLoadOf('copy-1'));
  });

  it('should link a title-only edit without clustering again, leave the previous archive as it was, and equal a first load', async () => {
    const before = (await loadArchive(content)).archive;
    assert.ok(before);
    const file = path.join(content, ARTICLE);
    const title = before.article('lakeside-summit')!.title;
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: (.*)$/m, 'title: "$1, edited"'));
    const { archive, stats } = await loadArchive(content);
    assert.ok(archive);
    assert.equal(stats.extracted, 1, 'only the edited story is extracted again');
    assert.notEqual(archive, before, 'a new archive, for the dev server to compare with the one it shows');
    assert.equal(before.article('lakeside-summit')!.title, title, 'the previous archive keeps the old title');
    assert.match(archive.article('lakeside-summit')!.title, /, edited$/);
    assert.ok(archive.events.length > 0 && archive.events.every((event, index) => event === before.events[index]), 'the same events: not clustered again');
    assert.equal(comparable(archive, content), await firstLoadOf('copy-title'));
  });

  it('should link again when an edit changes more than text, and equal a first load', async () => {
    const before = (await loadArchive(content)).archive;
    const file = path.join(content, ARTICLE);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: "Ministers gather by the lake"').replace(/Ada Fixture/g, 'a delegate'));
    const { archive } = await loadArchive(content);
    assert.ok(archive);
    assert.notEqual(archive, before);
    assert.equal(comparable(archive, content), await firstLoadOf('copy-2'));
  });

  it('should equal a first load after a story is added', async () => {
    await writeFile(path.join(content, 'articles/2025/quiet-day.md'), `---\ntitle: A quiet day in Hilltop\ndate: 2025-07-02T09:00:00+02:00\nsource:\n  name: Fixture Gazette\nsummary: Nothing much happened.\nplaces: [hilltop]\n---\nThe market in Hilltop opened as usual on Wednesday.\n`);
    const { archive } = await loadArchive(content);
    assert.ok(archive);
    assert.equal(comparable(archive, content), await firstLoadOf('copy-3'));
  });
});

/** The archive as JSON, with what its indexes answer for every record (related stories, timelines, reports). */
function comparable(archive: Archive, folder: string): string {
  const answers = {
    related: archive.articles.map((article) => archive.relatedTo(article)),
    timelines: archive.entities.map((entity) => [archive.timelineOf(entity), archive.entriesOf(entity)]),
    reports: archive.events.map((event) => archive.reportsOf(event)),
    entries: archive.entries,
    corrections: archive.corrections,
  };
  return JSON.stringify([archive, answers]).split(folder).join('<content>');
}
