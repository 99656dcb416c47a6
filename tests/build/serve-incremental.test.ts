import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeSyntheticArchive } from '../../bench/synthetic-archive.ts';
import { REPO_ROOT, runCli } from '../helpers/run-cli.ts';
import { listAllFiles } from '../helpers/site-files.ts';

const FIXTURE = 'tests/fixtures/archive';
const ARTICLE = 'articles/2025/lakeside-summit.md';

/**
 * The dev server re-renders only the pages an edit touches and removes the ones that no longer
 * exist. The proof that it picks the right ones: after each edit, its output folder holds exactly
 * the files a full build of the edited content writes, byte for byte, no more and no fewer.
 */
describe('chronicle serve after an edit', () => {
  let work: string;
  let content: string;
  let served: string;
  let server: DevServer;

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'chronicle-serve-'));
    content = path.join(work, 'content');
    served = path.join(work, 'served');
    await cp(FIXTURE, content, { recursive: true });
    server = new DevServer(content, served, 8471, { CHRONICLE_CACHE: path.join(work, 'cache') });
    await server.waitFor(/\[chronicle\] Built the whole site/, 'the first build');
    await server.waitForWatching();
  });

  after(async () => {
    await server?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it('should rewrite fewer pages than a full build, and leave the site a full build would write', async () => {
    const file = path.join(content, ARTICLE);
    const original = await readFile(file, 'utf8');
    // A new title, and one person fewer: the story's page, the person's page and their feeds must follow.
    const edited = original.replace(/^title: .*$/m, 'title: "Ministers gather by the lake, edited"').replace(/Ada Fixture/g, 'a delegate');
    assert.notEqual(edited, original);
    const rewritten = await server.afterSave(() => writeFile(file, edited));
    const total = (await siteFiles(served)).length;
    assert.ok(rewritten < total, `the edit rewrote ${rewritten} of ${total} files`);
    await assertSameAsFullBuild(content, served, path.join(work, 'full-1'));
    assert.match(await readFile(path.join(served, 'articles/lakeside-summit/index.html'), 'utf8'), /Ministers gather by the lake, edited/);
  });

  it("should re-render only the story's page and the feeds that carry it after an edit of its text alone", async () => {
    const file = path.join(content, ARTICLE);
    const before = (await siteFiles(served)).length;
    const rewritten = await server.afterSave(async () => writeFile(file, `${await readFile(file, 'utf8')}\nThe weather stayed mild all week.\n`));
    // The story's page and its feeds (its people's, places', event's and the site's), not the timeline, days or profiles.
    assert.ok(rewritten > 0 && rewritten < before / 2, `the edit rewrote ${rewritten} of ${before} files`);
    await assertSameAsFullBuild(content, served, path.join(work, 'full-text'));
    assert.match(await readFile(path.join(served, 'articles/lakeside-summit/index.html'), 'utf8'), /The weather stayed mild all week/);
  });

  it('should remove the pages of a story that was deleted, as a full build would not write them', async () => {
    const [deleted] = (await listAllFiles(path.join(content, 'articles/2024'))).filter((name) => name.endsWith('.md'));
    assert.ok(deleted, 'the fixture has a story in 2024');
    await server.afterSave(() => unlink(path.join(content, 'articles/2024', deleted)));
    await assertSameAsFullBuild(content, served, path.join(work, 'full-2'));
  });

  it('should record the folder as built once updates settle, so that a build finds nothing to do', async () => {
    await server.waitFor(/is recorded as built from this content/, 'the folder to be recorded', server.log.lastIndexOf('[chronicle] Wrote'));
    const built = await runCli(['build', '--content', content, '--output', served], undefined, '', { CHRONICLE_CACHE: path.join(work, 'cache') });
    assert.equal(built.code, 0, built.stderr);
    assert.match(built.stdout, /Nothing changed since the last build/);
  });

  it('should add the pages of a new story on a new day', async () => {
    const story = `---\ntitle: A quiet day in Hilltop\ndate: 2025-07-02T09:00:00+02:00\nsource:\n  name: Fixture Gazette\nsummary: Nothing much happened in Hilltop.\nplaces: [hilltop]\n---\nThe market in Hilltop opened as usual on Wednesday.\n`;
    await server.afterSave(() => writeFile(path.join(content, 'articles/2025/quiet-day.md'), story));
    await assertSameAsFullBuild(content, served, path.join(work, 'full-3'));
    assert.match(await readFile(path.join(served, 'articles/quiet-day/index.html'), 'utf8'), /A quiet day in Hilltop/);
  });
});

describe('chronicle serve after edits to a larger archive', () => {
  let work: string;
  let content: string;
  let served: string;
  let files: string[];
  let server: DevServer;

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'chronicle-serve-synthetic-'));
    content = path.join(work, 'content');
    served = path.join(work, 'served');
    // 150 stories over 20 years naming a registry of 2,000: events, shared names, days in common.
    files = (await writeSyntheticArchive(content, 150)).articleFiles.map((file) => path.join(content, file));
    server = new DevServer(content, served, 8474, { CHRONICLE_CACHE: path.join(work, 'cache') });
    await server.waitFor(/\[chronicle\] Built the whole site/, 'the first build');
    await server.waitForWatching();
  });

  after(async () => {
    await server?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it('should leave the site a full build writes after a new title, a new date, names and dates dropped, and new text', async () => {
    const edit = async (file: string, change: (text: string) => string) => {
      const text = await readFile(file, 'utf8');
      const changed = change(text);
      assert.notEqual(changed, text, `the edit changes ${file}`);
      await server.afterSave(() => writeFile(file, changed));
    };
    await edit(files[10]!, (text) => text.replace(/^title: "(.*)"$/m, 'title: "$1, updated"'));
    await edit(files[20]!, (text) => text.replace(/^date: .*$/m, 'date: 2015-06-15'));
    // The first paragraph alone: most of its names and dates go.
    await edit(files[30]!, (text) => text.slice(0, text.indexOf('\n\n', text.indexOf('---', 3) + 4) + 1));
    await edit(files[40]!, (text) => `${text}\nThe weather stayed mild all week.\n`);
    await assertSameAsFullBuild(content, served, path.join(work, 'full'));
  });

  it('should re-render only the pages that show a story after a new title or summary, and leave the site a full build writes', async () => {
    const total = (await siteFiles(served)).length;
    const save = async (file: string, change: (text: string) => string) => {
      const text = await readFile(file, 'utf8');
      assert.notEqual(change(text), text, `the edit changes ${file}`);
      return server.afterSave(() => writeFile(file, change(text)));
    };
    // Neither edit changes what clustering reads: the archive is linked the same, and the timeline,
    // On this day and the indexes are rendered only where they hold the story.
    const retitled = await save(files[50]!, (text) => text.replace(/^title: "(.*)"$/m, 'title: "$1, retitled"'));
    const summarized = await save(files[60]!, (text) => text.replace(/^(title: .*)$/m, '$1\nsummary: "A short account of the day."'));
    for (const rewritten of [retitled, summarized]) assert.ok(rewritten < total / 10, `the edit rewrote ${rewritten} of ${total} files`);
    // A title that sorts first among the stories of its day and hour: the stories are sorted again.
    await save(files[70]!, (text) => text.replace(/^title: "(.*)"$/m, 'title: "Aaa $1"'));
    await assertSameAsFullBuild(content, served, path.join(work, 'full-listing'));
    // A title edit right after a text edit, and back: each update compares with the archive it follows.
    await save(files[50]!, (text) => `${text.replace(', retitled', '')}\nThe weather stayed mild all week.\n`);
    await assertSameAsFullBuild(content, served, path.join(work, 'full-listing-2'));
  });
});

describe('chronicle serve when the content has errors', () => {
  let work: string;
  let content: string;
  let server: DevServer | undefined;

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'chronicle-serve-errors-'));
    content = path.join(work, 'content');
    await cp(FIXTURE, content, { recursive: true });
  });

  after(async () => {
    await server?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it('should report an error in the first build by file and line, keep serving, and build once it is fixed', async () => {
    const file = path.join(content, ARTICLE);
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace(/^date: .*$/m, 'date: 2025-02-30'));
    server = new DevServer(content, path.join(work, 'served'), 8472, { CHRONICLE_CACHE: 'off' });
    await server.waitFor(/Still serving/, 'the report of the first build');
    assert.match(server.log, /lakeside-summit\.md:3:\d+ date: "2025-02-30" is not a calendar date/);
    assert.equal(server.exitCode, null, 'the server is still running');
    const answer = await fetch('http://localhost:8472/');
    assert.ok([200, 404].includes(answer.status), `the server answers (${answer.status})`);
    await server.waitForWatching();

    const mark = server.log.length;
    await writeFile(file, original);
    await server.waitFor(/\[chronicle\] Built the whole site/, 'the build after the fix', mark);
    const page = await fetch('http://localhost:8472/articles/lakeside-summit/');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Ministers gather for the Lakeside summit/);
  });

  it('should report an error after a save the same way and keep the last good site', async () => {
    assert.ok(server, 'the previous case started the server');
    const file = path.join(content, ARTICLE);
    const original = await readFile(file, 'utf8');
    const mark = server.log.length;
    await writeFile(file, original.replace(/^title: .*$/m, 'title: [unclosed'));
    await server.waitFor(/Still serving/, 'the report of the rebuild', mark);
    assert.match(server.log.slice(mark), /lakeside-summit\.md:\d+:\d+ the front matter is not valid YAML/);
    const page = await fetch('http://localhost:8472/articles/lakeside-summit/');
    assert.match(await page.text(), /Ministers gather for the Lakeside summit/);
    const fixed = server.log.length;
    await writeFile(file, original);
    await server.waitFor(/\[chronicle\] Wrote \d+ files/, 'the rebuild after the fix', fixed);
  });

  it('should stop on SIGTERM while it rebuilds, and on SIGINT', async () => {
    assert.ok(server, 'the first case started the server');
    const file = path.join(content, ARTICLE);
    const mark = server.log.length;
    await writeFile(file, `${await readFile(file, 'utf8')}\nOne more line.\n`);
    await server.waitFor(/changed: .*lakeside-summit\.md/, 'the rebuild to start', mark);
    assert.equal(await server.signal('SIGTERM'), 0);
    server = undefined;

    const again = new DevServer(content, path.join(work, 'served'), 8473, { CHRONICLE_CACHE: 'off' });
    await again.waitFor(/is serving/, 'the server to start');
    assert.equal(await again.signal('SIGINT'), 0);
  });
});

/** `chronicle serve` as a child process, its output gathered. */
class DevServer {
  log = '';
  exitCode: number | null = null;
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;

  constructor(content: string, output: string, port: number, env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/chronicle.js'), 'serve', '--content', content, '--output', output, '--port', String(port)], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve((this.exitCode = code))));
  }

  async waitFor(pattern: RegExp, what: string, since = 0): Promise<void> {
    await waitFor(() => pattern.test(this.log.slice(since)) || this.exitCode !== null, what, () => this.log);
    assert.ok(pattern.test(this.log.slice(since)), `the server exited (${this.exitCode}) before ${what}:\n${this.log}`);
  }

  /** The watcher is ready a moment after the first build; saves before that are seen by the first build itself. */
  async waitForWatching(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  /** Saves, waits for the rebuild, and returns how many files it wrote. */
  async afterSave(save: () => Promise<void>): Promise<number> {
    const mark = this.log.length;
    await save();
    await this.waitFor(/\[chronicle\] Wrote \d+ files/, 'the rebuild after the edit', mark);
    return Number(/\[chronicle\] Wrote (\d+) files/.exec(this.log.slice(mark))![1]);
  }

  /** Sends the signal and resolves with the exit code. */
  async signal(signal: NodeJS.Signals): Promise<number | null> {
    this.child.kill(signal);
    return this.exited;
  }

  async stop(): Promise<void> {
    if (this.exitCode !== null) return;
    this.child.kill('SIGINT');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}

async function assertSameAsFullBuild(content: string, served: string, full: string): Promise<void> {
  const built = await runCli(['build', '--content', content, '--output', full], undefined, '', { CHRONICLE_CACHE: 'off' });
  assert.equal(built.code, 0, built.stderr);
  const expected = await siteFiles(full);
  const actual = await siteFiles(served);
  assert.deepEqual(actual.filter((file) => !expected.includes(file)), [], 'pages the dev server left behind that a full build does not write');
  const differing: string[] = [];
  for (const relative of expected) {
    const [want, got] = await Promise.all([readFile(path.join(full, relative)), readFile(path.join(served, relative)).catch(() => undefined)]);
    if (!got || !want.equals(got)) differing.push(relative);
  }
  assert.deepEqual(differing, [], 'pages the dev server left stale');
}

async function siteFiles(root: string): Promise<string[]> {
  return (await listAllFiles(root)).filter((relative) => !relative.startsWith('pagefind') && relative !== '.chronicle-site');
}

async function waitFor(done: () => boolean, what: string, describe?: () => string, timeoutMs = 90_000): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}:\n${describe?.() ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
