import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildArchive } from '../../src/archive/build-archive.ts';
import type { Article } from '../../src/content/schemas.ts';
import { entityRecord as entity, eventRecord as event } from './records.ts';

function article(id: string, day: string, fields: Partial<Article> = {}): Article {
  return {
    id, file: `content/articles/${id}.md`, title: id, date: `${day}T12:00:00Z`, day, source: { name: 'Gazette', url: null },
    language: 'en', summary: '', tags: [], people: [], organizations: [], places: [], events: [], dates: [], ...fields,
  };
}

/*
 * What pages ask the archive for, answered from indexes built once: a site with a page per record
 * that scanned the archive on each page would take the square of its size to build.
 */
describe('the archive answering pages from its indexes', () => {
  const archive = buildArchive({
    articles: [
      article('b', '2025-03-14', { source: { name: 'Other Paper', url: null }, corrections: [{ date: '2025-03-15', text: 'Fixed.' }] }),
      article('a', '2024-11-02'),
      article('c', '2025-03-20', { events: ['summit'] }),
    ],
    entities: [
      entity('organization', 'fixture-gazette', 'Fixture Gazette', { aliases: ['The Gazette'] }),
      entity('place', 'sinirli', 'Sinirlioğlu Town'),
      entity('person', 'ada', 'Ada Fixture'),
    ],
    events: [event('summit', '2025-03-20')],
  });

  it('should find an entity of a kind by its name or an alias, whatever the accents and case', () => {
    assert.equal(archive.entityNamed('organization', 'the gazette')?.id, 'fixture-gazette');
    assert.equal(archive.entityNamed('place', 'Sinirlioglu Town')?.id, 'sinirli');
    assert.equal(archive.entityNamed('person', 'The Gazette'), undefined, 'only of the kind asked for');
  });

  it('should give the same lists on every call instead of building them again', () => {
    assert.equal(archive.entitiesOf('person'), archive.entitiesOf('person'));
    assert.equal(archive.entries, archive.entries);
    assert.equal(archive.months, archive.months);
    assert.equal(archive.corrections, archive.corrections);
  });

  it('should look up months, years and days, and the days either side of a day', () => {
    assert.equal(archive.month('2025', '03')?.articles.length, 2);
    assert.equal(archive.month('2025', '04'), undefined);
    assert.ok(archive.hasMonth('2024', '11') && !archive.hasMonth('2024', '12'));
    assert.ok(archive.hasYear('2025') && !archive.hasYear('2023'));
    assert.ok(archive.hasDay('2025-03-14') && !archive.hasDay('2025-03-13'));
    const { previous, next } = archive.neighbourDays('2025-03-14');
    assert.deepEqual([previous?.day, next?.day], ['2024-11-02', '2025-03-20']);
    assert.deepEqual(archive.neighbourDays('1999-01-01'), { previous: undefined, next: undefined });
  });

  it('should count the sources and list the corrections, newest first', () => {
    assert.equal(archive.sourceCount, 2);
    assert.deepEqual(archive.corrections.map(({ article: corrected, date }) => [corrected.id, date]), [['b', '2025-03-15']]);
  });
});
