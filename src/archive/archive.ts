import { ENTITY_FIELD, type Article, type DateMention, type Entity, type EntityKind, type Event } from '../content/schemas.ts';

/**
 * One entry of the timeline: an event with its stories, or a story no event covers. The timeline
 * is one of happenings; a story stands alone only when it reports nothing the archive groups.
 */
export type TimelineEntry = { kind: 'event'; event: Event; key: string } | { kind: 'article'; article: Article; key: string };

export interface MonthGroup {
  year: string;
  /** Two digits, "02". */
  month: string;
  /** Stories published this month. */
  articles: Article[];
  /** Events dated this month, and stories of the month no event covers, in date order. */
  entries: TimelineEntry[];
}

export interface YearGroup {
  year: string;
  months: MonthGroup[];
  articleCount: number;
  eventCount: number;
}

/** One calendar day: its events, the stories published on it and the stories that mention it. */
export interface DayGroup {
  day: string;
  events: Event[];
  published: Article[];
  /** Stories published on another day that mention this one, each once with all its mentions of it. */
  mentionedIn: Array<{ article: Article; mentions: DateMention[] }>;
}

/** The archive's own account of one entity: the records that concern it, in time order. */
export interface EntityTimeline {
  articles: Article[];
  events: Event[];
}

export type EntityKey = `${EntityKind}:${string}`;

export const entityKey = (kind: EntityKind, id: string): EntityKey => `${kind}:${id}`;

/**
 * The finished archive handed to Eleventy as global data. A class on purpose: Eleventy deep-copies
 * plain objects into every page's data, but passes class instances by reference, so a large archive
 * is shared by all pages instead of copied into each.
 */
export class Archive {
  constructor(
    /** Oldest first: a timeline reads forward in time. */
    readonly articles: readonly Article[],
    readonly entities: readonly Entity[],
    readonly events: readonly Event[],
    readonly years: readonly YearGroup[],
    /** Every day with a story published on it or mentioning it, oldest first. */
    readonly days: readonly DayGroup[],
    private readonly articleIndex: ReadonlyMap<string, Article>,
    private readonly entityIndex: ReadonlyMap<EntityKey, Entity>,
    private readonly eventIndex: ReadonlyMap<string, Event>,
    private readonly timelines: ReadonlyMap<EntityKey, EntityTimeline>,
    private readonly eventReports: ReadonlyMap<string, readonly Article[]>,
    private readonly relatedIndex: ReadonlyMap<string, readonly Article[]>,
  ) {}

  /** Built on first use: every day page asks for its same day in other years. */
  private calendarIndex: ReadonlyMap<string, readonly DayGroup[]> | undefined;

  article(id: string): Article | undefined {
    return this.articleIndex.get(id);
  }

  entity(kind: EntityKind, id: string): Entity | undefined {
    return this.entityIndex.get(entityKey(kind, id));
  }

  event(id: string): Event | undefined {
    return this.eventIndex.get(id);
  }

  entitiesOf(kind: EntityKind): Entity[] {
    return this.entities.filter((entity) => entity.kind === kind);
  }

  timelineOf(entity: Entity): EntityTimeline {
    return this.timelines.get(entityKey(entity.kind, entity.id)) ?? { articles: [], events: [] };
  }

  reportsOf(event: Event): readonly Article[] {
    return this.eventReports.get(event.id) ?? [];
  }

  relatedTo(article: Article): readonly Article[] {
    return this.relatedIndex.get(article.id) ?? [];
  }

  /** Entities of one kind an article or event concerns, in the order they are listed. */
  entitiesIn(record: Article | Event, kind: EntityKind): Entity[] {
    return record[ENTITY_FIELD[kind]].flatMap((id) => this.entity(kind, id) ?? []);
  }

  eventsOf(article: Article): Event[] {
    return article.events.flatMap((id) => this.event(id) ?? []);
  }

  hasDay(day: string): boolean {
    return this.days.some((group) => group.day === day);
  }

  hasMonth(year: string, month: string): boolean {
    return this.years.some((group) => group.year === year && group.months.some((item) => item.month === month));
  }

  hasYear(year: string): boolean {
    return this.years.some((group) => group.year === year);
  }

  /** Flat list of month groups, for month archive pages. */
  get months(): MonthGroup[] {
    return this.years.flatMap((year) => year.months);
  }

  /** Every correction in the archive, newest first, with its article. */
  get corrections(): Array<{ article: Article; date: string; text: string }> {
    return this.articles
      .flatMap((article) => (article.corrections ?? []).map((correction) => ({ article, ...correction })))
      .sort((a, b) => b.date.localeCompare(a.date) || a.article.id.localeCompare(b.article.id));
  }

  /** Every entry of the timeline, oldest first. */
  get entries(): TimelineEntry[] {
    return this.months.flatMap((month) => month.entries);
  }

  /** Entries of one entity's own timeline: the events it takes part in, and its stories no such event covers. */
  entriesOf(entity: Entity): TimelineEntry[] {
    const { articles, events } = this.timelineOf(entity);
    const covered = new Set(events.flatMap((event) => this.reportsOf(event)));
    return timelineEntries(events, articles.filter((article) => !covered.has(article)));
  }

  /** Days with events or stories, by calendar day ("02-06"), in calendar order, each list oldest first. */
  get calendarDays(): ReadonlyMap<string, readonly DayGroup[]> {
    if (!this.calendarIndex) {
      const index = new Map<string, DayGroup[]>();
      for (const group of this.days) {
        if (group.events.length + group.published.length === 0) continue;
        const key = group.day.slice(5);
        const list = index.get(key);
        if (list) list.push(group);
        else index.set(key, [group]);
      }
      this.calendarIndex = new Map([...index.entries()].sort((a, b) => a[0].localeCompare(b[0])));
    }
    return this.calendarIndex;
  }

  /** Days of other years with the same month and day ("on this day"), oldest first. */
  sameDayInOtherYears(day: string): DayGroup[] {
    return (this.calendarDays.get(day.slice(5)) ?? []).filter((group) => group.day !== day);
  }
}

/** When an article last changed: its latest correction, or its publication. */
export function dateModified(article: Article): string {
  return article.corrections?.at(-1)?.date ?? article.date;
}

/** Events and stand-alone stories merged into one date order: an event by its date, a story by its day. */
export function timelineEntries(events: readonly Event[], articles: readonly Article[]): TimelineEntry[] {
  return [
    ...events.map((event): TimelineEntry => ({ kind: 'event', event, key: event.date })),
    ...articles.map((article): TimelineEntry => ({ kind: 'article', article, key: article.day })),
  ].sort((a, b) => a.key.localeCompare(b.key) || (a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1));
}
