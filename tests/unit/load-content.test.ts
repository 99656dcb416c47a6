import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/content/diagnostic.ts';
import { loadContent, type LoadedContent } from '../../src/content/load-content.ts';
import { storyHtml } from '../../src/render/story-text.ts';
import { REGISTRY, articleText, removeFolder, writeContentFolder } from './content-folder.ts';

const BROKEN = fileURLToPath(new URL('../fixtures/broken/', import.meta.url));

const folders: string[] = [];
after(async () => {
  await Promise.all(folders.map(removeFolder));
});

/** Writes a temp content folder with the valid registry plus `files`, and loads it. */
async function load(files: Record<string, string>, { registry = true } = {}): Promise<LoadedContent & { root: string }> {
  const root = await writeContentFolder({ ...(registry ? REGISTRY : {}), ...files });
  folders.push(root);
  return { root, ...(await loadContent(root)) };
}

/** The one diagnostic for a file (matched by its path ending) and rule; fails when there is not exactly one. */
function find(diagnostics: readonly Diagnostic[], fileEnding: string, rule: string): Diagnostic {
  const found = diagnostics.filter((d) => d.file.endsWith(fileEnding) && d.rule === rule);
  assert.equal(found.length, 1, `expected one ${rule} for ${fileEnding}, got:\n${diagnostics.map((d) => `${d.file}:${d.line} ${d.rule} ${d.message}`).join('\n')}`);
  return found[0]!;
}

const rules = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => d.rule);

describe('loadContent on tests/fixtures/broken', () => {
  let loaded: LoadedContent;
  before(async () => {
    loaded = await loadContent(BROKEN);
  });

  it('should find exactly five errors and one warning', () => {
    const { diagnostics } = loaded;
    assert.equal(diagnostics.filter((d) => d.severity === 'error').length, 5, JSON.stringify(diagnostics, null, 2));
    assert.equal(diagnostics.filter((d) => d.severity === 'warning').length, 1, JSON.stringify(diagnostics, null, 2));
  });

  it('should report the invalid YAML as front-matter/yaml at line 5', () => {
    const d = find(loaded.diagnostics, 'articles/2026/invalid-yaml.md', 'front-matter/yaml');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 5);
  });

  it('should report the missing title as schema/required at line 1', () => {
    const d = find(loaded.diagnostics, 'articles/2026/missing-title.md', 'schema/required');
    assert.equal(d.message, 'title: is required');
    assert.equal(d.line, 1);
  });

  it('should report 2026-02-30 as not a calendar date at line 3', () => {
    const d = find(loaded.diagnostics, 'articles/2026/impossible-date.md', 'schema/invalid');
    assert.ok(d.message.includes('date: "2026-02-30" is not a calendar date'), d.message);
    assert.equal(d.line, 3);
  });

  it('should report the unknown person at its list item and suggest the id whose alias matches', () => {
    const d = find(loaded.diagnostics, 'articles/2026/unknown-person.md', 'content/unknown-reference');
    assert.equal(d.severity, 'error');
    assert.ok(d.message.includes('"sergei-lavrov"'), d.message);
    assert.match(d.hint ?? '', /did you mean "sergey-lavrov"\?/);
    assert.deepEqual([d.line, d.column], [9, 5]);
  });

  it('should report the duplicate slug on the later file, naming the earlier one', () => {
    const d = find(loaded.diagnostics, 'articles/2026/cassis-in-moscow.md', 'content/duplicate-id');
    assert.ok(d.message.includes('"cassis-in-moscow"'), d.message);
    assert.ok(d.message.includes('articles/2025/cassis-in-moscow.md'), d.message);
    assert.equal(d.line, 2);
    assert.equal(loaded.diagnostics.filter((x) => x.file.endsWith('articles/2025/cassis-in-moscow.md')).length, 0);
  });

  it('should report the <script> title as a content/markup-in-text warning at line 2', () => {
    const d = find(loaded.diagnostics, 'articles/2026/script-in-title.md', 'content/markup-in-text');
    assert.equal(d.severity, 'warning');
    assert.equal(d.line, 2);
    assert.ok(d.message.includes('<script>'), d.message);
  });

  it('should load the valid registry without complaint', () => {
    assert.deepEqual(loaded.records.entities.map((e) => `${e.kind}:${e.id}`).sort(), [
      'organization:osce', 'person:ignazio-cassis', 'person:sergey-lavrov', 'place:moscow',
    ]);
    assert.deepEqual(loaded.records.events.map((e) => e.id), ['moscow-visit-2026']);
    assert.equal(loaded.diagnostics.some((d) => /\/(people|organizations|places|events)\//.test(d.file)), false);
  });

  it('should keep only articles that could be read, and the first of two with one slug', () => {
    const ids = loaded.records.articles.map((a) => a.id).sort();
    assert.deepEqual(ids, ['cassis-in-moscow', 'script-in-title', 'unknown-person']);
    const kept = loaded.records.articles.find((a) => a.id === 'cassis-in-moscow');
    assert.ok(kept?.file.endsWith('articles/2025/cassis-in-moscow.md'), kept?.file);
  });

  it('should sort the diagnostics by file, then line', () => {
    const keys = loaded.diagnostics.map((d) => [d.file, d.line] as const);
    const sorted = [...keys].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
    assert.deepEqual(keys, sorted);
  });
});

describe('loadContent on a valid folder', () => {
  let loaded: LoadedContent & { root: string };
  before(async () => {
    loaded = await load({
      'articles/2026/cassis-meets-lavrov-in-moscow.md': articleText({
        extra: ['people: [ignazio-cassis, sergey-lavrov]', 'organizations: [osce]', 'places: [moscow]', 'events: [moscow-visit-2026]'],
        body: 'Cassis met **Lavrov**.\n\n<script>alert(1)</script>',
      }),
    });
  });

  it('should report no problems', () => {
    assert.deepEqual(loaded.diagnostics, []);
  });

  it("should give a date-only article midnight with its zone's offset", () => {
    const [article] = loaded.records.articles;
    assert.equal(article?.date, '2026-02-06T00:00:00+01:00');
  });

  it('should give the calendar day of publication', () => {
    assert.equal(loaded.records.articles[0]?.day, '2026-02-06');
  });

  it('should take the id from the file name', () => {
    assert.equal(loaded.records.articles[0]?.id, 'cassis-meets-lavrov-in-moscow');
  });

  it('should keep the references, the defaults and a missing source URL as null', () => {
    const article = loaded.records.articles[0];
    assert.deepEqual(article?.people, ['ignazio-cassis', 'sergey-lavrov']);
    assert.deepEqual(article?.events, ['moscow-visit-2026']);
    assert.equal(article?.language, 'en');
    assert.deepEqual(article?.source, { name: 'Keystone-SDA', url: null });
  });

  it('should keep the Markdown, and render it for the page as HTML with raw HTML escaped, never run', () => {
    const article = loaded.records.articles[0]!;
    assert.equal(article.body, 'Cassis met **Lavrov**.\n\n<script>alert(1)</script>\n');
    const html = storyHtml(article);
    assert.ok(html.includes('<strong>Lavrov</strong>'), html);
    assert.ok(!html.includes('<script>'), html);
    assert.ok(html.includes('&lt;script&gt;'), html);
  });

  it('should give each registry entry the id of its name and its kind', () => {
    const lavrov = loaded.records.entities.find((e) => e.id === 'sergey-lavrov');
    assert.equal(lavrov?.kind, 'person');
    assert.deepEqual(lavrov?.aliases, ['Sergei Lavrov', 'Sergej Lawrow']);
    assert.equal(lavrov?.curated, true);
    assert.ok(lavrov?.file?.endsWith('people/sergey-lavrov.md'));
  });

  it('should give an event the precision its date is written in', () => {
    assert.equal(loaded.records.events[0]?.precision, 'day');
    assert.equal(loaded.records.events[0]?.endDate, null);
  });
});

describe('loadContent on dates', () => {
  it('should keep the offset written in a date-time and its day', async () => {
    const { records, diagnostics } = await load({ 'articles/2026/late.md': articleText({ date: '2026-02-06T23:30:00+01:00' }) });
    assert.deepEqual(diagnostics, []);
    assert.equal(records.articles[0]?.date, '2026-02-06T23:30:00+01:00');
    assert.equal(records.articles[0]?.day, '2026-02-06');
  });

  it('should read a date-time without offset in the article\'s zone', async () => {
    const { records } = await load({ 'articles/2026/t.md': articleText({ date: '2026-02-06T17:00', timezone: 'Europe/Zurich' }) });
    assert.equal(records.articles[0]?.date, '2026-02-06T17:00:00+01:00');
  });

  it('should use summer time where the zone has it', async () => {
    const { records } = await load({ 'articles/2026/t.md': articleText({ date: '2026-07-01', timezone: 'Europe/Zurich' }) });
    assert.equal(records.articles[0]?.date, '2026-07-01T00:00:00+02:00');
    assert.equal(records.articles[0]?.day, '2026-07-01');
  });

  it('should give a date-only article in UTC midnight UTC', async () => {
    const { records } = await load({ 'articles/2026/t.md': articleText({ date: '2026-02-06', timezone: 'UTC' }) });
    assert.equal(records.articles[0]?.date, '2026-02-06T00:00:00Z');
    assert.equal(records.articles[0]?.day, '2026-02-06');
  });

  it('should read an event given as a month with month precision', async () => {
    const { records, diagnostics } = await load({
      'events/kyiv-visit-2026.md': ['---', 'title: Kyiv visit', 'date: 2026-02', 'places: [moscow]', '---', ''].join('\n'),
    });
    assert.deepEqual(diagnostics, []);
    const event = records.events.find((e) => e.id === 'kyiv-visit-2026');
    assert.equal(event?.date, '2026-02');
    assert.equal(event?.precision, 'month');
  });
});

describe('loadContent on unknown references', () => {
  const withPeople = (people: string) => ({ 'articles/2026/a.md': articleText({ extra: [`people: [${people}]`] }) });

  it("should suggest sergey-lavrov for sergei-lavrov, because 'Sergei Lavrov' is an alias", async () => {
    const { diagnostics } = await load(withPeople('sergei-lavrov'));
    const d = find(diagnostics, 'articles/2026/a.md', 'content/unknown-reference');
    assert.equal(d.message, 'people[0]: unknown person "sergei-lavrov"');
    assert.equal(d.hint, 'did you mean "sergey-lavrov"?');
    assert.deepEqual([d.line, d.column], [7, 10]);
  });

  it('should suggest the closest known id for a typo such as sergy-lavrov', async () => {
    const { diagnostics } = await load(withPeople('ignazio-cassis, sergy-lavrov'));
    const d = find(diagnostics, 'articles/2026/a.md', 'content/unknown-reference');
    assert.ok(d.message.includes('people[1]') && d.message.includes('"sergy-lavrov"'), d.message);
    assert.equal(d.hint, 'did you mean "sergey-lavrov"?');
  });

  it('should suggest adding a registry entry when no known id is close', async () => {
    const { diagnostics } = await load(withPeople('vladimir-putin'));
    const d = find(diagnostics, 'articles/2026/a.md', 'content/unknown-reference');
    assert.ok(d.message.includes('"vladimir-putin"'), d.message);
    assert.doesNotMatch(d.hint ?? '', /did you mean/);
    assert.match(d.hint ?? '', /people\/vladimir-putin\.md/);
  });

  it('should check organizations, places and events too', async () => {
    const { diagnostics } = await load({
      'articles/2026/a.md': articleText({ extra: ['organizations: [osze]', 'places: [moskva]', 'events: [moscow-visit-2025]'] }),
    });
    const messages = diagnostics.filter((d) => d.rule === 'content/unknown-reference').map((d) => `${d.message} / ${d.hint}`).sort();
    assert.deepEqual(messages, [
      'events[0]: unknown event "moscow-visit-2025" / did you mean "moscow-visit-2026"?',
      'organizations[0]: unknown organization "osze" / did you mean "osce"?',
      'places[0]: unknown place "moskva" / did you mean "moscow"?',
    ]);
  });

  it('should check the references of events', async () => {
    const { diagnostics } = await load({
      'events/vienna-briefing-2026.md': ['---', 'title: Vienna briefing', 'date: 2026-02-06', 'people: [feridun-sinirlioglu]', '---', ''].join('\n'),
    });
    const d = find(diagnostics, 'events/vienna-briefing-2026.md', 'content/unknown-reference');
    assert.equal(d.severity, 'error');
    assert.equal(d.line, 4);
  });

  it('should not look up a person id among places', async () => {
    const { diagnostics } = await load(withPeople('moscow'));
    const d = find(diagnostics, 'articles/2026/a.md', 'content/unknown-reference');
    assert.equal(d.message, 'people[0]: unknown person "moscow"');
  });
});

describe('loadContent on duplicate slugs', () => {
  it('should name both files when two articles in different years share a file name', async () => {
    const { diagnostics, records } = await load({
      'articles/2025/cassis-in-moscow.md': articleText({ date: '2025-12-01' }),
      'articles/2026/cassis-in-moscow.md': articleText(),
    });
    const d = find(diagnostics, 'articles/2026/cassis-in-moscow.md', 'content/duplicate-id');
    assert.equal(d.severity, 'error');
    assert.ok(d.message.includes('articles/2025/cassis-in-moscow.md'), d.message);
    assert.match(d.hint ?? '', /slug:/);
    assert.equal(records.articles.length, 1);
  });

  it('should catch a slug: field that repeats another file\'s slug, pointing at the slug line', async () => {
    const { diagnostics } = await load({
      'articles/2026/cassis-in-moscow.md': articleText(),
      'articles/2026/moscow-talks.md': articleText({ extra: ['slug: cassis-in-moscow'] }),
    });
    const d = find(diagnostics, 'articles/2026/moscow-talks.md', 'content/duplicate-id');
    assert.ok(d.message.includes('cassis-in-moscow.md'), d.message);
    assert.equal(d.line, 7);
  });

  it('should report two registry files for one person', async () => {
    const { diagnostics } = await load({
      'people/lavrov.md': ['---', 'name: Sergey Lavrov', '---', ''].join('\n'),
    });
    assert.equal(diagnostics.filter((d) => d.rule === 'content/duplicate-id').length, 1);
  });

  it('should allow one id in two different registry kinds', async () => {
    const { diagnostics } = await load({
      'places/osce.md': ['---', 'name: OSCE', '---', ''].join('\n'),
    });
    assert.deepEqual(rules(diagnostics), []);
  });
});

describe('loadContent on files it does not read', () => {
  it('should warn about a Markdown file in an unknown folder and not load it', async () => {
    const { diagnostics, records } = await load({
      'drafts/cassis-in-vienna.md': articleText(),
    });
    const d = find(diagnostics, 'drafts/cassis-in-vienna.md', 'content/unknown-folder');
    assert.equal(d.severity, 'warning');
    assert.deepEqual([d.line, d.column], [1, 1]);
    assert.match(d.hint ?? '', /articles\//);
    assert.equal(records.articles.length, 0);
  });

  it('should warn about a Markdown file at the top of the content folder', async () => {
    const { diagnostics } = await load({ 'notes.md': '# notes\n' });
    assert.equal(find(diagnostics, 'notes.md', 'content/unknown-folder').severity, 'warning');
  });

  it('should warn about a registry file in a sub-folder', async () => {
    const { diagnostics } = await load({ 'people/russia/maria-zakharova.md': ['---', 'name: Maria Zakharova', '---', ''].join('\n') });
    assert.equal(find(diagnostics, 'people/russia/maria-zakharova.md', 'content/unknown-folder').severity, 'warning');
  });

  it('should ignore files that are not Markdown and hidden folders', async () => {
    const { diagnostics } = await load({
      'articles/2026/photo.jpg': 'not markdown',
      'articles/.drafts/x.md': 'no front matter',
      '.obsidian/notes.md': 'no front matter',
    });
    assert.deepEqual(diagnostics, []);
  });

  it('should report a missing content folder as an error', async () => {
    const { diagnostics } = await loadContent(path.join(BROKEN, 'no-such-folder'));
    assert.deepEqual(rules(diagnostics), ['content/missing-folder']);
    assert.equal(diagnostics[0]?.severity, 'error');
  });

  it('should report a file without front matter', async () => {
    const { diagnostics } = await load({ 'articles/2026/plain.md': '# Just text\n' });
    const d = find(diagnostics, 'articles/2026/plain.md', 'front-matter/missing');
    assert.equal(d.line, 1);
  });
});

describe('loadContent on markup in plain-text fields', () => {
  it('should warn, not fail, about a <script> title and keep the article', async () => {
    const { diagnostics, records } = await load({
      'articles/2026/a.md': articleText({ title: '"Cassis in Moscow <script>alert(1)</script>"' }),
    });
    const d = find(diagnostics, 'articles/2026/a.md', 'content/markup-in-text');
    assert.equal(d.severity, 'warning');
    assert.equal(d.line, 2);
    assert.equal(diagnostics.filter((x) => x.severity === 'error').length, 0);
    assert.equal(records.articles[0]?.title, 'Cassis in Moscow <script>alert(1)</script>');
  });

  it('should warn about markup in the summary at the summary line', async () => {
    const { diagnostics } = await load({
      'articles/2026/a.md': articleText({ extra: ['summary: "Cassis met <b>Lavrov</b>."'] }),
    });
    const d = find(diagnostics, 'articles/2026/a.md', 'content/markup-in-text');
    assert.equal(d.line, 7);
    assert.match(d.message, /^summary: /);
  });

  it('should not mistake a comparison such as "a < b" for markup', async () => {
    const { diagnostics } = await load({ 'articles/2026/a.md': articleText({ title: '"Turnout < 40% > expected"' }) });
    assert.deepEqual(diagnostics, []);
  });
});

describe('loadContent on registry entries', () => {
  it('should warn when a registry file is not named after its id', async () => {
    const { diagnostics, records } = await load({
      'people/lavrov.md': ['---', 'name: Maria Zakharova', '---', ''].join('\n'),
    });
    const d = find(diagnostics, 'people/lavrov.md', 'registry/file-name');
    assert.equal(d.severity, 'warning');
    assert.equal(d.line, 2);
    assert.match(d.hint ?? '', /maria-zakharova\.md/);
    assert.ok(records.entities.some((e) => e.id === 'maria-zakharova'));
  });

  it("should make the id of 'Feridun Sinirlioğlu' feridun-sinirlioglu", async () => {
    const { diagnostics, records } = await load({
      'people/feridun-sinirlioglu.md': ['---', 'name: Feridun Sinirlioğlu', '---', ''].join('\n'),
      'articles/2026/a.md': articleText({ extra: ['people: [feridun-sinirlioglu]'] }),
    });
    assert.deepEqual(diagnostics, []);
    assert.ok(records.entities.some((e) => e.id === 'feridun-sinirlioglu' && e.name === 'Feridun Sinirlioğlu'));
  });

  it('should collect every problem of every file in one run', async () => {
    const { diagnostics } = await load({
      'articles/2026/a.md': articleText({ date: '2026-02-30' }),
      'articles/2026/b.md': articleText({ extra: ['people: [nobody-known]'] }),
      'people/x.md': ['---', 'name: X', 'wikidata: "649"', '---', ''].join('\n'),
    }, { registry: false });
    assert.deepEqual(diagnostics.map((d) => `${path.basename(d.file)} ${d.rule}`), [
      'a.md schema/invalid',
      'b.md content/unknown-reference',
      'x.md schema/invalid',
    ]);
  });
});
