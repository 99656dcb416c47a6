import type { ContentRecords } from '../content/load-content.ts';
import { ENTITY_FIELD, entityKindSchema, type Article, type EntityKind, type Event } from '../content/schemas.ts';
import { Archive, entityKey, type DayGroup, type EntityKey, type EntityTimeline, type YearGroup } from './archive.ts';

const RELATED_LIMIT = 5;

/** Records in, linked archive out: a pure function, testable without Eleventy. */
export function buildArchive(records: ContentRecords): Archive {
  const articles = [...records.articles].sort(byPublication);
  const entities = [...records.entities].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const events = [...records.events].sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));

  const articleIndex = new Map(articles.map((article) => [article.id, article]));
  const entityIndex = new Map(entities.map((entity) => [entityKey(entity.kind, entity.id), entity]));
  const eventIndex = new Map(events.map((event) => [event.id, event]));

  const timelines = new Map<EntityKey, EntityTimeline>();
  const timeline = (kind: EntityKind, id: string): EntityTimeline | undefined => {
    const key = entityKey(kind, id);
    if (!entityIndex.has(key)) return undefined;
    let found = timelines.get(key);
    if (!found) timelines.set(key, (found = { articles: [], events: [] }));
    return found;
  };
  for (const article of articles) {
    for (const [kind, ids] of mentionsOf(article)) for (const id of ids) timeline(kind, id)?.articles.push(article);
  }
  for (const event of events) {
    for (const [kind, ids] of mentionsOf(event)) for (const id of ids) timeline(kind, id)?.events.push(event);
  }

  // Clustering lists each event's reports; events it never saw (in tests, say) fall back to the articles' own lists.
  const eventReports = new Map<string, Article[]>();
  for (const event of events) {
    if (event.reports.length > 0) eventReports.set(event.id, event.reports.flatMap((report) => articleIndex.get(report.article) ?? []));
  }
  for (const article of articles) {
    for (const id of article.events) {
      const event = eventIndex.get(id);
      if (event && event.reports.length === 0) pushTo(eventReports, id, article);
    }
  }

  return new Archive(
    articles,
    entities,
    events,
    groupByYearAndMonth(articles),
    groupByDay(articles),
    articleIndex,
    entityIndex,
    eventIndex,
    timelines,
    eventReports,
    relatedArticles(articles),
  );
}

/**
 * By the publication day in each article's own zone, then by instant: the timeline is grouped by
 * those days, and ordering by instant alone could split a month when zones differ.
 */
function byPublication(a: Article, b: Article): number {
  return a.day.localeCompare(b.day) || Date.parse(a.date) - Date.parse(b.date) || a.title.localeCompare(b.title);
}

function mentionsOf(record: Article | Event): Array<[EntityKind, string[]]> {
  return entityKindSchema.options.map((kind) => [kind, record[ENTITY_FIELD[kind]]]);
}

/** Grouped by the publication day in the article's own zone, so a late-evening story stays on its day. */
function groupByYearAndMonth(articles: readonly Article[]): YearGroup[] {
  const years: YearGroup[] = [];
  for (const article of articles) {
    const [year = '', month = ''] = article.day.split('-');
    let yearGroup = years.at(-1);
    if (yearGroup?.year !== year) years.push((yearGroup = { year, months: [], articleCount: 0 }));
    let monthGroup = yearGroup.months.at(-1);
    if (monthGroup?.month !== month) yearGroup.months.push((monthGroup = { year, month, articles: [] }));
    monthGroup.articles.push(article);
    yearGroup.articleCount++;
  }
  return years;
}

/** Days with publications or day-precise mentions, so a date in a story can link to its day. */
function groupByDay(articles: readonly Article[]): DayGroup[] {
  const days = new Map<string, DayGroup>();
  const day = (iso: string): DayGroup => {
    let group = days.get(iso);
    if (!group) days.set(iso, (group = { day: iso, published: [], mentionedIn: [] }));
    return group;
  };
  for (const article of articles) {
    day(article.day).published.push(article);
    for (const mention of article.dates) {
      if (mention.precision === 'day' && mention.date !== article.day) day(mention.date).mentionedIn.push({ article, mention });
    }
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * Related articles: those sharing an event weigh most, then shared people, organizations and places.
 * Built from an inverted index so the cost follows the number of shared links, not articles squared.
 */
function relatedArticles(articles: readonly Article[]): Map<string, Article[]> {
  const byFeature = new Map<string, Article[]>();
  const features = (article: Article): Array<[string, number]> => [
    ...article.events.map((id): [string, number] => [`event:${id}`, 3]),
    ...article.people.map((id): [string, number] => [`person:${id}`, 1]),
    ...article.organizations.map((id): [string, number] => [`organization:${id}`, 1]),
    ...article.places.map((id): [string, number] => [`place:${id}`, 1]),
  ];
  for (const article of articles) {
    for (const [feature] of features(article)) pushTo(byFeature, feature, article);
  }
  const related = new Map<string, Article[]>();
  for (const article of articles) {
    const scores = new Map<Article, number>();
    for (const [feature, weight] of features(article)) {
      const sharing = byFeature.get(feature) ?? [];
      // A feature shared by a large part of the archive (a country, say) says little about relatedness.
      if (sharing.length > 200) continue;
      for (const other of sharing) if (other !== article) scores.set(other, (scores.get(other) ?? 0) + weight);
    }
    related.set(
      article.id,
      [...scores.entries()]
        .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || byPublication(b, a))
        .slice(0, RELATED_LIMIT)
        .map(([other]) => other),
    );
  }
  return related;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
