import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/content/diagnostic.ts';
import { loadContent } from '../../src/content/load-content.ts';
import type { Event } from '../../src/content/schemas.ts';
import { formatEventDate } from '../../src/render/format.ts';
import { articleText, REGISTRY, removeFolder, writeContentFolder } from './content-folder.ts';

async function load(files: Record<string, string>): Promise<Awaited<ReturnType<typeof loadContent>>> {
  const root = await writeContentFolder({ ...REGISTRY, ...files });
  try {
    return await loadContent(root);
  } finally {
    await removeFolder(root);
  }
}

const rules = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.rule}@${d.line}`).sort();

describe('problems the editor sees in one run', () => {
  it('should report unknown references even when the same file has a schema error', async () => {
    const { diagnostics } = await load({
      'articles/x.md': articleText({ date: '2026-02-30', extra: ['people: [sergei-lavrov]', 'places: [kiev]'] }),
    });
    assert.deepEqual(rules(diagnostics), ['content/unknown-reference@7', 'content/unknown-reference@8', 'schema/invalid@3']);
    assert.match(diagnostics.find((d) => d.line === 7)?.hint ?? '', /did you mean "sergey-lavrov"/);
  });

  it('should say a missing event date is required, not "invalid input"', async () => {
    const { diagnostics } = await load({ 'events/no-date.md': ['---', 'title: A visit', '---', ''].join('\n') });
    const d = diagnostics.find((item) => item.file.endsWith('no-date.md'));
    assert.equal(d?.rule, 'schema/required');
    assert.equal(d?.message, 'date: is required');
  });
});

describe('files and ids', () => {
  it('should read .markdown and upper-case .MD files as articles', async () => {
    const { records, diagnostics } = await load({
      'articles/long-extension.markdown': articleText({ title: 'One' }),
      'articles/SHOUTING.MD': articleText({ title: 'Two' }),
    });
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(records.articles.map((article) => article.id).sort(), ['long-extension', 'shouting']);
  });

  it('should refuse a registry name that gives no id, and accept it with a slug', async () => {
    const without = await load({ 'places/beijing.md': ['---', 'name: 北京', '---', ''].join('\n') });
    const d = without.diagnostics.find((item) => item.file.endsWith('beijing.md'));
    assert.equal(d?.rule, 'content/no-id');
    assert.equal(d?.severity, 'error');
    assert.equal(d?.line, 2);
    const withSlug = await load({ 'places/beijing.md': ['---', 'name: 北京', 'slug: beijing', '---', ''].join('\n') });
    assert.deepEqual(withSlug.diagnostics, []);
    assert.ok(withSlug.records.entities.some((entity) => entity.id === 'beijing' && entity.name === '北京'));
  });

  it('should refuse an article whose file name gives no id', async () => {
    const { diagnostics } = await load({ 'articles/北京.md': articleText() });
    assert.equal(diagnostics[0]?.rule, 'content/no-id');
  });
});

describe('event dates', () => {
  it('should refuse an end date before the start', async () => {
    const { diagnostics } = await load({ 'events/backwards.md': ['---', 'title: Backwards', 'date: 2026-01-01', 'endDate: 2025-01-01', '---', ''].join('\n') });
    assert.deepEqual(rules(diagnostics), ['event/end-before-start@4']);
  });

  it('should refuse a precision finer than the date as written', async () => {
    const { diagnostics } = await load({ 'events/vague.md': ['---', 'title: Vague', 'date: 2026', 'precision: day', '---', ''].join('\n') });
    assert.deepEqual(rules(diagnostics), ['event/precision@4']);
  });

  it('should write an end date with its own precision', () => {
    const event: Event = {
      id: 'talks', file: null, title: 'Talks', date: '2026-02-10', endDate: '2026-03', precision: 'day',
      places: [], people: [], organizations: [], summaryHtml: '', curated: true, reports: [], disagreements: [],
    };
    assert.equal(formatEventDate(event), 'Tuesday 10 February 2026 – March 2026');
  });
});
