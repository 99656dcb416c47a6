import type { ContentRecords } from '../content/load-content.ts';
import { ENTITY_FIELD, entityKindSchema, type Article, type EntityKind, type Event } from '../content/schemas.ts';
import { Archive, entityKey, timelineEntries, type DayGroup, type EntityKey, type EntityTimeline, type MonthGroup, type YearGroup } from './archive.ts';

const RELATED_LIMIT = 5;

/** Records in, linked archive out: a pure function, testable without Eleventy. */
export function buildArchive(records: ContentRecords): Archive {
  const articles = byPublication(records.articles);
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
    groupByYearAndMonth(articles, events, eventReports),
    groupByDay(articles, events),
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
 * those days, and ordering by instant alone could split a month when zones differ. Each instant is
 * parsed once, not in every comparison (a million of them at 100,000 articles).
 */
function byPublication(articles: readonly Article[]): Article[] {
  const instants = new Map(articles.map((article) => [article, Date.parse(article.date)]));
  return [...articles].sort((a, b) => a.day.localeCompare(b.day) || instants.get(a)! - instants.get(b)! || a.title.localeCompare(b.title));
}

function mentionsOf(record: Article | Event): Array<[EntityKind, string[]]> {
  return entityKindSchema.options.map((kind) => [kind, record[ENTITY_FIELD[kind]]]);
}

/**
 * Months of the timeline: events by their own date, stories by the publication day in their own
 * zone (so a late-evening story stays on its day). A story appears on its own only when it is not
 * the main report of any event.
 */
function groupByYearAndMonth(articles: readonly Article[], events: readonly Event[], reports: ReadonlyMap<string, readonly Article[]>): YearGroup[] {
  const reporting = new Set(events.flatMap((event) => event.reports.filter((report) => report.role === 'main').map((report) => report.article)));
  for (const event of events) if (event.reports.length === 0) for (const article of reports.get(event.id) ?? []) reporting.add(article.id);
  const months = new Map<string, MonthGroup>();
  const month = (key: string): MonthGroup => {
    const [year = '', number = '01'] = key.split('-');
    const id = `${year}-${number}`;
    let group = months.get(id);
    if (!group) months.set(id, (group = { year, month: number, articles: [], entries: [] }));
    return group;
  };
  for (const article of articles) month(article.day).articles.push(article);
  const entries = timelineEntries(events, articles.filter((article) => !reporting.has(article.id)));
  for (const entry of entries) month(entry.key).entries.push(entry);
  const years: YearGroup[] = [];
  for (const group of [...months.values()].sort((a, b) => `${a.year}-${a.month}`.localeCompare(`${b.year}-${b.month}`))) {
    let year = years.at(-1);
    if (year?.year !== group.year) years.push((year = { year: group.year, months: [], articleCount: 0, eventCount: 0 }));
    year.months.push(group);
    year.articleCount += group.articles.length;
    year.eventCount += group.entries.filter((entry) => entry.kind === 'event').length;
  }
  return years;
}

/** Days with events, publications or day-precise mentions, so any date on the site can link to its day. */
function groupByDay(articles: readonly Article[], events: readonly Event[]): DayGroup[] {
  const days = new Map<string, DayGroup>();
  const day = (iso: string): DayGroup => {
    let group = days.get(iso);
    if (!group) days.set(iso, (group = { day: iso, events: [], published: [], mentionedIn: [] }));
    return group;
  };
  for (const event of events) if (event.precision === 'day') day(event.date).events.push(event);
  for (const article of articles) {
    day(article.day).published.push(article);
    for (const mention of article.dates) {
      if (mention.precision !== 'day' || mention.date === article.day) continue;
      const mentioned = day(mention.date).mentionedIn;
      const entry = mentioned.at(-1)?.article === article ? mentioned.at(-1)! : undefined;
      if (entry) {
        if (!entry.mentions.some((other) => other.text === mention.text)) entry.mentions.push(mention);
      } else mentioned.push({ article, mentions: [mention] });
    }
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * Related articles: those sharing an event weigh most, then shared people, organizations and places;
 * among equals, the latest. Built from an inverted index so the cost follows the number of shared
 * links, not articles squared. `articles` come in publication order, so position tells the latest.
 */
function relatedArticles(articles: readonly Article[]): Map<string, Article[]> {
  const position = new Map(articles.map((article, index) => [article, index]));
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
        .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || position.get(b)! - position.get(a)!)
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
