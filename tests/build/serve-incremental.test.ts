import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT, runCli } from '../helpers/run-cli.ts';
import { listAllFiles } from '../helpers/site-files.ts';

const FIXTURE = 'tests/fixtures/archive';
const ARTICLE = 'articles/2025/lakeside-summit.md';
const PORT = 8471;

/**
 * The dev server re-renders only the pages an edit touches. The proof that it picks the right ones:
 * after an edit, its output is byte for byte what a full build of the edited content writes.
 */
describe('chronicle serve after an edit', () => {
  let work: string;
  let content: string;
  let served: string;
  let server: ChildProcess;
  let log = '';

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'chronicle-serve-'));
    content = path.join(work, 'content');
    served = path.join(work, 'served');
    await cp(FIXTURE, content, { recursive: true });
    server = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/chronicle.js'), 'serve', '--content', content, '--output', served, '--port', String(PORT)], {
      cwd: REPO_ROOT,
      env: { ...process.env, CHRONICLE_CACHE: path.join(work, 'cache') },
    });
    server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    await waitFor(() => /Wrote \d+ files/.test(log) && /Server at/.test(log), 'the first build', () => log);
    // The watcher is ready a moment after the server answers.
    await new Promise((resolve) => setTimeout(resolve, 1000));
  });

  after(async () => {
    server?.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 300));
    server?.kill('SIGKILL');
    await rm(work, { recursive: true, force: true });
  });

  it('should rewrite fewer pages than a full build, and leave the site a full build would write', async () => {
    const total = Number(/Wrote (\d+) files/.exec(log)![1]);
    const file = path.join(content, ARTICLE);
    const original = await readFile(file, 'utf8');
    // A new title, and one person fewer: the story's page, the person's page and their feeds must follow.
    const edited = original.replace(/^title: .*$/m, 'title: "Ministers gather by the lake, edited"').replace(/Ada Fixture/g, 'a delegate');
    assert.notEqual(edited, original);
    const before = log.length;
    await writeFile(file, edited);
    await waitFor(() => /Wrote \d+ files/.test(log.slice(before)), 'the rebuild after the edit', () => log);
    const rewritten = Number(/Wrote (\d+) files/.exec(log.slice(before))![1]);
    assert.ok(rewritten < total, `the edit rewrote ${rewritten} of ${total} files`);

    const full = path.join(work, 'full');
    const built = await runCli(['build', '--content', content, '--output', full], undefined, '', { CHRONICLE_CACHE: 'off' });
    assert.equal(built.code, 0, built.stderr);
    const differing: string[] = [];
    for (const relative of await siteFiles(full)) {
      const [expected, actual] = await Promise.all([readFile(path.join(full, relative)), readFile(path.join(served, relative)).catch(() => undefined)]);
      if (!actual || !expected.equals(actual)) differing.push(relative);
    }
    assert.deepEqual(differing, [], 'pages the dev server left stale');
    assert.match(await readFile(path.join(served, 'articles/lakeside-summit/index.html'), 'utf8'), /Ministers gather by the lake, edited/);
  });
});

async function siteFiles(root: string): Promise<string[]> {
  return (await listAllFiles(root)).filter((relative) => !relative.startsWith('pagefind') && relative !== '.chronicle-site');
}

async function waitFor(done: () => boolean, what: string, describe?: () => string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}:\n${describe?.() ?? ""}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
