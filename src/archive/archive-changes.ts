import { ENTITY_FIELD, type Article, type EntityKind, type Event } from '../content/schemas.ts';
import type { Archive } from './archive.ts';

const ENTITY_FIELDS = Object.entries(ENTITY_FIELD).map(([kind, field]) => [field, kind as EntityKind] as const);

/**
 * Which pages an edit touches, so the dev server re-renders those and leaves the rest of a large
 * site as it is. Keys name what a page is about: `article:<id>`, `event:<id>`, `person:<id>` (any
 * entity kind), `day:2026-02-06`, `month:2026-02`, `year:2026`. Pages about the whole archive (the
 * timeline, indexes, feeds of the site, exports) are re-rendered after any edit but one of nothing
 * but a story's text (`textOnly`), which they do not show; after an edit that leaves the archive
 * linked the same, only those holding a changed entry (`wholeArchive`).
 *
 * Written by hand: Eleventy's incremental mode follows template files, not the data of pages
 * generated from one template, and no library knows what a Chronicle page shows.
 */
export class ArchiveChanges {
  private constructor(
    private readonly keys: ReadonlySet<string>,
    /**
     * True when the edit changed nothing but the text of stories: every edited story kept its
     * title, dates, summary and names (those found in its text too), and every event and entity
     * of the archive is the same. Then only the pages that show a story's text can differ (the
     * story's own page and the site's feeds, which carry the newest stories in full); the keys
     * name the pages, and the dev server renders only the templates that show text
     * (src/eleventy/archive-plugin.ts).
     */
    readonly textOnly = false,
    /**
     * Whether every page about the whole archive (the timeline, On this day, the events and entity
     * indexes, corrections; the month and year pages of a key) may differ. False when the edit changed no event, entity or
     * order of stories, and no link of a story: only the stories' text, titles, summaries or tags.
     * Then the timeline and corrections pages that hold a changed entry (`entry:article:<id>`,
     * `entry:event:<id>`) and the On this day pages that hold a changed day's line (`brief:<day>`)
     * are rendered again; the indexes, which show no story, are not. (The exports and the site's
     * feeds are written after any edit.)
     */
    readonly wholeArchive = true,
  ) {}

  has(key: string): boolean {
    return this.keys.has(key);
  }

  get size(): number {
    return this.keys.size;
  }

  /** Both edits' pages: what a run that failed halfway may have written is rendered again. */
  with(other: ArchiveChanges): ArchiveChanges {
    return new ArchiveChanges(new Set([...this.keys, ...other.keys]), this.textOnly && other.textOnly, this.wholeArchive || other.wholeArchive);
  }

  /**
   * The pages whose content differs between two archives when only the articles in
   * `changedArticles` (ids, before or after the edit) were edited, added or removed. Registry and
   * event files are not covered: a renamed entity shows on every page that names it.
   */
  static between(previous: Archive, next: Archive, changedArticles: ReadonlySet<string>): ArchiveChanges {
    if (textOnly(previous, next, changedArticles)) {
      // The story's page: the only page with its text but the site's feed, which is always written.
      return new ArchiveChanges(new Set([...changedArticles].map((id) => `article:${id}`)), true, false);
    }
    const keys = new Set<string>();
    const listingOnly = sameLinks(previous, next, changedArticles);

    // Events re-form around an edited story; any event whose stories, dates or title moved has changed.
    const reformed = new Set<string>();
    // An event object the next archive shares with the previous one (not clustered again) is the same.
    const before = new Map(previous.events.map((event) => [event.id, event]));
    for (const event of next.events) {
      const then = before.get(event.id);
      if (then !== event && (!then || eventSignature(then) !== eventSignature(event))) reformed.add(event.id);
      before.delete(event.id);
    }
    for (const id of before.keys()) reformed.add(id);
    // An event's page, feeds and every entry of it on a timeline show its stories' titles.
    const events = new Set(reformed);
    for (const archive of [previous, next]) {
      for (const id of changedArticles) {
        const article = archive.article(id);
        if (article) for (const event of archive.eventsOf(article)) events.add(event.id);
      }
    }

    // Stories whose every listing may change: the edited ones, and those that joined or left an
    // event (a story under an event is listed with it, not on its own).
    const listed = new Set(changedArticles);
    // Stories whose own page changes: it lists its events and related stories by title.
    const shown = new Set(changedArticles);
    for (const archive of [previous, next]) {
      for (const id of events) {
        const event = archive.event(id);
        if (!event) continue;
        for (const report of event.reports) {
          shown.add(report.article);
          if (reformed.has(id)) listed.add(report.article);
        }
      }
    }
    // A story's page lists related stories by title: those that list an edited story now, and those
    // that listed it before (a story deleted or no longer related drops off their lists).
    for (const archive of [previous, next]) {
      for (const article of archive.articles) {
        if (shown.has(article.id)) continue;
        if (archive.relatedTo(article).some((related) => changedArticles.has(related.id))) shown.add(article.id);
      }
    }

    // Days whose page changes, and days whose line in other years' pages ("on this day in other
    // years": the day's first events and published stories by title) changes too.
    const days = new Set<string>();
    const briefs = new Set<string>();
    for (const archive of [previous, next]) {
      for (const id of listed) {
        const article = archive.article(id);
        if (!article) continue;
        markArticle(article, keys, days);
        if (changedArticles.has(id)) briefs.add(article.day);
      }
      for (const id of events) {
        const event = archive.event(id);
        if (!event) continue;
        markEvent(event, keys, days);
        if (reformed.has(id) && DAY.test(event.date)) briefs.add(event.date);
      }
    }
    for (const id of shown) keys.add(`article:${id}`);
    for (const id of events) keys.add(`event:${id}`);

    // A day that appears or disappears changes its neighbours' previous/next links, and the lists
    // of its date in other years.
    const dayList = (archive: Archive) => archive.days.map((group) => group.day);
    for (const [from, to] of [[previous, next], [next, previous]] as const) {
      const other = new Set(dayList(to));
      const list = dayList(from);
      list.forEach((day, index) => {
        if (other.has(day)) return;
        days.add(day);
        briefs.add(day);
        if (list[index - 1]) days.add(list[index - 1]!);
        if (list[index + 1]) days.add(list[index + 1]!);
      });
    }
    for (const day of days) {
      keys.add(`day:${day}`);
      keys.add(`month:${day.slice(0, 7)}`);
      keys.add(`year:${day.slice(0, 4)}`);
    }
    // Day pages show the same day in other years (their first page alone; month and year pages do not).
    const calendarDays = new Set([...briefs].map((day) => day.slice(5)));
    for (const archive of [previous, next]) {
      for (const group of archive.days) if (calendarDays.has(group.day.slice(5))) keys.add(`day:${group.day}`);
    }
    if (!listingOnly) return new ArchiveChanges(keys);
    // The entries the timeline, corrections and On this day pages show differently.
    for (const id of listed) keys.add(`entry:article:${id}`);
    for (const id of events) keys.add(`entry:event:${id}`);
    for (const day of briefs) keys.add(`brief:${day}`);
    return new ArchiveChanges(keys, false, false);
  }
}

/** Whether the archives differ only in the text of the changed stories (see `ArchiveChanges.textOnly`). */
function textOnly(previous: Archive, next: Archive, changedArticles: ReadonlySet<string>): boolean {
  for (const id of changedArticles) {
    const [before, after] = [previous.article(id), next.article(id)];
    if (!before || !after || listing(before) !== listing(after)) return false;
  }
  return sameRecords(previous.events, next.events) && sameRecords(previous.entities, next.entities);
}

/**
 * Whether the archives are linked the same: the same events and entities, the same stories in the
 * same order, and the changed stories differing at most in what they show (title, summary, tags,
 * text), not in their dates, names, events, source or corrections. Then every list, count and
 * grouping of the archive is the same, and only the entries of the changed stories read otherwise.
 */
function sameLinks(previous: Archive, next: Archive, changedArticles: ReadonlySet<string>): boolean {
  if (previous.articles.length !== next.articles.length) return false;
  if (!previous.articles.every((article, index) => article.id === next.articles[index]!.id)) return false;
  for (const id of changedArticles) {
    const [before, after] = [previous.article(id), next.article(id)];
    if (!before || !after || links(before) !== links(after)) return false;
  }
  return sameRecords(previous.events, next.events) && sameRecords(previous.entities, next.entities);
}

/**
 * A story but what it shows in lists and on its page: what links it into the archive. Without the
 * offsets of its date mentions in its text, which a new title moves and no page shows.
 */
function links(article: Article): string {
  const linking = { ...article, title: undefined, summary: undefined, tags: undefined };
  return JSON.stringify(linking, (key, value: unknown) => (key === 'offset' ? undefined : value));
}

/** Everything a story shows outside its own page: its record (which holds no text). */
function listing(article: Article): string {
  return JSON.stringify(article);
}

/** Each record as JSON, kept per list: the previous archive's were made at the edit before. */
const recordJson = new WeakMap<readonly object[], string[]>();

function sameRecords(before: readonly object[], after: readonly object[]): boolean {
  if (before.length !== after.length) return false;
  // A list linked again from the same records holds the very same objects.
  if (before.every((record, index) => record === after[index])) return true;
  const json = (list: readonly object[]) => {
    let made = recordJson.get(list);
    if (!made) recordJson.set(list, (made = list.map((record) => JSON.stringify(record))));
    return made;
  };
  const [a, b] = [json(before), json(after)];
  return a.every((record, index) => record === b[index]);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function markArticle(article: Article, keys: Set<string>, days: Set<string>): void {
  days.add(article.day);
  for (const mention of article.dates) if (DAY.test(mention.date)) days.add(mention.date);
  for (const [field, kind] of ENTITY_FIELDS) for (const id of article[field]) keys.add(`${kind}:${id}`);
}

function markEvent(event: Event, keys: Set<string>, days: Set<string>): void {
  if (DAY.test(event.date)) days.add(event.date);
  else {
    // An event dated to a month is listed on that month's page and its year's.
    if (event.date.length === 7) keys.add(`month:${event.date}`);
    keys.add(`year:${event.date.slice(0, 4)}`);
  }
  for (const [field, kind] of ENTITY_FIELDS) for (const id of event[field]) keys.add(`${kind}:${id}`);
}

/** What an event page and every list entry of the event show, short of the stories' own text. */
function eventSignature(event: Event): string {
  return JSON.stringify([event.title, event.date, event.endDate, event.precision, event.places, event.people, event.organizations, event.summaryHtml,
    event.reports.map((report) => [report.article, report.role, report.claims.map((claim) => claim.text)]), event.disagreements]);
}
