import type { Archive } from '../archive/archive.ts';
import { articleUrl, entityUrl, eventUrl } from '../archive/urls.ts';
import type { EntityKind } from '../content/schemas.ts';
import type { ArticleExport, EntityExport, EventExport } from './api-schemas.ts';
import type { Timeline } from './timelinejs-schema.ts';
import { exportTimeline } from './timelinejs.ts';

/**
 * One export file: its site path, and how to make its JSON value. The value is made when the file
 * is written and let go after: kept for the whole build, the exports of 100,000 stories held
 * 355 MB that every garbage collection of every render shard had to go through.
 */
export interface ApiExport {
  path: string;
  value: () => ArticleExport[] | EntityExport[] | EventExport[] | Timeline;
}

export function apiExports(archive: Archive): ApiExport[] {
  return [
    { path: '/api/articles.json', value: () => exportArticles(archive) },
    { path: '/api/people.json', value: () => exportEntities(archive, 'person') },
    { path: '/api/organizations.json', value: () => exportEntities(archive, 'organization') },
    { path: '/api/places.json', value: () => exportEntities(archive, 'place') },
    { path: '/api/events.json', value: () => exportEvents(archive) },
    { path: '/api/timeline.json', value: () => exportTimeline(archive) },
  ];
}

export function exportArticles(archive: Archive): ArticleExport[] {
  return archive.articles.map((article) => ({
    id: article.id,
    url: articleUrl(article.id),
    title: article.title,
    date: article.date,
    source: { name: article.source.name, url: article.source.url },
    language: article.language,
    people: article.people,
    organizations: article.organizations,
    places: article.places,
    events: article.events,
    dates: article.dates.map(({ text, date, precision }) => ({ text, date, precision })),
  }));
}

export function exportEntities(archive: Archive, kind: EntityKind): EntityExport[] {
  return archive.entitiesOf(kind).map((entity) => ({
    id: entity.id,
    url: entityUrl(kind, entity.id),
    name: entity.name,
    aliases: entity.aliases,
    curated: entity.curated,
    articles: archive.timelineOf(entity).articles.map((article) => article.id),
  }));
}

export function exportEvents(archive: Archive): EventExport[] {
  return archive.events.map((event) => ({
    id: event.id,
    url: eventUrl(event.id),
    title: event.title,
    date: event.date,
    ...(event.endDate ? { endDate: event.endDate } : {}),
    precision: event.precision,
    places: event.places,
    people: event.people,
    organizations: event.organizations,
    curated: event.curated,
    articles: archive.reportsOf(event).map((article) => article.id),
  }));
}
