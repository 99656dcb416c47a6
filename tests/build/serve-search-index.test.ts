import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { describeFailure, SearchIndexer } from '../../src/serve/search-indexer.ts';
import { describeSearchError } from '../../src/search/search-errors.ts';

const PAGE = '<!doctype html><html lang="en"><head><title>A story</title></head><body><main data-pagefind-body><h1>A story</h1><p>Words to find.</p></main></body></html>';

describe("the dev server's search index", () => {
  let site: string;

  before(async () => {
    site = await mkdtemp(path.join(os.tmpdir(), 'chronicle-search-index-'));
    await mkdir(path.join(site, 'articles/a-story'), { recursive: true });
    await writeFile(path.join(site, 'articles/a-story/index.html'), PAGE);
  });

  after(async () => {
    await rm(site, { recursive: true, force: true });
  });

  it('should index the site in the background and say how many pages', async () => {
    const lines: string[] = [];
    const indexer = new SearchIndexer({ siteDir: site, log: (line) => lines.push(line), error: (line) => lines.push(line), delayMs: 0 });
    indexer.request();
    await indexer.whenIdle();
    assert.deepEqual(lines.map((line) => line.replace(/\(\d+\.\d s\)/, '(…)')), ['[chronicle] search index: 1 pages (…)']);
  });

  it("should report Pagefind's own reason when it cannot write the index, not [object Object]", async () => {
    await rm(path.join(site, 'pagefind'), { recursive: true, force: true });
    // A file where the index folder goes: Pagefind's binary panics on it.
    await writeFile(path.join(site, 'pagefind'), 'not a folder');
    const errors: string[] = [];
    const indexer = new SearchIndexer({ siteDir: site, log: () => undefined, error: (line) => errors.push(line), delayMs: 0 });
    indexer.request();
    await indexer.whenIdle();
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /^\[chronicle\] search index failed: /);
    assert.match(errors[0]!, /Pagefind crashed: .*message: "(File exists|Not a directory)"/);
    assert.doesNotMatch(errors[0]!, /\[object Object\]/);
  });

  it('should stop a running index at once when the server stops', async () => {
    await rm(path.join(site, 'pagefind'), { recursive: true, force: true });
    const lines: string[] = [];
    const indexer = new SearchIndexer({ siteDir: site, log: (line) => lines.push(line), error: (line) => lines.push(line), delayMs: 0 });
    indexer.request();
    await new Promise((resolve) => setTimeout(resolve, 50));
    indexer.stop();
    await indexer.whenIdle();
    assert.deepEqual(lines, [], 'a stopped index reports nothing');
  });

  it('should end a running index before a whole-site build, report nothing of it, and index again when asked', async () => {
    await rm(path.join(site, 'pagefind'), { recursive: true, force: true });
    const lines: string[] = [];
    const indexer = new SearchIndexer({ siteDir: site, log: (line) => lines.push(line), error: (line) => lines.push(line), delayMs: 0 });
    indexer.request();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(await indexer.cancel(), true, 'an index was running');
    assert.equal(lines.length, 0, `a cancelled index is no failure: ${lines.join('; ')}`);
    assert.equal(await indexer.cancel(), false, 'nothing is running or due any more');
    indexer.request();
    await indexer.whenIdle();
    assert.deepEqual(lines.map((line) => line.replace(/\(\d+\.\d s\)/, '(…)')), ['[chronicle] search index: 1 pages (…)']);
  });

  it('should forget an index that was due but not started', async () => {
    const lines: string[] = [];
    const indexer = new SearchIndexer({ siteDir: site, log: (line) => lines.push(line), error: (line) => lines.push(line), delayMs: 60_000 });
    indexer.request();
    assert.equal(await indexer.cancel(), true);
    await indexer.whenIdle();
    assert.deepEqual(lines, []);
  });
});

describe('search index errors in words', () => {
  it("should explain Pagefind's 'backend is closed: [object Object]'", () => {
    const message = describeSearchError(new Error('Cannot send message, backend is closed: [object Object]'));
    assert.doesNotMatch(message, /object Object/);
    assert.match(message, /Pagefind's indexing process stopped \(it crashed or was killed/);
  });

  it("should explain the 'backend closed' of a call that was waiting when Pagefind's binary died", () => {
    assert.match(describeSearchError(new Error('Pagefind backend closed')), /Pagefind's indexing process stopped \(it crashed or was killed/);
  });

  it('should print a string rejection as it is, and an object by its contents', () => {
    assert.equal(describeSearchError('Message returned from backend should have been NewIndex, but was Error'), 'Message returned from backend should have been NewIndex, but was Error');
    assert.equal(describeSearchError({ code: 'EPIPE' }), '{"code":"EPIPE"}');
    assert.equal(describeSearchError({}), 'an unknown error (Pagefind gave no message)');
  });

  it("should read a Pagefind panic from the indexer's stderr", () => {
    const stderr = "\nthread 'main' (29806) panicked at pagefind/src/output/mod.rs:422:46:\ncalled `Result::unwrap()` on an `Err` value: Os { code: 20, kind: NotADirectory, message: \"Not a directory\" }\nstack backtrace:\n";
    assert.equal(describeFailure(stderr, 13, null), 'Pagefind crashed: called `Result::unwrap()` on an `Err` value: Os { code: 20, kind: NotADirectory, message: "Not a directory" } (at pagefind/src/output/mod.rs:422:46)');
    assert.equal(describeFailure('', null, 'SIGKILL'), 'the indexer was stopped by SIGKILL');
  });
});
