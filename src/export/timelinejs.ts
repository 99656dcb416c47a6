import type { Archive } from '../archive/archive.ts';
import { articleUrl, eventUrl } from '../archive/urls.ts';
import type { Article, Event } from '../content/schemas.ts';
import { plural } from '../render/format.ts';
import { html, trusted, type SafeHtml } from '../render/html.ts';
import { escapeHtml } from '../render/markdown.ts';
import type { Timeline, TimelineDate, TimelineEvent } from './timelinejs-schema.ts';

const ARCHIVE_NAME = 'Chronicle';

/** How many of year, month, day a date of each precision gives. */
const PARTS: Record<Event['precision'], number> = { year: 1, month: 2, day: 3 };

const EVENT_DATE = /^(-?\d{4,})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * `/api/timeline.json`: the archive's events in TimelineJS 3's JSON format, so the archive can be
 * shown in a Knight Lab timeline. One slide per event; links are site-relative like every export.
 */
export function exportTimeline(archive: Archive): Timeline {
  return {
    title: {
      text: {
        headline: escapeHtml(ARCHIVE_NAME),
        text: html`<p>${plural(archive.events.length, 'event', 'events')} reported in ${plural(archive.articles.length, 'story', 'stories')}.</p>`.value,
      },
    },
    events: archive.events.map((event) => timelineEvent(archive, event)),
  };
}

function timelineEvent(archive: Archive, event: Event): TimelineEvent {
  const group = archive.entitiesIn(event, 'place')[0]?.name;
  return {
    start_date: timelineDate(event, event.date, event.precision),
    // The end date is written with its own precision ("2026-02" to "2026-02-10"), as on the event page.
    ...(event.endDate ? { end_date: timelineDate(event, event.endDate, 'day') } : {}),
    text: {
      headline: html`<a href="${eventUrl(event.id)}">${event.title}</a>`.value,
      text: slideText(event, archive.reportsOf(event)).value,
    },
    // TimelineJS writes the group label into the page as HTML.
    ...(group ? { group: escapeHtml(group) } : {}),
    autolink: false,
    unique_id: event.id,
  };
}

/** Year, then month and day as far as the precision allows: TimelineJS shows a date as precisely as it is given. */
function timelineDate(event: Event, iso: string, precision: Event['precision']): TimelineDate {
  const match = EVENT_DATE.exec(iso);
  if (!match) throw new Error(`event ${event.id}: date "${iso}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
  const [, year = '', month, day] = match;
  const parts = PARTS[precision];
  return {
    year: Number(year),
    ...(month !== undefined && parts >= 2 ? { month: Number(month) } : {}),
    ...(day !== undefined && parts >= 3 ? { day: Number(day) } : {}),
  };
}

/** The event's summary (trusted: rendered Markdown), then each story reporting it and its original. */
function slideText(event: Event, reports: readonly Article[]): SafeHtml {
  const sources = reports.length === 0 ? null : html`<p>Sources:</p><ul>${reports.map((article) => html`<li>${sourceLine(article)}</li>`)}</ul>`;
  return html`${trusted(event.summaryHtml)}${sources}`;
}

function sourceLine(article: Article): SafeHtml {
  const { name, url } = article.source;
  // Only web addresses become links: a `javascript:` URL must never reach an href.
  const publisher = url && /^https?:\/\//i.test(url) ? html`<a href="${url}">${name}</a>` : html`${name}`;
  return html`<a href="${articleUrl(article.id)}">${article.title}</a> (${publisher})`;
}
