import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { page } from '../../layouts/_components/page.ts';
import { articleStructuredData, entityStructuredData, eventStructuredData } from '../../layouts/_components/structured-data.ts';
import { buildArchive } from '../../src/archive/build-archive.ts';
import type { Article } from '../../src/content/schemas.ts';
import { html } from '../../src/render/html.ts';
import { entityNodeSchema, eventSchema, htmlToText, newsArticleSchema, serializeJsonLd } from '../../src/render/json-ld.ts';
import type { Site } from '../../src/site/site-config.ts';
import { entityRecord as entity, eventRecord as event } from './records.ts';

const ABSOLUTE: Site = { title: 'Diplomacy Archive', url: 'https://example.org/news/', pathPrefix: '/news/' };
const RELATIVE: Site = { title: 'Chronicle', url: null, pathPrefix: '/archive/' };
const ROOT: Site = { title: 'Chronicle', url: null, pathPrefix: '/' };

function article(id: string, fields: Partial<Article> = {}): Article {
  return {
    id, file: `content/articles/${id}.md`, title: id, date: '2026-02-06T17:00:00+01:00', day: '2026-02-06',
    source: { name: 'Keystone-SDA', url: null }, language: 'en', summary: '', tags: [],
    people: [], organizations: [], places: [], events: [], dates: [], ...fields,
  };
}

const ENTITIES = [
  entity('person', 'ignazio-cassis', 'Ignazio Cassis', { wikidata: 'Q39549', roles: ['Foreign Minister of Switzerland', 'OSCE Chairman'], aliases: ['Cassis'], description: 'Swiss foreign minister.' }),
  entity('person', 'sergey-lavrov', 'Sergey Lavrov', { aliases: ['Sergei Lavrov'], bioHtml: '<p>Russia&#39;s foreign minister since 2004 &amp; more.</p>\n' }),
  entity('organization', 'osce', 'OSCE', { wikidata: 'Q81299', roles: [] }),
  entity('organization', 'keystone-sda', 'Keystone-SDA', { aliases: ['SDA'], wikidata: 'Q1737163' }),
  entity('place', 'moscow', 'Moscow', { country: 'Russia', wikidata: 'Q649' }),
  entity('place', 'russia', 'Russia'),
  entity('place', 'kyiv', 'Kyiv', { aliases: ['Kiev'] }),
];

const MOSCOW = article('cassis-in-moscow', {
  title: 'Cassis holds talks with Lavrov in Moscow',
  summary: 'The OSCE chairman met Russia’s foreign minister.',
  source: { name: 'OSCE press office', url: 'https://www.osce.org/chairpersonship/662059' },
  tags: ['diplomacy', 'osce'],
  people: ['ignazio-cassis', 'sergey-lavrov'],
  organizations: ['osce'],
  places: ['moscow', 'kyiv'],
  events: ['moscow-visit-2026'],
});
const AGENCY = article('agency-copy', { title: 'Agency copy', date: '2026-02-02T09:00:00+01:00', day: '2026-02-02', language: 'de', events: ['moscow-visit-2026'] });
const HOSTILE = article('hostile', { title: "Report </script><script>alert(1)</script> <!-- & \u2028 done", summary: '<b>bold</b> </SCRIPT>' });

const EVENTS = [
  event('moscow-visit-2026', '2026-02-06', {
    title: 'Cassis visits Moscow', people: ['ignazio-cassis', 'sergey-lavrov'], organizations: ['osce'], places: ['moscow'],
    summaryHtml: '<p>Talks on the <em>OSCE</em> &amp; Ukraine.</p>\n<p>Second&nbsp;paragraph.</p>\n',
  }),
  event('kyiv-visit-2026', '2026-02-06', { precision: 'month', endDate: '2026-03', places: ['kyiv'] }),
  event('year-of-talks', '2026', { precision: 'year' }),
];

const archive = buildArchive({ articles: [MOSCOW, AGENCY, HOSTILE], entities: ENTITIES, events: EVENTS });
const find = <T extends { id: string }>(list: readonly T[], id: string): T => list.find((item) => item.id === id)!;

describe('JSON-LD serialisation', () => {
  it('should escape <, >, & and U+2028/U+2029 so nothing can end the script element, and parse back to the same value', () => {
    const value = { headline: '</script><script>alert(1)</script> <!-- --> & \u2028\u2029' };
    const json = serializeJsonLd(value);
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
    assert.ok(json.includes('\\u003c/script\\u003e'), json);
    assert.ok(json.includes('\\u2028\\u2029'), json);
    assert.deepEqual(JSON.parse(json), value);
  });

  it('should turn rendered HTML into plain text for descriptions', () => {
    assert.equal(htmlToText('<p>Talks on the <em>OSCE</em> &amp; Ukraine.</p>\n<p>It&#39;s&nbsp;&#x263A; &lt;b&gt;</p>'), "Talks on the OSCE & Ukraine. It's \u263a <b>");
  });
});

describe('NewsArticle JSON-LD', () => {
  const data = articleStructuredData(archive, MOSCOW, ABSOLUTE);

  it('should describe the article with its headline, dates, language, summary and original', () => {
    assert.equal(newsArticleSchema.safeParse(data).success, true);
    assert.equal(data['@type'], 'NewsArticle');
    assert.equal(data.headline, 'Cassis holds talks with Lavrov in Moscow');
    assert.equal(data.datePublished, '2026-02-06T17:00:00+01:00');
    assert.equal(data.dateModified, '2026-02-06T17:00:00+01:00');
    assert.equal(data.inLanguage, 'en');
    assert.equal(data.description, 'The OSCE chairman met Russia’s foreign minister.');
    assert.equal(data.isBasedOn, 'https://www.osce.org/chairpersonship/662059');
    assert.deepEqual(data.keywords, ['diplomacy', 'osce']);
  });

  it('should take a modification date when the article has been corrected', () => {
    const corrected = articleStructuredData(archive, MOSCOW, ABSOLUTE, { modified: '2026-02-07T10:00:00+01:00' });
    assert.equal(corrected.datePublished, '2026-02-06T17:00:00+01:00');
    assert.equal(corrected.dateModified, '2026-02-07T10:00:00+01:00');
  });

  it('should name the source as publisher and author, linked to the registry when it has the organization', () => {
    assert.deepEqual(data.publisher, { '@type': 'Organization', name: 'OSCE press office' });
    assert.deepEqual(data.author, data.publisher);
    const agency = articleStructuredData(archive, AGENCY, ABSOLUTE);
    assert.deepEqual(agency.publisher, { '@type': 'Organization', name: 'Keystone-SDA', url: 'https://example.org/news/organizations/keystone-sda/', sameAs: 'https://www.wikidata.org/wiki/Q1737163' });
    assert.equal(agency.isBasedOn, undefined);
    assert.equal(agency.inLanguage, 'de');
    assert.equal(agency.description, undefined, 'no empty description');
  });

  it('should give absolute URLs when the site has an address', () => {
    assert.equal(data.url, 'https://example.org/news/articles/cassis-in-moscow/');
    assert.deepEqual(data.mainEntityOfPage, { '@type': 'WebPage', '@id': 'https://example.org/news/articles/cassis-in-moscow/' });
  });

  it('should give site-relative URLs under the path prefix when it has none', () => {
    const relative = articleStructuredData(archive, MOSCOW, RELATIVE);
    assert.equal(relative.url, '/archive/articles/cassis-in-moscow/');
    assert.equal(relative.mentions?.find((node) => node.name === 'Kyiv')?.url, '/archive/places/kyiv/');
    assert.equal(articleStructuredData(archive, MOSCOW, ROOT).url, '/articles/cassis-in-moscow/');
  });

  it('should link the entities the headline names as about, the others as mentions, with Wikidata as sameAs', () => {
    assert.deepEqual(data.about, [
      { '@type': 'Person', name: 'Ignazio Cassis', url: 'https://example.org/news/people/ignazio-cassis/', sameAs: 'https://www.wikidata.org/wiki/Q39549' },
      { '@type': 'Person', name: 'Sergey Lavrov', url: 'https://example.org/news/people/sergey-lavrov/' },
      { '@type': 'Place', name: 'Moscow', url: 'https://example.org/news/places/moscow/', sameAs: 'https://www.wikidata.org/wiki/Q649' },
    ]);
    assert.deepEqual(data.mentions, [
      { '@type': 'Organization', name: 'OSCE', url: 'https://example.org/news/organizations/osce/', sameAs: 'https://www.wikidata.org/wiki/Q81299' },
      { '@type': 'Place', name: 'Kyiv', url: 'https://example.org/news/places/kyiv/' },
    ]);
    assert.equal(articleStructuredData(archive, AGENCY, ABSOLUTE).about, undefined, 'no empty lists');
  });
});

describe('Event JSON-LD', () => {
  it('should describe the event with its day, places, participants, summary text and reports', () => {
    const data = eventStructuredData(archive, find(archive.events, 'moscow-visit-2026'), ABSOLUTE);
    assert.equal(eventSchema.safeParse(data).success, true);
    assert.equal(data.name, 'Cassis visits Moscow');
    assert.equal(data.url, 'https://example.org/news/events/moscow-visit-2026/');
    assert.equal(data.startDate, '2026-02-06');
    assert.equal(data.endDate, undefined);
    assert.equal(data.description, 'Talks on the OSCE & Ukraine. Second paragraph.');
    assert.deepEqual(data.location, [{ '@type': 'Place', name: 'Moscow', url: 'https://example.org/news/places/moscow/', sameAs: 'https://www.wikidata.org/wiki/Q649' }]);
    assert.deepEqual(data.attendee?.map((node) => [node['@type'], node.name]), [['Person', 'Ignazio Cassis'], ['Person', 'Sergey Lavrov'], ['Organization', 'OSCE']]);
    assert.deepEqual(data.subjectOf, [
      { '@type': 'NewsArticle', headline: 'Agency copy', url: 'https://example.org/news/articles/agency-copy/', datePublished: '2026-02-02T09:00:00+01:00' },
      { '@type': 'NewsArticle', headline: 'Cassis holds talks with Lavrov in Moscow', url: 'https://example.org/news/articles/cassis-in-moscow/', datePublished: '2026-02-06T17:00:00+01:00' },
    ]);
  });

  it('should write dates only as precisely as they are known', () => {
    const month = eventStructuredData(archive, find(archive.events, 'kyiv-visit-2026'), RELATIVE);
    assert.equal(month.startDate, '2026-02');
    assert.equal(month.endDate, '2026-03');
    assert.equal(month.url, '/archive/events/kyiv-visit-2026/');
    const year = eventStructuredData(archive, find(archive.events, 'year-of-talks'), RELATIVE);
    assert.equal(year.startDate, '2026');
    assert.equal(year.location, undefined);
    assert.equal(year.description, undefined);
    assert.equal(year.subjectOf, undefined);
  });
});

describe('Person, Organization and Place JSON-LD', () => {
  it('should describe a person with aliases, description, roles as job titles and Wikidata', () => {
    const data = entityStructuredData(archive, find(archive.entities, 'ignazio-cassis'), ABSOLUTE);
    assert.equal(entityNodeSchema.safeParse(data).success, true);
    assert.deepEqual(data, {
      '@context': 'https://schema.org', '@type': 'Person', name: 'Ignazio Cassis', url: 'https://example.org/news/people/ignazio-cassis/',
      alternateName: ['Cassis'], description: 'Swiss foreign minister.', jobTitle: ['Foreign Minister of Switzerland', 'OSCE Chairman'],
      sameAs: 'https://www.wikidata.org/wiki/Q39549',
    });
  });

  it('should fall back to the biography text for the description, and leave out what is unknown', () => {
    const data = entityStructuredData(archive, find(archive.entities, 'sergey-lavrov'), RELATIVE);
    assert.equal(data.description, "Russia's foreign minister since 2004 & more.");
    assert.equal(data.sameAs, undefined);
    assert.equal(data.url, '/archive/people/sergey-lavrov/');
  });

  it('should give an organization no job title, and a place its country', () => {
    const osce = entityStructuredData(archive, find(archive.entities, 'osce'), ABSOLUTE);
    assert.equal(osce['@type'], 'Organization');
    assert.equal(osce.jobTitle, undefined);
    assert.equal(osce.sameAs, 'https://www.wikidata.org/wiki/Q81299');
    const moscow = entityStructuredData(archive, find(archive.entities, 'moscow'), ABSOLUTE);
    assert.equal(moscow['@type'], 'Place');
    assert.deepEqual(moscow.containedInPlace, { '@type': 'Country', name: 'Russia', url: 'https://example.org/news/places/russia/' });
    assert.deepEqual(entityStructuredData(archive, find(archive.entities, 'kyiv'), ABSOLUTE).alternateName, ['Kiev']);
  });
});

describe('page(): structured data and social meta', () => {
  const hostilePage = page({
    title: HOSTILE.title,
    description: HOSTILE.summary,
    language: 'fr-CH',
    site: ABSOLUTE,
    url: '/articles/hostile/',
    article: { publishedTime: HOSTILE.date },
    structuredData: articleStructuredData(archive, HOSTILE, ABSOLUTE),
    body: html`<p>Body</p>`,
  });
  const document = new JSDOM(hostilePage).window.document;
  const meta = metaOf(document);

  it('should embed the JSON-LD so that a <script> in a title stays text and no other script appears', () => {
    const scripts = [...document.querySelectorAll('script')];
    assert.equal(scripts.length, 1, hostilePage);
    assert.equal(scripts[0]!.getAttribute('type'), 'application/ld+json');
    assert.equal(scripts[0]!.parentElement?.tagName, 'HEAD');
    const data = newsArticleSchema.parse(JSON.parse(scripts[0]!.textContent ?? ''));
    assert.equal(data.headline, HOSTILE.title);
    assert.equal(data.description, HOSTILE.summary);
    assert.ok(!hostilePage.includes('<script>alert(1)'), 'no live script');
    assert.ok(!/<!--/.test(hostilePage), 'no comment opened by content');
  });

  it('should write Open Graph and Twitter meta, escaped', () => {
    assert.equal(meta('og:title'), HOSTILE.title);
    assert.equal(meta('og:description'), HOSTILE.summary);
    assert.equal(meta('og:type'), 'article');
    assert.equal(meta('og:url'), 'https://example.org/news/articles/hostile/');
    assert.equal(meta('og:site_name'), 'Diplomacy Archive');
    assert.equal(meta('og:locale'), 'fr_CH');
    assert.equal(meta('article:published_time'), HOSTILE.date);
    assert.equal(meta('twitter:card'), 'summary');
    assert.equal(meta('twitter:title'), HOSTILE.title);
    assert.equal(meta('twitter:description'), HOSTILE.summary);
    assert.ok(hostilePage.includes('content="Report &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- &amp;'), 'escaped by the html tag');
  });

  it('should write a plain page as a website, without og:url when the site has no address, and without JSON-LD', () => {
    const plain = page({ title: 'Events', description: 'All events.', site: RELATIVE, url: '/events/', body: html`<p>x</p>` });
    const plainMeta = metaOf(new JSDOM(plain).window.document);
    assert.equal(plainMeta('og:type'), 'website');
    assert.equal(plainMeta('og:title'), 'Events');
    assert.equal(plainMeta('og:url'), undefined);
    assert.equal(plainMeta('og:locale'), undefined);
    assert.equal(plainMeta('article:published_time'), undefined);
    assert.equal(plainMeta('og:site_name'), 'Chronicle');
    assert.equal(plain.includes('application/ld+json'), false);
  });

  it('should write one script element per node when given several', () => {
    const two = page({
      title: 'Two', description: 'Two nodes.', body: html``,
      structuredData: [entityStructuredData(archive, find(archive.entities, 'osce'), ROOT), entityStructuredData(archive, find(archive.entities, 'moscow'), ROOT)],
    });
    const names = [...new JSDOM(two).window.document.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent ?? '').name);
    assert.deepEqual(names, ['OSCE', 'Moscow']);
  });
});

/** The content of a page's meta element by property (Open Graph) or name (Twitter). */
function metaOf(document: Document): (key: string) => string | undefined {
  return (key) => document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? undefined;
}
