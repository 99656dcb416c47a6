import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildArchive } from '../../src/archive/build-archive.ts';
import type { Article, Entity, EventReport } from '../../src/content/schemas.ts';
import { apiExports, exportEvents } from '../../src/export/api-exports.ts';
import { eventsExportSchema } from '../../src/export/api-schemas.ts';
import { timelineSchema, type TimelineEvent } from '../../src/export/timelinejs-schema.ts';
import { exportTimeline } from '../../src/export/timelinejs.ts';
import { eventRecord as event, entityRecord } from './records.ts';

function article(id: string, date: string, fields: Partial<Article> = {}): Article {
  return {
    id, file: `content/articles/${id}.md`, title: id, date, day: date.slice(0, 10),
    source: { name: 'Keystone-SDA', url: null }, language: 'en', summary: '', tags: [],
    people: [], organizations: [], places: [], events: [], dates: [], ...fields,
  };
}

const place = (id: string, name: string): Entity => entityRecord('place', id, name);

const report = (id: string, role: EventReport['role'] = 'main'): EventReport => ({ article: id, role, claims: [] });

const SCRIPT = '<script>alert(1)</script>';

const EVENTS = [
  event('moscow-visit', '2026-02-06', {
    title: `Cassis in Moscow ${SCRIPT}`,
    places: ['moscow', 'kyiv'],
    summaryHtml: '<p>The <em>OSCE</em> chair visits Moscow.</p>\n',
    reports: [report('visit-announced', 'mention'), report('cassis-meets-lavrov'), report('visit-concludes')],
  }),
  event('kyiv-talks', '2026-02-03', { precision: 'month', endDate: '2026-02-10', places: ['nowhere', 'kyiv'], curated: false, reports: [report('visit-announced')] }),
  event('ceasefire-2025', '2025-03-14', { precision: 'year', endDate: '2025-06' }),
];

// Not in date order: the archive sorts them, and the reports follow publication order.
const ARTICLES = [
  article('visit-concludes', '2026-02-07T12:00:00+01:00', {
    title: `Visit ends ${SCRIPT}`, events: ['moscow-visit'],
    source: { name: 'Tass & <b>Partners</b>', url: 'https://tass.example/a?x=1&y="2"' },
  }),
  article('cassis-meets-lavrov', '2026-02-06T09:00:00+01:00', {
    title: 'Cassis meets Lavrov', events: ['moscow-visit'], source: { name: 'SRF', url: 'https://www.srf.ch/news/1' },
  }),
  article('visit-announced', '2026-01-30T09:00:00Z', {
    title: 'Visit announced', events: ['moscow-visit', 'kyiv-talks'], source: { name: 'Evil', url: 'javascript:alert(1)' },
  }),
];

const archive = buildArchive({
  articles: ARTICLES,
  entities: [place('moscow', 'Moscow <Russia>'), place('kyiv', 'Kyiv')],
  events: EVENTS,
});
const timeline = exportTimeline(archive);
const slide = (id: string): TimelineEvent => {
  const found = timeline.events.find((item) => item.unique_id === id);
  assert.ok(found, `no slide ${id}`);
  return found;
};

describe('TimelineJS export (/api/timeline.json)', () => {
  it('should be one of the API exports', () => {
    const file = apiExports(archive).find((item) => item.path === '/api/timeline.json');
    assert.deepEqual(file?.value(), timeline);
  });

  it('should parse with the TimelineJS schema and survive a JSON round trip', () => {
    const result = timelineSchema.safeParse(JSON.parse(JSON.stringify(timeline)));
    assert.ok(result.success, JSON.stringify(result.error?.issues));
    assert.deepEqual(result.data, timeline);
  });

  it('should make one slide per event, in date order, with the event id as unique_id', () => {
    assert.deepEqual(timeline.events.map((item) => item.unique_id), ['ceasefire-2025', 'kyiv-talks', 'moscow-visit']);
  });

  it('should turn off autolinking, since the text carries its own links', () => {
    assert.deepEqual(timeline.events.map((item) => item.autolink), [false, false, false]);
  });

  it('should give a day-precision event its year, month and day as numbers', () => {
    assert.deepEqual(slide('moscow-visit').start_date, { year: 2026, month: 2, day: 6 });
  });

  it('should give a month-precision event no day, even when the date names one', () => {
    assert.deepEqual(slide('kyiv-talks').start_date, { year: 2026, month: 2 });
  });

  it('should give a year-precision event only its year, even when the date names a month and day', () => {
    assert.deepEqual(slide('ceasefire-2025').start_date, { year: 2025 });
  });

  it('should map endDate to end_date as precisely as it is written, and leave it out when there is none', () => {
    assert.deepEqual(slide('kyiv-talks').end_date, { year: 2026, month: 2, day: 10 });
    assert.deepEqual(slide('ceasefire-2025').end_date, { year: 2025, month: 6 });
    assert.equal('end_date' in slide('moscow-visit'), false);
  });

  it('should link the headline to the event page and escape a <script> in the title', () => {
    const { headline } = slide('moscow-visit').text;
    assert.equal(headline, '<a href="/events/moscow-visit/">Cassis in Moscow &lt;script&gt;alert(1)&lt;/script&gt;</a>');
    assert.doesNotMatch(headline, /<script/);
  });

  it('should put the trusted summary first, then the sources', () => {
    const { text } = slide('moscow-visit').text;
    assert.ok(text.startsWith('<p>The <em>OSCE</em> chair visits Moscow.</p>\n<p>Sources:</p><ul>'), text);
  });

  it('should list every report as a source, oldest first, linked to its page and to its original', () => {
    const { text } = slide('moscow-visit').text;
    const items = [...text.matchAll(/<li>(.*?)<\/li>/g)].map((match) => match[1]);
    assert.deepEqual(items, [
      '<a href="/articles/visit-announced/">Visit announced</a> (Evil)',
      '<a href="/articles/cassis-meets-lavrov/">Cassis meets Lavrov</a> (<a href="https://www.srf.ch/news/1">SRF</a>)',
      '<a href="/articles/visit-concludes/">Visit ends &lt;script&gt;alert(1)&lt;/script&gt;</a> '
        + '(<a href="https://tass.example/a?x=1&amp;y=&quot;2&quot;">Tass &amp; &lt;b&gt;Partners&lt;/b&gt;</a>)',
    ]);
  });

  it('should never put a script, or a javascript: address, into the text', () => {
    for (const item of timeline.events) {
      assert.doesNotMatch(item.text.text, /<script|<b>|javascript:/, item.unique_id);
    }
  });

  it('should leave the sources out of an event no story reports', () => {
    assert.equal(slide('ceasefire-2025').text.text, '');
  });

  it("should group by the event's first known place name, escaped, and leave the group out without one", () => {
    assert.equal(slide('moscow-visit').group, 'Moscow &lt;Russia&gt;');
    assert.equal(slide('kyiv-talks').group, 'Kyiv');
    assert.equal('group' in slide('ceasefire-2025'), false);
  });

  it('should open with a title slide naming the archive and counting events and stories', () => {
    assert.deepEqual(timeline.title, { text: { headline: 'Chronicle', text: '<p>3 events reported in 3 stories.</p>' } });
  });

  it('should fail the schema for dates TimelineJS cannot read and for repeated ids', () => {
    const [first] = timeline.events;
    assert.ok(first);
    const withDate = (start_date: unknown) => ({ events: [{ ...first, start_date }] });
    assert.equal(timelineSchema.safeParse(withDate({ year: 2026, day: 6 })).success, false, 'day without month');
    assert.equal(timelineSchema.safeParse(withDate({ year: 2026, month: 13 })).success, false, 'month 13');
    assert.equal(timelineSchema.safeParse(withDate({ year: '2026' })).success, false, 'year as text');
    assert.equal(timelineSchema.safeParse({ events: [first, first] }).success, false, 'repeated unique_id');
    assert.equal(timelineSchema.safeParse({ events: [{ ...first, start_date: undefined }] }).success, false, 'no start_date');
  });
});

describe('events export (/api/events.json) with precision and curated', () => {
  const events = exportEvents(archive);
  const byId = (id: string) => events.find((item) => item.id === id);

  it('should validate against its schema', () => {
    const result = eventsExportSchema.safeParse(events);
    assert.ok(result.success, JSON.stringify(result.error?.issues));
  });

  it('should carry each event precision and whether an editor curated it', () => {
    assert.deepEqual(events.map(({ id, precision, curated }) => ({ id, precision, curated })), [
      { id: 'ceasefire-2025', precision: 'year', curated: true },
      { id: 'kyiv-talks', precision: 'month', curated: false },
      { id: 'moscow-visit', precision: 'day', curated: true },
    ]);
  });

  it('should list the reporting articles in report order, oldest first', () => {
    const moscow = EVENTS.find((item) => item.id === 'moscow-visit');
    assert.deepEqual(byId('moscow-visit')?.articles, moscow?.reports.map((item) => item.article));
    assert.deepEqual(byId('moscow-visit')?.articles, ['visit-announced', 'cassis-meets-lavrov', 'visit-concludes']);
    assert.deepEqual(byId('ceasefire-2025')?.articles, []);
  });

  it('should reject an event without precision or curated, so consumers can rely on both', () => {
    const moscow = byId('moscow-visit');
    assert.ok(moscow);
    const { precision: _precision, ...noPrecision } = moscow;
    const { curated: _curated, ...notCurated } = moscow;
    assert.equal(eventsExportSchema.safeParse([noPrecision]).success, false);
    assert.equal(eventsExportSchema.safeParse([notCurated]).success, false);
    assert.equal(eventsExportSchema.safeParse([{ ...moscow, precision: 'week' }]).success, false);
  });
});
