import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildArchive } from '../../src/archive/build-archive.ts';
import type { Article } from '../../src/content/schemas.ts';
import { apiExports, exportArticles, exportEntities, exportEvents } from '../../src/export/api-exports.ts';
import { articlesExportSchema, entitiesExportSchema, eventsExportSchema } from '../../src/export/api-schemas.ts';
import { entityRecord as entity, eventRecord as event } from './records.ts';

function article(id: string, date: string, fields: Partial<Article> = {}): Article {
  return {
    id,
    file: `content/articles/${id}.md`,
    title: fields.title ?? id,
    date,
    day: fields.day ?? date.slice(0, 10),
    source: { name: 'Keystone-SDA', url: null },
    language: 'en',
    summary: '',
    tags: [],
    people: [],
    organizations: [],
    places: [],
    events: [],
    dates: [],
    ...fields,
  };
}

const ENTITIES = [
  entity('person', 'sergey-lavrov', 'Sergey Lavrov', { aliases: ['Sergei Lavrov'] }),
  entity('person', 'ignazio-cassis', 'Ignazio Cassis'),
  entity('person', 'feridun-sinirlioglu', 'Feridun Sinirlioğlu'),
  entity('organization', 'osce', 'OSCE'),
  entity('organization', 'united-nations', 'United Nations'),
  entity('place', 'moscow', 'Moscow'),
  entity('place', 'new-york', 'New York'),
  entity('place', 'kyiv', 'Kyiv'),
];

const EVENTS = [
  event('moscow-visit-2026', '2026-02-06', { people: ['ignazio-cassis', 'sergey-lavrov'], places: ['moscow'], organizations: ['osce'] }),
  event('new-york-meeting-2022', '2022-09-21', { people: ['ignazio-cassis', 'sergey-lavrov'], places: ['new-york'] }),
  event('kyiv-visit-2026', '2026-02', { precision: 'month', endDate: '2026-02-05', people: ['ignazio-cassis'], places: ['kyiv'] }),
];

// Deliberately not in date order.
const ARTICLES = [
  article('cassis-meets-lavrov-in-moscow', '2026-02-06T00:00:00+01:00', {
    people: ['ignazio-cassis', 'sergey-lavrov', 'feridun-sinirlioglu'], organizations: ['osce'], places: ['moscow'], events: ['moscow-visit-2026'],
  }),
  article('good-offices-offer', '2022-09-22T00:00:00+02:00', {
    people: ['ignazio-cassis', 'sergey-lavrov'], organizations: ['united-nations'], places: ['new-york'], events: ['new-york-meeting-2022'],
  }),
  article('osce-leaders-conclude-visit', '2026-02-07T12:00:00+01:00', {
    people: ['feridun-sinirlioglu'], places: ['moscow'], events: ['moscow-visit-2026'],
  }),
  article('cassis-expected-in-moscow', '2026-01-30T09:00:00Z', {
    people: ['ignazio-cassis', 'sergey-lavrov', 'vladimir-unknown'], places: ['kyiv', 'moscow'], events: ['kyiv-visit-2026', 'no-such-event'],
  }),
];

const archive = buildArchive({ articles: ARTICLES, entities: ENTITIES, events: EVENTS });
const ids = (list: readonly { id: string }[]) => list.map((item) => item.id);
const person = (id: string) => archive.entity('person', id)!;

describe('buildArchive', () => {
  describe('articles', () => {
    it('should sort articles oldest first', () => {
      assert.deepEqual(ids(archive.articles), [
        'good-offices-offer', 'cassis-expected-in-moscow', 'cassis-meets-lavrov-in-moscow', 'osce-leaders-conclude-visit',
      ]);
    });

    it('should sort by the publication day in each article\'s own zone, then by instant', () => {
      // 00:30 in Zurich on the 6th is 23:30 UTC on the 5th: it still belongs to the 6th, after a story of the 5th.
      const built = buildArchive({
        articles: [
          article('zurich-after-midnight', '2026-02-06T00:30:00+01:00', { day: '2026-02-06' }),
          article('utc-evening', '2026-02-05T23:45:00Z', { day: '2026-02-05' }),
          article('zurich-noon', '2026-02-06T12:00:00+01:00', { day: '2026-02-06' }),
          article('utc-morning', '2026-02-06T06:00:00Z', { day: '2026-02-06' }),
        ],
        entities: [], events: [],
      });
      assert.deepEqual(ids(built.articles), ['utc-evening', 'zurich-after-midnight', 'utc-morning', 'zurich-noon']);
    });

    it('should order articles published at the same instant by title', () => {
      const built = buildArchive({
        articles: [article('b', '2026-02-06T10:00:00Z', { title: 'Zurich' }), article('a', '2026-02-06T11:00:00+01:00', { title: 'Bern' })],
        entities: [], events: [],
      });
      assert.deepEqual(ids(built.articles), ['a', 'b']);
    });

    it('should find an article by id', () => {
      assert.equal(archive.article('good-offices-offer')?.date, '2022-09-22T00:00:00+02:00');
      assert.equal(archive.article('no-such-article'), undefined);
    });

    it('should not change the records it was given', () => {
      assert.equal(ARTICLES[0]?.id, 'cassis-meets-lavrov-in-moscow');
    });
  });

  describe('years and months', () => {
    it('should group articles by year, oldest first, with a count per year', () => {
      assert.deepEqual(archive.years.map((year) => [year.year, year.articleCount]), [['2022', 1], ['2026', 3]]);
    });

    it('should group each year by month, oldest first', () => {
      const year2026 = archive.years.find((year) => year.year === '2026');
      assert.deepEqual(year2026?.months.map((month) => [month.month, ids(month.articles)]), [
        ['01', ['cassis-expected-in-moscow']],
        ['02', ['cassis-meets-lavrov-in-moscow', 'osce-leaders-conclude-visit']],
      ]);
    });

    it('should list every month once in the flat month list', () => {
      assert.deepEqual(archive.months.map((month) => `${month.year}-${month.month}`), ['2022-09', '2026-01', '2026-02']);
    });

    it("should file an article under its day in its own zone, not the UTC day", () => {
      // 1 March 00:30 in Zurich is still 28 February in UTC.
      const built = buildArchive({
        articles: [article('march-first', '2026-03-01T00:30:00+01:00', { day: '2026-03-01' })],
        entities: [], events: [],
      });
      assert.deepEqual(built.months.map((month) => `${month.year}-${month.month}`), ['2026-03']);
    });

    it('should give each month one group even when zones order instants and days differently', () => {
      const built = buildArchive({
        articles: [
          article('zurich-just-after-midnight', '2026-02-01T00:30:00+01:00', { day: '2026-02-01' }), // 2026-01-31T23:30Z
          article('utc-late-evening', '2026-01-31T23:45:00Z', { day: '2026-01-31' }),
          article('second-of-february', '2026-02-02T12:00:00Z', { day: '2026-02-02' }),
        ],
        entities: [], events: [],
      });
      const months = built.months.map((month) => `${month.year}-${month.month}`);
      assert.deepEqual(months, [...new Set(months)].sort());
    });
  });

  describe('entities and their timelines', () => {
    it('should sort entities by name', () => {
      assert.deepEqual(archive.entitiesOf('person').map((e) => e.name), ['Feridun Sinirlioğlu', 'Ignazio Cassis', 'Sergey Lavrov']);
    });

    it('should find an entity by kind and id, and only by its own kind', () => {
      assert.equal(archive.entity('place', 'moscow')?.name, 'Moscow');
      assert.equal(archive.entity('person', 'moscow'), undefined);
    });

    it("should list a person's articles oldest first", () => {
      assert.deepEqual(ids(archive.timelineOf(person('sergey-lavrov')).articles), [
        'good-offices-offer', 'cassis-expected-in-moscow', 'cassis-meets-lavrov-in-moscow',
      ]);
    });

    it("should list a person's events oldest first", () => {
      assert.deepEqual(ids(archive.timelineOf(person('ignazio-cassis')).events), ['new-york-meeting-2022', 'kyiv-visit-2026', 'moscow-visit-2026']);
    });

    it('should build timelines for organizations and places too', () => {
      assert.deepEqual(ids(archive.timelineOf(archive.entity('organization', 'osce')!).articles), ['cassis-meets-lavrov-in-moscow']);
      assert.deepEqual(ids(archive.timelineOf(archive.entity('place', 'moscow')!).articles), [
        'cassis-expected-in-moscow', 'cassis-meets-lavrov-in-moscow', 'osce-leaders-conclude-visit',
      ]);
    });

    it('should give an entity no article mentions an empty timeline', () => {
      const lonely = buildArchive({ articles: [], entities: [entity('person', 'nobody', 'Nobody')], events: [] });
      assert.deepEqual(lonely.timelineOf(lonely.entity('person', 'nobody')!), { articles: [], events: [] });
    });

    it('should list the entities of an article in the order the editor wrote them, skipping unknown ids', () => {
      const expected = archive.article('cassis-expected-in-moscow')!;
      assert.deepEqual(ids(archive.entitiesIn(expected, 'person')), ['ignazio-cassis', 'sergey-lavrov']);
      assert.deepEqual(ids(archive.entitiesIn(expected, 'place')), ['kyiv', 'moscow']);
    });

    it('should list the entities of an event', () => {
      const visit = archive.event('moscow-visit-2026')!;
      assert.deepEqual(ids(archive.entitiesIn(visit, 'person')), ['ignazio-cassis', 'sergey-lavrov']);
      assert.deepEqual(ids(archive.entitiesIn(visit, 'organization')), ['osce']);
    });
  });

  describe('events and their reports', () => {
    it('should sort events by date', () => {
      assert.deepEqual(ids(archive.events), ['new-york-meeting-2022', 'kyiv-visit-2026', 'moscow-visit-2026']);
    });

    it('should list the articles reporting an event, oldest first', () => {
      assert.deepEqual(ids(archive.reportsOf(archive.event('moscow-visit-2026')!)), ['cassis-meets-lavrov-in-moscow', 'osce-leaders-conclude-visit']);
      assert.deepEqual(ids(archive.reportsOf(archive.event('new-york-meeting-2022')!)), ['good-offices-offer']);
    });

    it('should list the events of an article, skipping unknown ids', () => {
      assert.deepEqual(ids(archive.eventsOf(archive.article('cassis-expected-in-moscow')!)), ['kyiv-visit-2026']);
    });
  });

  describe('related articles', () => {
    it('should prefer an article sharing an event over one sharing two people', () => {
      const built = buildArchive({
        articles: [
          article('subject', '2026-02-06T10:00:00Z', { people: ['ignazio-cassis', 'sergey-lavrov'], events: ['moscow-visit-2026'] }),
          article('same-people', '2026-02-07T10:00:00Z', { people: ['ignazio-cassis', 'sergey-lavrov'] }),
          article('same-event', '2026-02-05T10:00:00Z', { events: ['moscow-visit-2026'] }),
          article('unrelated', '2026-02-06T11:00:00Z', { people: ['feridun-sinirlioglu'] }),
        ],
        entities: ENTITIES, events: EVENTS,
      });
      assert.deepEqual(ids(built.relatedTo(built.article('subject')!)), ['same-event', 'same-people']);
    });

    it('should never list an article as related to itself', () => {
      for (const item of archive.articles) assert.ok(!ids(archive.relatedTo(item)).includes(item.id), item.id);
    });

    it('should list newer articles first among equally related ones', () => {
      const built = buildArchive({
        articles: [
          article('subject', '2026-02-06T10:00:00Z', { places: ['moscow'] }),
          article('older', '2026-01-01T10:00:00Z', { places: ['moscow'] }),
          article('newer', '2026-03-01T10:00:00Z', { places: ['moscow'] }),
        ],
        entities: ENTITIES, events: EVENTS,
      });
      assert.deepEqual(ids(built.relatedTo(built.article('subject')!)), ['newer', 'older']);
    });

    it('should list at most five related articles', () => {
      const many = Array.from({ length: 8 }, (_, i) => article(`moscow-${i}`, `2026-02-0${i + 1}T10:00:00Z`, { places: ['moscow'] }));
      const built = buildArchive({ articles: many, entities: ENTITIES, events: EVENTS });
      assert.equal(built.relatedTo(built.article('moscow-0')!).length, 5);
    });

    it('should give an article that shares nothing no related articles', () => {
      const built = buildArchive({
        articles: [article('a', '2026-02-06T10:00:00Z', { places: ['moscow'] }), article('b', '2026-02-06T11:00:00Z', { places: ['kyiv'] })],
        entities: ENTITIES, events: EVENTS,
      });
      assert.deepEqual(built.relatedTo(built.article('a')!), []);
    });
  });
});

describe('API exports', () => {
  const exports = apiExports(archive);
  const byPath = new Map(exports.map((item) => [item.path, item.value()]));

  it('should write the six export files, the sixth for TimelineJS', () => {
    assert.deepEqual(exports.map((item) => item.path), [
      '/api/articles.json', '/api/people.json', '/api/organizations.json', '/api/places.json', '/api/events.json', '/api/timeline.json',
    ]);
  });

  it('should validate articles.json against its schema', () => {
    const result = articlesExportSchema.safeParse(byPath.get('/api/articles.json'));
    assert.ok(result.success, JSON.stringify(result.error?.issues));
  });

  it('should validate people.json, organizations.json and places.json against the entity schema', () => {
    for (const file of ['/api/people.json', '/api/organizations.json', '/api/places.json']) {
      const result = entitiesExportSchema.safeParse(byPath.get(file));
      assert.ok(result.success, `${file}: ${JSON.stringify(result.error?.issues)}`);
    }
  });

  it('should validate events.json against its schema', () => {
    const result = eventsExportSchema.safeParse(byPath.get('/api/events.json'));
    assert.ok(result.success, JSON.stringify(result.error?.issues));
  });

  it('should survive a JSON round trip unchanged', () => {
    for (const [path, value] of byPath) assert.deepEqual(JSON.parse(JSON.stringify(value)), value, path);
  });

  it('should export articles oldest first with their URL and offset date', () => {
    const [first] = exportArticles(archive);
    assert.deepEqual(first, {
      id: 'good-offices-offer',
      url: '/articles/good-offices-offer/',
      title: 'good-offices-offer',
      date: '2022-09-22T00:00:00+02:00',
      source: { name: 'Keystone-SDA', url: null },
      language: 'en',
      people: ['ignazio-cassis', 'sergey-lavrov'],
      organizations: ['united-nations'],
      places: ['new-york'],
      events: ['new-york-meeting-2022'],
      dates: [],
    });
  });

  it('should export each person with the ids of the articles that mention them', () => {
    const lavrov = exportEntities(archive, 'person').find((item) => item.id === 'sergey-lavrov');
    assert.deepEqual(lavrov, {
      id: 'sergey-lavrov',
      url: '/people/sergey-lavrov/',
      name: 'Sergey Lavrov',
      aliases: ['Sergei Lavrov'],
      curated: true,
      articles: ['good-offices-offer', 'cassis-expected-in-moscow', 'cassis-meets-lavrov-in-moscow'],
    });
  });

  it('should export only entities of the asked kind', () => {
    assert.deepEqual(exportEntities(archive, 'place').map((item) => item.url), ['/places/kyiv/', '/places/moscow/', '/places/new-york/']);
  });

  it('should export each event with its reports, and an end date only when there is one', () => {
    const events = exportEvents(archive);
    const moscow = events.find((item) => item.id === 'moscow-visit-2026');
    assert.equal(moscow?.url, '/events/moscow-visit-2026/');
    assert.deepEqual(moscow?.articles, ['cassis-meets-lavrov-in-moscow', 'osce-leaders-conclude-visit']);
    assert.equal(moscow !== undefined && 'endDate' in moscow, false);
    assert.equal(events.find((item) => item.id === 'kyiv-visit-2026')?.endDate, '2026-02-05');
  });

  it('should reject an export with an unexpected field, so the schemas are strict', () => {
    const [first] = exportArticles(archive);
    assert.equal(articlesExportSchema.safeParse([{ ...first, body: 'leaked' }]).success, false);
  });
});
