import type { Archive } from '../../src/archive/archive.ts';
import { articleUrl, entityUrl, eventUrl } from '../../src/archive/urls.ts';
import type { Article, Entity, EntityKind, Event } from '../../src/content/schemas.ts';
import { foldedWords } from '../../src/extract/text.ts';
import { htmlToText, type ArticleRef, type EntityLd, type EntityRef, type EventLd, type NewsArticleLd } from '../../src/render/json-ld.ts';
import { publishedUrl, type Site } from '../../src/site/site-config.ts';

/*
 * schema.org JSON-LD for article, event and entity pages, built from the typed records. Pages embed
 * it through `page({ structuredData })`, which serialises it safely.
 */

/** Stories an event's node names as `subjectOf`, and spellings an entity's names: the page lists the rest. */
const SUBJECT_OF = 20;
const ALTERNATE_NAMES = 20;

const SCHEMA_TYPE = { person: 'Person', organization: 'Organization', place: 'Place' } as const satisfies Record<EntityKind, EntityRef['@type']>;

export function wikidataUrl(id: string): string {
  return `https://www.wikidata.org/wiki/${id}`;
}

/** An entity as other nodes refer to it: name, its page, and Wikidata when known. */
export function entityRef(entity: Entity, site: Site): EntityRef {
  return {
    '@type': SCHEMA_TYPE[entity.kind],
    name: entity.name,
    url: publishedUrl(site, entityUrl(entity.kind, entity.id)),
    ...(entity.wikidata ? { sameAs: wikidataUrl(entity.wikidata) } : {}),
  };
}

export interface ArticleDataOptions {
  /** When the article last changed (a correction); the publication date until then. ISO 8601 with offset. */
  modified?: string | undefined;
}

/**
 * `NewsArticle` for an article page. The source is both author and publisher (records name no
 * writer); when the registry has an organization by the source's name, the node links to it. The
 * entities the headline names are what the story is `about`; the others are `mentions`.
 */
export function articleStructuredData(archive: Archive, article: Article, site: Site, options: ArticleDataOptions = {}): NewsArticleLd {
  const url = publishedUrl(site, articleUrl(article.id));
  const source = sourceRef(archive, article.source.name, site);
  const entities = (['person', 'organization', 'place'] as const).flatMap((kind) => archive.entitiesIn(article, kind));
  const headline = foldedWords(article.title);
  const about = entities.filter((entity) => namedIn(headline, entity, entities));
  const mentions = entities.filter((entity) => !about.includes(entity));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    datePublished: article.date,
    dateModified: options.modified ?? article.date,
    inLanguage: article.language,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    ...(article.summary ? { description: article.summary } : {}),
    author: source,
    publisher: source,
    ...(article.source.url ? { isBasedOn: article.source.url } : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags } : {}),
    ...(about.length > 0 ? { about: about.map((entity) => entityRef(entity, site)) } : {}),
    ...(mentions.length > 0 ? { mentions: mentions.map((entity) => entityRef(entity, site)) } : {}),
  };
}

/**
 * `Event` for an event page: dates written only as precisely as they are known ("2026-02" for a
 * month), its places, the people and organizations taking part, and the stories that report it.
 */
export function eventStructuredData(archive: Archive, event: Event, site: Site): EventLd {
  const places = archive.entitiesIn(event, 'place');
  const attendees = [...archive.entitiesIn(event, 'person'), ...archive.entitiesIn(event, 'organization')];
  const reports = archive.reportsOf(event);
  const description = htmlToText(event.summaryHtml);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    url: publishedUrl(site, eventUrl(event.id)),
    startDate: atPrecision(event.date, event.precision),
    // The end date is written with its own precision ("2026-02-10" to "2026-03").
    ...(event.endDate ? { endDate: event.endDate } : {}),
    ...(description ? { description } : {}),
    ...(places.length > 0 ? { location: places.map((place) => entityRef(place, site)) } : {}),
    ...(attendees.length > 0 ? { attendee: attendees.map((entity) => entityRef(entity, site)) } : {}),
    ...(reports.length > 0 ? { subjectOf: reports.slice(0, SUBJECT_OF).map((article) => articleRef(article, site)) } : {}),
  };
}

/** `Person`, `Organization` or `Place` for an entity page. */
export function entityStructuredData(archive: Archive, entity: Entity, site: Site): EntityLd {
  const description = entity.description || htmlToText(entity.bioHtml);
  const country = entity.kind === 'place' && entity.country ? entity.country : undefined;
  const countryPlace = country ? archive.entityNamed('place', country) : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': SCHEMA_TYPE[entity.kind],
    name: entity.name,
    url: publishedUrl(site, entityUrl(entity.kind, entity.id)),
    ...(entity.aliases.length > 0 ? { alternateName: entity.aliases.slice(0, ALTERNATE_NAMES) } : {}),
    ...(description ? { description } : {}),
    ...(entity.kind === 'person' && entity.roles.length > 0 ? { jobTitle: entity.roles } : {}),
    ...(entity.wikidata ? { sameAs: wikidataUrl(entity.wikidata) } : {}),
    ...(country
      ? { containedInPlace: { '@type': 'Country' as const, name: country, ...(countryPlace && countryPlace !== entity ? { url: publishedUrl(site, entityUrl('place', countryPlace.id)) } : {}) } }
      : {}),
  };
}

function articleRef(article: Article, site: Site): ArticleRef {
  return { '@type': 'NewsArticle', headline: article.title, url: publishedUrl(site, articleUrl(article.id)), datePublished: article.date };
}

/** The source as an organization: the registry's entry when it has one by that name or alias (an index lookup, not a scan per page). */
function sourceRef(archive: Archive, name: string, site: Site): EntityRef {
  const registered = archive.entityNamed('organization', name);
  return registered ? { ...entityRef(registered, site), name } : { '@type': 'Organization', name };
}

/**
 * Whether the (folded) words of a text contain the entity's name or one of its aliases; a person also
 * by surname alone ("Lavrov"), when no other person of the story shares it.
 */
function namedIn(words: readonly string[], entity: Entity, others: readonly Entity[]): boolean {
  const names = [entity.name, ...entity.aliases].map((name) => foldedWords(name)).filter((name) => name.length > 0);
  const surname = entity.kind === 'person' ? foldedWords(entity.name).at(-1) : undefined;
  if (surname && !others.some((other) => other !== entity && other.kind === 'person' && foldedWords(other.name).at(-1) === surname)) {
    names.push([surname]);
  }
  return names.some((needle) => {
    for (let start = 0; start + needle.length <= words.length; start += 1) {
      if (needle.every((word, offset) => words[start + offset] === word)) return true;
    }
    return false;
  });
}

/** An event date no more precise than the event is known: "2026-02" for a month. */
function atPrecision(iso: string, precision: Event['precision']): string {
  return iso.slice(0, precision === 'year' ? 4 : precision === 'month' ? 7 : 10);
}
