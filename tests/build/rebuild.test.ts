import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../helpers/run-cli.ts';
import { listAllFiles, readSiteFile } from '../helpers/site-files.ts';

const FIXTURE = 'tests/fixtures/archive';
const ARTICLE = 'articles/2025/lakeside-summit.md';

describe('building again', () => {
  let work: string;
  let content: string;
  let site: string;
  let cache: string;
  const build = (output = site, env: NodeJS.ProcessEnv = { CHRONICLE_CACHE: cache }) => runCli(['build', '--content', content, '--output', output], undefined, '', env);

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'chronicle-rebuild-'));
    content = path.join(work, 'content');
    site = path.join(work, 'site');
    cache = path.join(work, 'cache');
    await cp(FIXTURE, content, { recursive: true });
    const first = await build();
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.match(first.stdout, /Built 3 articles into \d+ files in .* \([\d.]+s: load [\d.]+s · extract [\d.]+s · link [\d.]+s · render [\d.]+s · index [\d.]+s\)/);
  });

  after(async () => rm(work, { recursive: true, force: true }));

  it('should leave the site as it is when nothing changed, and say so', async () => {
    const before = await snapshot(site);
    const again = await build();
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /Nothing changed since the last build .* up to date with 3 articles/);
    assert.deepEqual(await snapshot(site), before);
  });

  it('should repeat the warnings of the build it stands for', async () => {
    const first = await build(path.join(work, 'warned'));
    const again = await build(path.join(work, 'warned'));
    assert.match(again.stdout, /Nothing changed/);
    const warnings = (output: string) => output.split('\n').filter((line) => /warning/.test(line)).sort();
    assert.deepEqual(warnings(again.stdout + again.stderr), warnings(first.stdout + first.stderr));
  });

  it('should not be fooled by a file saved without changes', async () => {
    const later = new Date(Date.now() + 60_000);
    await utimes(path.join(content, ARTICLE), later, later);
    assert.match((await build()).stdout, /Nothing changed/);
  });

  it('should build again when an article changes, and show the change', async () => {
    const file = path.join(content, ARTICLE);
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace(/^title: .*$/m, 'title: "Ministers gather again, rebuilt"'));
    const rebuilt = await build();
    assert.match(rebuilt.stdout, /Built 3 articles/);
    assert.match(await readSiteFile(site, '/articles/lakeside-summit/'), /Ministers gather again, rebuilt/);
    await writeFile(file, original);
    assert.match((await build()).stdout, /Built 3 articles/);
  });

  it('should build again when a page of the site went missing', async () => {
    await rm(path.join(site, 'people', 'ada-fixture'), { recursive: true });
    assert.match((await build()).stdout, /Built 3 articles/);
    assert.match(await readSiteFile(site, '/people/ada-fixture/'), /Ada Fixture/);
  });

  it('should build again when the site settings change', async () => {
    const moved = await runCli(['build', '--content', content, '--output', site, '--path-prefix', '/news/'], undefined, '', { CHRONICLE_CACHE: cache });
    assert.match(moved.stdout, /Built 3 articles/);
    assert.match(await readSiteFile(site, '/'), /href="\/news\/articles\//);
  });

  it('should always build with the cache off', async () => {
    const output = path.join(work, 'uncached');
    assert.match((await build(output, { CHRONICLE_CACHE: 'off' })).stdout, /Built 3 articles/);
    assert.match((await build(output, { CHRONICLE_CACHE: 'off' })).stdout, /Built 3 articles/);
  });

  it('should give byte-identical pages, feeds and exports for the same content', async () => {
    const first = path.join(work, 'twin-a');
    const second = path.join(work, 'twin-b');
    assert.equal((await build(first, { CHRONICLE_CACHE: 'off' })).code, 0);
    assert.equal((await build(second, { CHRONICLE_CACHE: 'off' })).code, 0);
    const [a, b] = [await snapshot(first), await snapshot(second)];
    assert.ok(Object.keys(a).length > 50, 'the fixture site has pages to compare');
    // Pagefind names its index files by content hash and does not build them deterministically; see BENCHMARKS.md.
    const ours = (files: Record<string, string>) => Object.keys(files).filter((file) => !file.startsWith('pagefind/')).sort();
    assert.deepEqual(ours(a), ours(b), 'the same files');
    const differing = ours(a).filter((file) => a[file] !== b[file]);
    assert.deepEqual(differing, []);
  });
});

/** Every file of a site and its bytes (as base64, so binary Pagefind files compare too). */
async function snapshot(site: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const file of await listAllFiles(site)) files[file] = (await readFile(path.join(site, file))).toString('base64');
  return files;
}
