import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { REGISTRY, articleText, removeFolder, writeContentFolder } from './content-folder.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/chronicle.js …` from the repository root, as a user would. */
function chronicle(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join('bin', 'chronicle.js'), ...args], { cwd: ROOT, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

/** `file:line:column message [rule]` lines of the report. */
function problemLines(stderr: string): Array<{ where: string; text: string; rule: string }> {
  return stderr
    .split('\n')
    .flatMap((line) => {
      const match = /^(\S+:\d+:\d+) (.*) \[([a-z-]+\/[a-z-]+)\]$/.exec(line);
      return match ? [{ where: match[1]!, text: match[2]!, rule: match[3]! }] : [];
    });
}

describe('chronicle check --content tests/fixtures/broken', () => {
  let run: Run;
  before(async () => {
    run = await chronicle('check', '--content', 'tests/fixtures/broken');
  });

  it('should exit with code 1', () => {
    assert.equal(run.code, 1, run.stderr);
  });

  it('should print one file:line:column line per problem, in file order', () => {
    const lines = problemLines(run.stderr).map(({ where, rule }) => `${where} ${rule}`);
    assert.deepEqual(lines, [
      'tests/fixtures/broken/articles/2026/cassis-in-moscow.md:2:1 content/duplicate-id',
      'tests/fixtures/broken/articles/2026/impossible-date.md:3:1 schema/invalid',
      'tests/fixtures/broken/articles/2026/invalid-yaml.md:5:1 front-matter/yaml',
      'tests/fixtures/broken/articles/2026/missing-title.md:1:1 schema/required',
      'tests/fixtures/broken/articles/2026/script-in-title.md:2:1 content/markup-in-text',
      'tests/fixtures/broken/articles/2026/unknown-person.md:9:5 content/unknown-reference',
    ], run.stderr);
  });

  it('should say in each line what is wrong', () => {
    const text = (file: string) => problemLines(run.stderr).find((line) => line.where.includes(file))?.text ?? '';
    assert.match(text('invalid-yaml.md'), /not valid YAML/);
    assert.match(text('missing-title.md'), /^title: is required/);
    assert.ok(text('impossible-date.md').startsWith('date: "2026-02-30" is not a calendar date — '), text('impossible-date.md'));
    assert.match(text('unknown-person.md'), /unknown person "sergei-lavrov" — did you mean "sergey-lavrov"\?/);
    assert.match(text('2026/cassis-in-moscow.md'), /tests\/fixtures\/broken\/articles\/2025\/cassis-in-moscow\.md already uses it/);
    assert.match(text('script-in-title.md'), /^warning title: contains HTML markup \(<script>\)/);
  });

  it('should end with a summary of errors, warnings and files', () => {
    assert.match(run.stderr, /\n5 errors, 1 warning in 6 files\n$/);
  });

  it('should print no stack trace and no raw JSON', () => {
    assert.doesNotMatch(run.stderr, /^\s+at /m);
    assert.doesNotMatch(run.stderr, /[{}]/);
  });

  it('should not claim success on stdout', () => {
    assert.doesNotMatch(run.stdout, /no errors/);
  });
});

describe('chronicle check on other folders', () => {
  const folders: string[] = [];
  after(async () => {
    await Promise.all(folders.map(removeFolder));
  });

  it('should exit with code 0 and print a one-line summary for a valid folder', async () => {
    const folder = await writeContentFolder({
      ...REGISTRY,
      'articles/2026/cassis-meets-lavrov-in-moscow.md': articleText({ extra: ['people: [ignazio-cassis, sergey-lavrov]', 'events: [moscow-visit-2026]'] }),
    });
    folders.push(folder);
    const run = await chronicle('check', '--content', folder);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, `${folder}: 1 article, 4 registry entries, 1 event — no errors.\n`);
  });

  it('should list the events formed from the stories, with the file that would curate each', async () => {
    const folder = await writeContentFolder({
      ...REGISTRY,
      // Two weeks before the curated visit: an event of its own.
      'articles/2026/cassis-meets-lavrov-in-moscow.md': articleText({ body: 'Cassis met Sergey Lavrov in Moscow on 20 January 2026.' }),
    });
    folders.push(folder);
    const run = await chronicle('check', '--content', folder);
    assert.equal(run.code, 0, run.stderr);
    const formed = run.stdout.split('\n').filter((line) => line.includes('/events/'));
    assert.equal(formed.length, 1, run.stdout);
    assert.equal(formed[0], `  2026-01-20 "Ignazio Cassis and Sergey Lavrov in Moscow" → ${folder}/events/moscow-2026-01-20.md — from cassis-meets-lavrov-in-moscow`);
  });

  it('should exit with code 0 when there are only warnings, and still print them', async () => {
    const folder = await writeContentFolder({
      ...REGISTRY,
      'articles/2026/a.md': articleText({ title: '"Cassis <script>alert(1)</script>"' }),
    });
    folders.push(folder);
    const run = await chronicle('check', '--content', folder);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(problemLines(run.stderr).map((line) => `${path.basename(line.where)} ${line.rule}`), ['a.md:2:1 content/markup-in-text']);
    assert.match(run.stderr, /0 errors, 1 warning in 1 file\n$/);
  });

  it('should exit with code 1 when the content folder does not exist', async () => {
    const run = await chronicle('check', '--content', 'tests/fixtures/no-such-folder');
    assert.equal(run.code, 1);
    assert.deepEqual(problemLines(run.stderr).map((line) => `${line.where} ${line.rule}`), ['tests/fixtures/no-such-folder:1:1 content/missing-folder']);
  });

  it('should exit with code 2 for an unknown option', async () => {
    const run = await chronicle('check', '--contnet', 'tests/fixtures/broken');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Usage: chronicle/);
  });
});
