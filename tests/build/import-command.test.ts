import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { articleFile } from '../../src/import/article-file.ts';
import { importHtml, importText } from '../../src/import/import-article.ts';
import { REPO_ROOT, runCli, type CliResult } from '../helpers/run-cli.ts';

/**
 * `chronicle import` end to end, as a user runs it from the repository root: files land in
 * <out>/<year>/<slug>.md, nothing is overwritten without --force, one bad input does not stop the
 * others, usage errors exit 2, and the imported files pass `chronicle check` and `chronicle build`.
 */

// The build in the last suite must not read or fill the repository's extraction cache.
process.env.CHRONICLE_CACHE = 'off';

const FIXTURES = 'tests/fixtures/import';
const fixture = (name: string) => `${FIXTURES}/${name}`;
/** The day the CLI runs on, as the CLI computes it. */
const TODAY = DateTime.now().toISODate()!;

const SLUGS = {
  press: 'federal-councillor-ignazio-cassis-and-un-high-commissioner-volker-turk-discuss',
  agency: 'switzerland-and-norway-will-pool-funds-to-clear-landmines-from-ukrainian',
  german: 'bundesrat-will-nachtzuge-nach-rom-und-barcelona-starker-fordern',
  jsonld: 'sleeper-trains-across-the-alps-fill-up-faster-than-operators-expected',
  french: 'le-valais-mise-sur-les-abricots-tardifs-pour-sauver-sa-recolte',
  teasers: 'glacier-monitors-plan-to-double-their-stations-after-the-heaviest-melt-on-record',
} as const;

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'chronicle-import-'));
}

/** Every file under `dir`, relative, with forward slashes, sorted; [] when `dir` does not exist. */
async function filesUnder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
  } catch {
    return [];
  }
}

/** What the import functions give for a fixture on the CLI's day: the CLI must write exactly this. */
async function expectedFile(name: string, options: { source?: string; url?: string; date?: string } = {}): Promise<string> {
  const text = await readFile(path.join(REPO_ROOT, FIXTURES, name), 'utf8');
  const { article } = (name.endsWith('.html') ? importHtml : importText)(text, { today: TODAY, ...options });
  return articleFile(article);
}

describe('chronicle import of five fixtures into --out', () => {
  let out: string;
  let run: CliResult;
  const inputs = ['press-release-menu.txt', 'agency-caption.txt', 'german-article.txt', 'jsonld-article.html', 'french-page.html'];

  before(async () => {
    out = path.join(await tempDir(), 'articles');
    run = await runCli(['import', ...inputs.map(fixture), '--out', out]);
  });

  after(async () => {
    await rm(path.dirname(out), { recursive: true, force: true });
  });

  it('should exit 0 and report no error', () => {
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /: error:/);
  });

  it('should write one file per input at <out>/<year>/<slug>.md', async () => {
    assert.deepEqual(await filesUnder(out), [
      `2026/${SLUGS.german}.md`,
      `2026/${SLUGS.press}.md`,
      `2026/${SLUGS.french}.md`,
      `2026/${SLUGS.jsonld}.md`,
      `2026/${SLUGS.agency}.md`,
    ].sort());
  });

  it('should write exactly what importText/importHtml and articleFile give', async () => {
    assert.equal(await readFile(path.join(out, '2026', `${SLUGS.press}.md`), 'utf8'), await expectedFile('press-release-menu.txt'));
    assert.equal(await readFile(path.join(out, '2026', `${SLUGS.jsonld}.md`), 'utf8'), await expectedFile('jsonld-article.html'));
    assert.equal(await readFile(path.join(out, '2026', `${SLUGS.german}.md`), 'utf8'), await expectedFile('german-article.txt'));
  });

  it('should write the date, how it was found, and the language of each', async () => {
    const frontMatter = async (slug: string) => (await readFile(path.join(out, '2026', `${slug}.md`), 'utf8')).split('\n---\n')[0]!;
    assert.match(await frontMatter(SLUGS.press), /^date: 2026-03-12 {2}# dateline: GENEVA\/BERN, 12 March 2026$/m);
    assert.match(await frontMatter(SLUGS.agency), /^date: 2026-03-02 {2}# date line: date 2026-03-02$/m);
    assert.match(await frontMatter(SLUGS.german), /^language: de$/m);
    assert.match(await frontMatter(SLUGS.french), /^language: fr$/m);
    assert.match(await frontMatter(SLUGS.jsonld), /^ {2}url: "https:\/\/courier\.example\.org\/europe\/2026\/04\/night-trains-return-to-the-alps"$/m);
  });

  it('should name each input and its file on stdout', () => {
    for (const [input, slug] of [
      ['press-release-menu.txt', SLUGS.press],
      ['agency-caption.txt', SLUGS.agency],
      ['german-article.txt', SLUGS.german],
      ['jsonld-article.html', SLUGS.jsonld],
      ['french-page.html', SLUGS.french],
    ] as const) {
      assert.ok(run.stdout.includes(`${fixture(input)} → ${path.join(out, '2026', `${slug}.md`)}`), `${input}:\n${run.stdout}`);
    }
  });

  it('should print the warnings on stderr, named by input', () => {
    assert.match(run.stderr, /^tests\/fixtures\/import\/agency-caption\.txt: warning: title: .*Switzerland and Norway will pool funds/m);
    assert.match(run.stderr, /^tests\/fixtures\/import\/press-release-menu\.txt: warning: source: /m);
    assert.doesNotMatch(run.stderr, /jsonld-article\.html: warning/);
  });
});

describe('chronicle import of the same input twice', () => {
  let out: string;
  let target: string;
  let first: CliResult;
  let again: CliResult;
  let edited: Buffer;
  let afterAgain: Buffer;
  let forced: CliResult;
  let afterForce: string;

  before(async () => {
    out = await tempDir();
    target = path.join(out, TODAY.slice(0, 4), `${SLUGS.teasers}.md`);
    first = await runCli(['import', fixture('news-site-teasers.txt'), '--out', out]);
    // An editor corrects the file after the first import; a second import must not undo it.
    await writeFile(target, (await readFile(target, 'utf8')).replace(/^dateUncertain: .*\n/m, '') + '\nChecked by the desk.\n');
    edited = await readFile(target);
    again = await runCli(['import', fixture('news-site-teasers.txt'), '--out', out]);
    afterAgain = await readFile(target);
    forced = await runCli(['import', fixture('news-site-teasers.txt'), '--out', out, '--force']);
    afterForce = await readFile(target, 'utf8');
  });

  after(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it("should first write the undated story under today's year with dateUncertain", async () => {
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /news-site-teasers\.txt: warning: date: .*dateUncertain/);
    assert.deepEqual(await filesUnder(out), [`${TODAY.slice(0, 4)}/${SLUGS.teasers}.md`]);
  });

  it('should exit 1 the second time, naming the existing file and --force', () => {
    assert.equal(again.code, 1, again.stderr);
    assert.ok(again.stderr.includes(target), again.stderr);
    assert.match(again.stderr, /--force/);
    assert.match(again.stderr, /news-site-teasers\.txt: error: /);
  });

  it('should leave the existing file byte for byte as the editor left it', () => {
    assert.ok(afterAgain.equals(edited), 'the file changed without --force');
  });

  it('should replace it with --force and exit 0', async () => {
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal(afterForce, await expectedFile('news-site-teasers.txt'));
    assert.ok(!afterForce.includes('Checked by the desk.'));
    assert.match(afterForce, /^dateUncertain: true/m);
    assert.deepEqual(await filesUnder(out), [`${TODAY.slice(0, 4)}/${SLUGS.teasers}.md`]);
  });
});

describe('chronicle import with inputs that fail beside good ones', () => {
  let out: string;

  before(async () => {
    out = await tempDir();
  });

  after(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('should import the good file, name the missing one and exit 1', async () => {
    const dir = path.join(out, 'missing');
    const run = await runCli(['import', fixture('no-such-story.txt'), fixture('german-article.txt'), '--out', dir]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /^tests\/fixtures\/import\/no-such-story\.txt: error: no such file/m);
    assert.match(run.stderr, /1 of 2 inputs failed to import/);
    assert.deepEqual(await filesUnder(dir), [`2026/${SLUGS.german}.md`]);
  });

  it('should report a page that is only navigation and still import the others', async () => {
    const dir = path.join(out, 'navigation');
    const run = await runCli(['import', fixture('agency-caption.txt'), fixture('only-navigation.txt'), fixture('french-page.html'), '--out', dir]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /^tests\/fixtures\/import\/only-navigation\.txt: error: no article text found/m);
    assert.match(run.stderr, /1 of 3 inputs failed to import/);
    assert.deepEqual(await filesUnder(dir), [`2026/${SLUGS.french}.md`, `2026/${SLUGS.agency}.md`].sort());
  });

  it('should refuse a .pdf input (an existing file) with an error for that input', async () => {
    const dir = path.join(out, 'pdf');
    const pdf = path.join(out, 'story.pdf');
    await writeFile(pdf, await readFile(path.join(REPO_ROOT, FIXTURES, 'clean-article.txt')));
    const run = await runCli(['import', pdf, fixture('german-article.txt'), '--out', dir]);
    assert.equal(run.code, 1, run.stderr);
    assert.ok(run.stderr.includes(`${pdf}: error: unknown kind of file`), run.stderr);
    assert.deepEqual(await filesUnder(dir), [`2026/${SLUGS.german}.md`]);
  });
});

describe('chronicle import - (standard input)', () => {
  let out: string;

  before(async () => {
    out = await tempDir();
  });

  after(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('should import plain text piped in', async () => {
    const text = await readFile(path.join(REPO_ROOT, FIXTURES, 'german-article.txt'), 'utf8');
    const run = await runCli(['import', '-', '--out', path.join(out, 'text')], REPO_ROOT, text);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stdout.includes(`<stdin> → ${path.join(out, 'text', '2026', `${SLUGS.german}.md`)}`), run.stdout);
    assert.equal(await readFile(path.join(out, 'text', '2026', `${SLUGS.german}.md`), 'utf8'), await expectedFile('german-article.txt'));
  });

  it('should recognise HTML piped in and read its metadata', async () => {
    const html = await readFile(path.join(REPO_ROOT, FIXTURES, 'jsonld-article.html'), 'utf8');
    const run = await runCli(['import', '-', '--out', path.join(out, 'html')], REPO_ROOT, html);
    assert.equal(run.code, 0, run.stderr);
    const written = await readFile(path.join(out, 'html', '2026', `${SLUGS.jsonld}.md`), 'utf8');
    assert.equal(written, await expectedFile('jsonld-article.html'));
    assert.ok(!written.includes('<script') && !written.includes('alert('));
  });
});

describe('chronicle import with --date, --source and --url', () => {
  let out: string;
  let run: CliResult;

  before(async () => {
    out = await tempDir();
    run = await runCli(['import', fixture('news-site-teasers.txt'), '--out', out, '--date', '2025-09-30', '--source', 'Alpine Report (desk copy)', '--url', 'https://alpine-report.example/climate/glacier-network']);
  });

  after(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('should file the story under the given year, with the date marked as given and certain', async () => {
    assert.equal(run.code, 0, run.stderr);
    const written = await readFile(path.join(out, '2025', `${SLUGS.teasers}.md`), 'utf8');
    assert.match(written, /^date: 2025-09-30 {2}# given on the command line$/m);
    assert.doesNotMatch(written, /dateUncertain/);
    assert.doesNotMatch(run.stderr, /warning: date:/);
  });

  it('should write the given source name and address', async () => {
    const written = await readFile(path.join(out, '2025', `${SLUGS.teasers}.md`), 'utf8');
    assert.match(written, /^source:\n {2}name: "Alpine Report \(desk copy\)"\n {2}url: "https:\/\/alpine-report\.example\/climate\/glacier-network"$/m);
  });
});

describe('chronicle import usage errors', () => {
  let out: string;

  before(async () => {
    out = path.join(await tempDir(), 'articles');
  });

  after(async () => {
    await rm(path.dirname(out), { recursive: true, force: true });
  });

  for (const [what, args, message] of [
    ['no FILE', ['import', '--out', 'OUT'], /give at least one FILE/],
    ['an impossible --date 2026-02-30', ['import', fixture('german-article.txt'), '--out', 'OUT', '--date', '2026-02-30'], /--date "2026-02-30" is not a calendar date/],
    ['a --date in another format', ['import', fixture('german-article.txt'), '--out', 'OUT', '--date', '30.03.2026'], /--date "30\.03\.2026" is not a calendar date/],
    ['a --url without a scheme', ['import', fixture('german-article.txt'), '--out', 'OUT', '--url', 'courier.example.org/story'], /--url "courier\.example\.org\/story" is not a web address/],
    ['a javascript: --url', ['import', fixture('german-article.txt'), '--out', 'OUT', '--url', 'javascript:alert(1)'], /--url "javascript:alert\(1\)" is not a web address/],
    ['a --lang that is not a two-letter code', ['import', fixture('german-article.txt'), '--out', 'OUT', '--lang', 'german'], /--lang "german" is not a two-letter language code/],
    ['an unknown option', ['import', fixture('german-article.txt'), '--out', 'OUT', '--overwrite'], /--overwrite/],
  ] as const) {
    it(`should exit 2 for ${what}, print the usage and write nothing`, async () => {
      const run = await runCli(args.map((arg) => (arg === 'OUT' ? out : arg)));
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.match(run.stderr, /Usage: chronicle <command>/);
      assert.deepEqual(await filesUnder(out), []);
    });
  }
});

describe('imported articles in an archive: chronicle check and chronicle build', () => {
  let root: string;
  let content: string;
  let site: string;
  let imported: CliResult;
  let checked: CliResult;
  let built: CliResult;

  const REGISTRY: Record<string, string> = {
    'people/volker-turk.md': ['---', 'name: Volker Türk', 'aliases: [Volker Turk]', 'roles: [UN High Commissioner for Human Rights]', '---', 'Austrian lawyer and UN official.', ''].join('\n'),
    'people/ignazio-cassis.md': ['---', 'name: Ignazio Cassis', 'aliases: [Federal Councillor Cassis]', 'roles: [Foreign Minister of Switzerland]', '---', ''].join('\n'),
    'people/espen-barth-eide.md': ['---', 'name: Espen Barth Eide', 'roles: [Foreign Minister of Norway]', '---', ''].join('\n'),
    'organizations/federal-department-of-foreign-affairs.md': ['---', 'name: Federal Department of Foreign Affairs', 'aliases: [FDFA]', '---', ''].join('\n'),
    'places/geneva.md': ['---', 'name: Geneva', 'aliases: [Genf, Genève]', 'country: Switzerland', '---', ''].join('\n'),
  };

  before(async () => {
    root = await tempDir();
    content = path.join(root, 'content');
    site = path.join(root, 'site');
    for (const [relative, text] of Object.entries(REGISTRY)) {
      await mkdir(path.dirname(path.join(content, relative)), { recursive: true });
      await writeFile(path.join(content, relative), text, 'utf8');
    }
    imported = await runCli(['import', fixture('press-release-menu.txt'), fixture('agency-caption.txt'), fixture('news-site-teasers.txt'), '--out', path.join(content, 'articles')]);
    checked = await runCli(['check', '--content', content]);
    built = await runCli(['build', '--content', content, '--output', site]);
  });

  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('should import the three stories into articles/', async () => {
    assert.equal(imported.code, 0, imported.stderr);
    assert.deepEqual(await filesUnder(path.join(content, 'articles')), [
      `2026/${SLUGS.press}.md`,
      `2026/${SLUGS.agency}.md`,
      `${TODAY.slice(0, 4)}/${SLUGS.teasers}.md`,
    ].sort());
  });

  it('should pass chronicle check with one warning: the uncertain date of the undated story', () => {
    assert.equal(checked.code, 0, checked.stderr);
    const warnings = checked.stderr.split('\n').filter((line) => /\[content\/date-uncertain\]$/.test(line));
    assert.equal(warnings.length, 1, checked.stderr);
    assert.ok(warnings[0]!.includes(`${SLUGS.teasers}.md:4:1 warning date: ${TODAY} is uncertain`), warnings[0]);
    assert.match(checked.stderr, /0 errors, 1 warning in 1 file/);
  });

  it('should build the site and exit 0', () => {
    assert.equal(built.code, 0, built.stdout + built.stderr);
    assert.match(built.stdout + built.stderr, /Built 3 articles/);
  });

  it('should list the imported articles in /api/articles.json with dates, sources and registry entities linked', async () => {
    const articles = JSON.parse(await readFile(path.join(site, 'api', 'articles.json'), 'utf8')) as Array<{
      id: string; title: string; date: string; source: { name: string; url: string | null }; language: string;
      people: string[]; organizations: string[]; places: string[];
    }>;
    const byId = new Map(articles.map((article) => [article.id, article]));
    assert.deepEqual([...byId.keys()].sort(), [SLUGS.press, SLUGS.agency, SLUGS.teasers].sort());

    const press = byId.get(SLUGS.press)!;
    assert.equal(press.date.slice(0, 10), '2026-03-12');
    assert.ok(press.people.includes('volker-turk') && press.people.includes('ignazio-cassis'), JSON.stringify(press.people));
    assert.ok(press.organizations.includes('federal-department-of-foreign-affairs'), JSON.stringify(press.organizations));
    assert.ok(press.places.includes('geneva'), JSON.stringify(press.places));

    const agency = byId.get(SLUGS.agency)!;
    assert.equal(agency.date.slice(0, 10), '2026-03-02');
    assert.ok(agency.people.includes('ignazio-cassis') && agency.people.includes('espen-barth-eide'), JSON.stringify(agency.people));

    const teasers = byId.get(SLUGS.teasers)!;
    assert.equal(teasers.date.slice(0, 10), TODAY);
    assert.deepEqual(teasers.source, { name: 'Alpine Report', url: null });
    assert.ok(!teasers.people.includes('volker-turk') && !teasers.people.includes('ignazio-cassis'), JSON.stringify(teasers.people));
  });

  it("should list the imported articles on the registry person's timeline", async () => {
    const people = JSON.parse(await readFile(path.join(site, 'api', 'people.json'), 'utf8')) as Array<{ id: string; articles: string[]; curated: boolean }>;
    const cassis = people.find((person) => person.id === 'ignazio-cassis');
    assert.ok(cassis?.curated);
    assert.deepEqual([...cassis.articles].sort(), [SLUGS.press, SLUGS.agency].sort());
  });

  it('should write a page for each imported article, with the quote and without the page furniture', async () => {
    const page = await readFile(path.join(site, 'articles', SLUGS.press, 'index.html'), 'utf8');
    assert.match(page, /Humanitarian law is not a wish list/);
    assert.doesNotMatch(page, /Consular protection|Treaties database|FDFA Communication/);
    const teasers = await readFile(path.join(site, 'articles', SLUGS.teasers, 'index.html'), 'utf8');
    assert.doesNotMatch(teasers, /Jura farmers swap dairy cows|report factual errors/);
  });
});
