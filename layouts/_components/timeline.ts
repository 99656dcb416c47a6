import type { Archive, MonthGroup, TimelineEntry } from '../../src/archive/archive.ts';
import { articleUrl, dayUrl, eventUrl, monthUrl, yearUrl } from '../../src/archive/urls.ts';
import type { Article, Event } from '../../src/content/schemas.ts';
import { formatShortDay, formatShortDayWithYear, monthName, plural } from '../../src/render/format.ts';
import { html, type SafeHtml } from '../../src/render/html.ts';
import { commaList, entityLink } from './links.ts';

export type HeadingLevel = 2 | 3 | 4;
type DateStyle = 'short' | 'long';

export function heading(level: HeadingLevel, className: string, content: SafeHtml): SafeHtml {
  if (level === 2) return html`<h2 class="${className}">${content}</h2>`;
  if (level === 3) return html`<h3 class="${className}">${content}</h3>`;
  return html`<h4 class="${className}">${content}</h4>`;
}

/** The `kind:id` keys the home page's filter chips select entries by. */
function filterKeys(record: Article | Event): string {
  return [
    ...record.people.map((id) => `person:${id}`),
    ...record.organizations.map((id) => `organization:${id}`),
    ...record.places.map((id) => `place:${id}`),
  ].join(' ');
}

function whereAndWho(archive: Archive, record: Article | Event): SafeHtml {
  const places = archive.entitiesIn(record, 'place');
  const people = archive.entitiesIn(record, 'person');
  return html`${places.length > 0 ? html`<span class="entry__places"><span class="entry__label">Where</span> ${commaList(places.map(entityLink))}</span>` : ''}
        ${people.length > 0 ? html`<span class="entry__people"><span class="entry__label">Who</span> ${commaList(people.map(entityLink))}</span>` : ''}`;
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
export function timelineEntry(archive: Archive, article: Article, level: HeadingLevel, dateStyle: DateStyle = 'short'): SafeHtml {
  return html`<li class="entry entry--story" data-filter-keys="${filterKeys(article)}">
    ${dateLink(article.day, 'day', dateStyle)}
    <div class="entry__body">
      ${heading(level, 'entry__title', html`<a href="${articleUrl(article.id)}">${article.title}</a>`)}
      ${article.summary ? html`<p class="entry__summary">${article.summary}</p>` : ''}
      <p class="entry__meta">
        ${whereAndWho(archive, article)}
        <span class="entry__source"><span class="entry__label">Source</span> ${article.source.name}</span>
      </p>
    </div>
  </li>`;
}

/** An event on the timeline: its date, title, place and people, then each story that reports it. */
export function eventEntry(archive: Archive, event: Event, level: HeadingLevel, dateStyle: DateStyle = 'short'): SafeHtml {
  const stories = archive.reportsOf(event);
  const disagreements = event.disagreements.length;
  return html`<li class="entry entry--event" data-filter-keys="${filterKeys(event)}">
    ${dateLink(event.date, event.precision, dateStyle)}
    <div class="entry__body">
      <p class="entry__kind">Event${event.curated ? '' : ' · formed from the stories'}</p>
      ${heading(level, 'entry__title', html`<a href="${eventUrl(event.id)}">${event.title}</a>`)}
      <p class="entry__meta">
        ${whereAndWho(archive, event)}
        <span class="entry__source"><span class="entry__label">Sources</span> ${plural(stories.length, 'story', 'stories')}${disagreements > 0 ? html` · <a href="${eventUrl(event.id)}#sources-title">${plural(disagreements, 'point', 'points')} where they differ</a>` : ''}</span>
      </p>
      ${stories.length > 0 ? html`<ul class="entry__stories">${stories.map((article) => html`<li>
        <a href="${articleUrl(article.id)}">${article.title}</a> <span class="muted">${article.source.name}, <time datetime="${article.day}">${formatShortDayWithYear(article.day)}</time></span>
      </li>`)}</ul>` : ''}
    </div>
  </li>`;
}

export function entryItem(archive: Archive, entry: TimelineEntry, level: HeadingLevel, dateStyle: DateStyle = 'short'): SafeHtml {
  return entry.kind === 'event' ? eventEntry(archive, entry.event, level, dateStyle) : timelineEntry(archive, entry.article, level, dateStyle);
}

export function entryList(archive: Archive, entries: readonly TimelineEntry[], level: HeadingLevel, dateStyle: DateStyle = 'short'): SafeHtml {
  return html`<ol class="timeline">${entries.map((entry) => entryItem(archive, entry, level, dateStyle))}</ol>`;
}

export function timelineList(archive: Archive, articles: readonly Article[], level: HeadingLevel, dateStyle: DateStyle = 'short'): SafeHtml {
  return html`<ol class="timeline">${articles.map((article) => timelineEntry(archive, article, level, dateStyle))}</ol>`;
}

/** A month of the timeline with its heading, linking to the month's own page. */
export function monthSection(archive: Archive, group: MonthGroup, level: 2 | 3): SafeHtml {
  const link = html`<a href="${monthUrl(group.year, group.month)}">${monthName(group.month)} ${group.year}</a>`;
  return html`<section class="month" aria-label="${monthName(group.month)} ${group.year}">
    ${heading(level, 'month__title', link)}
    ${entryList(archive, group.entries, level === 2 ? 3 : 4)}
  </section>`;
}
