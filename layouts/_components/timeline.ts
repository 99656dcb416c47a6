import type { Archive, MonthGroup, TimelineEntry } from '../../src/archive/archive.ts';
import { articleUrl, dayUrl, eventUrl, monthUrl, yearUrl } from '../../src/archive/urls.ts';
import type { Article, Entity, Event } from '../../src/content/schemas.ts';
import { formatShortDay, formatShortDayWithYear, monthName, plural } from '../../src/render/format.ts';
import { html, type SafeHtml } from '../../src/render/html.ts';
import { commaList, entityLink } from './links.ts';

export type HeadingLevel = 2 | 3 | 4;
type DateStyle = 'short' | 'long';

/*
 * An entry's size must not follow the archive's: an event reported by thousands of stories lists a
 * few of them and links to its page for the rest, and long lists of names are cut the same way.
 */
/** Stories listed under an event on the timeline; the event page lists them all. */
export const STORIES_PER_EVENT = 3;
/** Places, and people, named on one entry; its own page names them all. */
const NAMES_PER_ENTRY = 5;
/** A summary longer than this is cut at a word on the timeline; the story shows it whole. */
const SUMMARY_CHARS = 320;

export interface EntryOptions {
  dateStyle?: DateStyle;
  /**
   * Write on each entry (as `data-filter-keys`) the `kind:id` key of everyone and everything it
   * names (see `entryKeys`), for the home page's `?with=` filter. Pages without it write no keys.
   */
  filterKeys?: boolean;
}

export function heading(level: HeadingLevel, className: string, content: SafeHtml): SafeHtml {
  if (level === 2) return html`<h2 class="${className}">${content}</h2>`;
  if (level === 3) return html`<h3 class="${className}">${content}</h3>`;
  return html`<h4 class="${className}">${content}</h4>`;
}

/**
 * What the home page's `?with=` filter matches an entry by, as `kind:id` keys: a story by everyone
 * and everything it names; an event by its participants and places, as an entity's own timeline
 * counts it (a story under the event naming someone else is on that one's own timeline). An entry's
 * keys grow with its own record, never with the archive.
 */
export function entryKeys(entry: TimelineEntry): string[] {
  return recordKeys(entry.kind === 'event' ? entry.event : entry.article);
}

function recordKeys(record: Article | Event): string[] {
  return [
    ...record.people.map((id) => `person:${id}`),
    ...record.organizations.map((id) => `organization:${id}`),
    ...record.places.map((id) => `place:${id}`),
  ];
}

function filterAttribute(record: Article | Event, options: EntryOptions): SafeHtml {
  return options.filterKeys ? html` data-filter-keys="${recordKeys(record).join(' ')}"` : html``;
}

/** Links to the first few entities, then how many more there are. */
function someNames(entities: readonly Entity[]): SafeHtml {
  const shown = commaList(entities.slice(0, NAMES_PER_ENTRY).map(entityLink));
  const more = entities.length - NAMES_PER_ENTRY;
  return more > 0 ? html`${shown} and ${plural(more, 'other', 'others')}` : shown;
}

function whereAndWho(archive: Archive, record: Article | Event): SafeHtml {
  const places = archive.entitiesIn(record, 'place');
  const people = archive.entitiesIn(record, 'person');
  return html`${places.length > 0 ? html`<span class="entry__places"><span class="entry__label">Where</span> ${someNames(places)}</span>` : ''}
        ${people.length > 0 ? html`<span class="entry__people"><span class="entry__label">Who</span> ${someNames(people)}</span>` : ''}`;
}

/** A summary short enough for a list, cut at a word boundary when it is not. */
export function shortSummary(summary: string): string {
  if (summary.length <= SUMMARY_CHARS) return summary;
  const cut = summary.slice(0, SUMMARY_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > SUMMARY_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** A day links to its day page; a month- or year-wide date to its month or year page. */
function dateLink(date: string, precision: Event['precision'], style: DateStyle): SafeHtml {
  const [year = '', month = '01'] = date.split('-');
  if (precision === 'year') return html`<a class="entry__date" href="${yearUrl(year)}"><time datetime="${year}">${year}</time></a>`;
  if (precision === 'month') {
    return html`<a class="entry__date" href="${monthUrl(year, month)}"><time datetime="${date}">${style === 'short' ? monthName(month) : `${monthName(month)} ${year}`}</time></a>`;
  }
  return html`<a class="entry__date" href="${dayUrl(date)}"><time datetime="${date}">${style === 'short' ? formatShortDay(date) : formatShortDayWithYear(date)}</time></a>`;
}

/** A story on the timeline: date, title, summary, place, people, source. */
export function timelineEntry(archive: Archive, article: Article, level: HeadingLevel, options: EntryOptions = {}): SafeHtml {
  return html`<li class="entry entry--story"${filterAttribute(article, options)}>
    ${dateLink(article.day, 'day', options.dateStyle ?? 'short')}
    <div class="entry__body">
      ${heading(level, 'entry__title', html`<a href="${articleUrl(article.id)}">${article.title}</a>`)}
      ${article.summary ? html`<p class="entry__summary">${shortSummary(article.summary)}</p>` : ''}
      <p class="entry__meta">
        ${whereAndWho(archive, article)}
        <span class="entry__source"><span class="entry__label">Source</span> ${article.source.name}</span>
      </p>
    </div>
  </li>`;
}

/** An event on the timeline: its date, title, place and people, then the first stories that report it. */
export function eventEntry(archive: Archive, event: Event, level: HeadingLevel, options: EntryOptions = {}): SafeHtml {
  const stories = archive.reportsOf(event);
  const disagreements = event.disagreements.length;
  const more = stories.length - STORIES_PER_EVENT;
  return html`<li class="entry entry--event"${filterAttribute(event, options)}>
    ${dateLink(event.date, event.precision, options.dateStyle ?? 'short')}
    <div class="entry__body">
      <p class="entry__kind">Event${event.curated ? '' : ' · formed from the stories'}</p>
      ${heading(level, 'entry__title', html`<a href="${eventUrl(event.id)}">${event.title}</a>`)}
      <p class="entry__meta">
        ${whereAndWho(archive, event)}
        <span class="entry__source"><span class="entry__label">Sources</span> ${plural(stories.length, 'story', 'stories')}${disagreements > 0 ? html` · <a href="${eventUrl(event.id)}#sources-title">${plural(disagreements, 'point', 'points')} where they differ</a>` : ''}</span>
      </p>
      ${stories.length > 0 ? html`<ul class="entry__stories">${stories.slice(0, STORIES_PER_EVENT).map((article) => html`<li>
        <a href="${articleUrl(article.id)}">${article.title}</a> <span class="muted">${article.source.name}, <time datetime="${article.day}">${formatShortDayWithYear(article.day)}</time></span>
      </li>`)}</ul>` : ''}
      ${more > 0 ? html`<p class="entry__more"><a href="${eventUrl(event.id)}#reports">and ${plural(more, 'more story', 'more stories')}<span class="visually-hidden"> about ${event.title}</span></a></p>` : ''}
    </div>
  </li>`;
}

export function entryItem(archive: Archive, entry: TimelineEntry, level: HeadingLevel, options: EntryOptions = {}): SafeHtml {
  return entry.kind === 'event' ? eventEntry(archive, entry.event, level, options) : timelineEntry(archive, entry.article, level, options);
}

export function entryList(archive: Archive, entries: readonly TimelineEntry[], level: HeadingLevel, options: EntryOptions = {}): SafeHtml {
  return html`<ol class="timeline">${entries.map((entry) => entryItem(archive, entry, level, options))}</ol>`;
}

export function timelineList(archive: Archive, articles: readonly Article[], level: HeadingLevel, options: EntryOptions = {}): SafeHtml {
  return html`<ol class="timeline">${articles.map((article) => timelineEntry(archive, article, level, options))}</ol>`;
}

/** A month of the timeline with its heading, linking to the month's own page. */
export function monthSection(archive: Archive, group: MonthGroup, level: 2 | 3, entries: readonly TimelineEntry[] = group.entries, options: EntryOptions = {}): SafeHtml {
  const link = html`<a href="${monthUrl(group.year, group.month)}">${monthName(group.month)} ${group.year}</a>`;
  return html`<section class="month" aria-label="${monthName(group.month)} ${group.year}">
    ${heading(level, 'month__title', link)}
    ${entryList(archive, entries, level === 2 ? 3 : 4, options)}
  </section>`;
}

/** One page's slice of a month: the month it belongs to and its entries on this page. */
export interface MonthSlice {
  month: MonthGroup;
  entries: TimelineEntry[];
}

/**
 * Cuts a page of timeline entries (in timeline order) back into the months they belong to, so a page
 * that starts mid-month shows that month's heading again. Months are looked up by key, not scanned.
 */
export function monthSlices(archive: Archive, entries: readonly TimelineEntry[]): MonthSlice[] {
  const slices: MonthSlice[] = [];
  for (const entry of entries) {
    // As the archive groups them: a year-wide event ("2026") sits in the year's first month.
    const [year = '', number = '01'] = entry.key.split('-');
    const last = slices.at(-1);
    if (last && last.month.year === year && last.month.month === number) last.entries.push(entry);
    else {
      const month = archive.month(year, number);
      if (month) slices.push({ month, entries: [entry] });
    }
  }
  return slices;
}
