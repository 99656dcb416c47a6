import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article, Disagreement } from '../../src/content/schemas.ts';
import { clusterEvents } from '../../src/events/cluster-events.ts';
import type { ArticleEvidence } from '../../src/extract/extract-records.ts';
import { entityRecord } from './records.ts';

/*
 * A hot event: hundreds of stories of one meeting, as a big news day brings. Story i writes
 * "Kiev" when i is a multiple of 3 (and both spellings when a multiple of 11), "Sergei" for even
 * i (adding "Sergej" for multiples of 13), says Thursday rather than Friday for multiples of 5,
 * and counts four staff members rather than three for multiples of 9.
 */
const STORIES = 300;
const entities = [
  entityRecord('person', 'ignazio-cassis', 'Ignazio Cassis'),
  entityRecord('person', 'sergey-lavrov', 'Sergey Lavrov', { aliases: ['Sergei Lavrov'] }),
  entityRecord('place', 'kyiv', 'Kyiv', { aliases: ['Kiev'], country: 'Ukraine' }),
  entityRecord('place', 'ukraine', 'Ukraine'),
];

function story(i: number): { article: Article; evidence: ArticleEvidence } {
  const id = `story-${String(i).padStart(4, '0')}`;
  const day = `2026-02-0${6 + (i % 3)}`;
  const thursday = i % 5 === 0;
  const city = i % 3 === 0 ? 'Kiev' : 'Kyiv';
  const when = thursday ? 'on Thursday' : 'on Friday';
  return {
    article: {
      id, file: `content/articles/${id}.md`, title: id, date: `${day}T10:00:00+01:00`, day, source: { name: `Wire ${i % 7}`, url: null },
      language: 'en', summary: '', tags: [], people: [], organizations: [], places: [], events: [], dates: [],
    },
    evidence: {
      happenings: [{
        text: when, date: thursday ? '2026-02-05' : '2026-02-06', precision: 'day', method: 'relative', sentence: `Cassis met Lavrov in ${city} ${when}.`,
        offset: 0, places: ['place:kyiv'], participants: ['person:ignazio-cassis', 'person:sergey-lavrov'], main: true,
      }],
      forms: new Map([
        ['place:kyiv', i % 11 === 0 ? ['Kiev', 'Kyiv'] : [city]],
        ['person:sergey-lavrov', [i % 2 === 0 ? 'Sergei Lavrov' : 'Sergey Lavrov', ...(i % 13 === 0 ? ['Sergej Lavrov'] : [])]],
        ['person:ignazio-cassis', ['Ignazio Cassis']],
      ]),
      figures: [{ value: i % 9 === 0 ? 4 : 3, text: `${i % 9 === 0 ? 'four' : 'three'} staff members`, noun: 'staff member', offset: 40 }],
    },
  };
}

/** The stories for which `test` holds, in the order an event lists its reports (by day, then id). */
function storiesWhere(test: (i: number) => boolean): string[] {
  return Array.from({ length: STORIES }, (_, i) => i)
    .filter(test)
    .map((i) => story(i).article)
    .sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id))
    .map((article) => article.id);
}

function reading(value: string, test: (i: number) => boolean, text: string | ((i: number) => string) = value) {
  const ids = storiesWhere(test);
  const byId = new Map(Array.from({ length: STORIES }, (_, i) => [story(i).article.id, i]));
  return { value, sources: ids.map((article) => ({ article, text: typeof text === 'string' ? text : text(byId.get(article)!) })) };
}

describe('a hot event with hundreds of stories', () => {
  const stories = Array.from({ length: STORIES }, (_, i) => story(i));
  const records = { articles: stories.map((item) => item.article), entities, events: [] };
  const evidence = new Map(stories.map((item) => [item.article.id, item.evidence]));
  const events = clusterEvents(records, evidence).events;

  it('should gather every story into one event', () => {
    assert.equal(events.length, 1);
    assert.equal(events[0]!.reports.length, STORIES);
  });

  it('should find the same disagreements on date, spellings and figures as a comparison story by story would', () => {
    const expected: Disagreement[] = [
      {
        kind: 'date', subject: 'date',
        readings: [reading('2026-02-05', (i) => i % 5 === 0, 'on Thursday'), reading('2026-02-06', (i) => i % 5 !== 0, 'on Friday')],
      },
      {
        kind: 'spelling', subject: 'place:kyiv',
        readings: [reading('Kiev', (i) => i % 3 === 0 || i % 11 === 0), reading('Kyiv', (i) => i % 3 !== 0 || i % 11 === 0)],
      },
      {
        kind: 'spelling', subject: 'person:sergey-lavrov',
        readings: [reading('Sergei Lavrov', (i) => i % 2 === 0), reading('Sergej Lavrov', (i) => i % 13 === 0), reading('Sergey Lavrov', (i) => i % 2 !== 0)],
      },
      {
        kind: 'figure', subject: 'staff member',
        readings: [reading('3', (i) => i % 9 !== 0, 'three staff members'), reading('4', (i) => i % 9 === 0, 'four staff members')],
      },
    ];
    assert.deepEqual(events[0]!.disagreements, expected);
  });
});
