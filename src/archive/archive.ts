import { ENTITY_FIELD, type Article, type DateMention, type Entity, type EntityKind, type Event } from '../content/schemas.ts';
import { foldedWords } from '../extract/text.ts';

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

  /*
   * Indexes built on first use and kept: the site has a page per record, so anything a page asks
   * for that would scan the whole archive makes the build quadratic. Each is computed once.
   */
  private calendarIndex: ReadonlyMap<string, readonly DayGroup[]> | undefined;
  private byKind: Map<EntityKind, Entity[]> | undefined;
  private byName: Map<string, Entity> | undefined;
  private dayPositions: Map<string, number> | undefined;
  private monthIndex: Map<string, MonthGroup> | undefined;
  private yearKeys: Set<string> | undefined;
  private monthList: MonthGroup[] | undefined;
  private entryList: TimelineEntry[] | undefined;
  private correctionList: Array<{ article: Article; date: string; text: string }> | undefined;
  private sources: number | undefined;
  private entityLists = new Map<EntityKind, WeakMap<Article | Event, readonly Entity[]>>();
  private entityEntries = new WeakMap<Entity, readonly TimelineEntry[]>();

  article(id: string): Article | undefined {
    return this.articleIndex.get(id);
  }

  entity(kind: EntityKind, id: string): Entity | undefined {
    return this.entityIndex.get(entityKey(kind, id));
  }

  event(id: string): Event | undefined {
    return this.eventIndex.get(id);
  }

  /** Entities of one kind, by name. The same array on every call: do not change it. */
  entitiesOf(kind: EntityKind): readonly Entity[] {
    if (!this.byKind) {
      this.byKind = new Map();
      for (const entity of this.entities) {
        const list = this.byKind.get(entity.kind);
        if (list) list.push(entity);
        else this.byKind.set(entity.kind, [entity]);
      }
    }
    return this.byKind.get(kind) ?? [];
  }

  /**
   * The entity of one kind that a name or alias denotes, compared by folded words ("Sinirlioglu" is
   * "Sinirlioğlu"); the first by name when two share one.
   */
  entityNamed(kind: EntityKind, name: string): Entity | undefined {
    if (!this.byName) {
      this.byName = new Map();
      for (const entity of this.entities) {
        for (const candidate of [entity.name, ...entity.aliases]) {
          const key = `${entity.kind}:${foldedWords(candidate).join(' ')}`;
          if (!this.byName.has(key)) this.byName.set(key, entity);
        }
      }
    }
    return this.byName.get(`${kind}:${foldedWords(name).join(' ')}`);
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

  /**
   * Entities of one kind an article or event concerns, in the order they are listed. Remembered per
   * record: every entry on every timeline, day and profile page asks, millions of times on a large site.
   */
  entitiesIn(record: Article | Event, kind: EntityKind): readonly Entity[] {
    let lists = this.entityLists.get(kind);
    if (!lists) this.entityLists.set(kind, (lists = new WeakMap()));
    let entities = lists.get(record);
    if (!entities) lists.set(record, (entities = record[ENTITY_FIELD[kind]].flatMap((id) => this.entity(kind, id) ?? [])));
    return entities;
  }

  eventsOf(article: Article): Event[] {
    return article.events.flatMap((id) => this.event(id) ?? []);
  }

  hasDay(day: string): boolean {
    return this.dayIndex().has(day);
  }

  /** The day group before and after a day, for "other days" links. */
  neighbourDays(day: string): { previous: DayGroup | undefined; next: DayGroup | undefined } {
    const index = this.dayIndex().get(day);
    if (index === undefined) return { previous: undefined, next: undefined };
    return { previous: this.days[index - 1], next: this.days[index + 1] };
  }

  hasMonth(year: string, month: string): boolean {
    return this.month(year, month) !== undefined;
  }

  /** The month group of a year and a two-digit month, when the archive has one. */
  month(year: string, month: string): MonthGroup | undefined {
    this.monthIndex ??= new Map(this.months.map((group) => [`${group.year}-${group.month}`, group]));
    return this.monthIndex.get(`${year}-${month}`);
  }

  hasYear(year: string): boolean {
    this.yearKeys ??= new Set(this.years.map((group) => group.year));
    return this.yearKeys.has(year);
  }

  /** Flat list of month groups, for month archive pages. The same array on every call. */
  get months(): MonthGroup[] {
    this.monthList ??= this.years.flatMap((year) => year.months);
    return this.monthList;
  }

  /** Every correction in the archive, newest first, with its article. */
  get corrections(): Array<{ article: Article; date: string; text: string }> {
    this.correctionList ??= this.articles
      .flatMap((article) => (article.corrections ?? []).map((correction) => ({ article, ...correction })))
      .sort((a, b) => b.date.localeCompare(a.date) || a.article.id.localeCompare(b.article.id));
    return this.correctionList;
  }

  /** Every entry of the timeline, oldest first. The same array on every call. */
  get entries(): TimelineEntry[] {
    this.entryList ??= this.months.flatMap((month) => month.entries);
    return this.entryList;
  }

  /** How many publishers the archive's stories come from. */
  get sourceCount(): number {
    this.sources ??= new Set(this.articles.map((article) => article.source.name)).size;
    return this.sources;
  }

  /** Entries of one entity's own timeline: the events it takes part in, and its stories no such event covers. */
  entriesOf(entity: Entity): readonly TimelineEntry[] {
    let entries = this.entityEntries.get(entity);
    if (!entries) {
      const { articles, events } = this.timelineOf(entity);
      const covered = new Set<Article>();
      for (const event of events) for (const article of this.reportsOf(event)) covered.add(article);
      this.entityEntries.set(entity, (entries = timelineEntries(events, articles.filter((article) => !covered.has(article)))));
    }
    return entries;
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

  private dayIndex(): Map<string, number> {
    this.dayPositions ??= new Map(this.days.map((group, index) => [group.day, index]));
    return this.dayPositions;
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
