import type { Archive } from '../src/archive/archive.ts';
import { changedOnly, thisShard } from './_components/this-run.ts';
import type { ArchiveChanges } from '../src/archive/archive-changes.ts';
import { eventUrl } from '../src/archive/urls.ts';
import type { Event } from '../src/content/schemas.ts';
import { formatEventDate, plural } from '../src/render/format.ts';
import { html, trusted } from '../src/render/html.ts';
import { entityChips, recordEntities } from './_components/links.ts';
import { page } from './_components/page.ts';
import { pageNav } from './_components/pager.ts';
import { PAGE_SIZE, pageSuffix, pageUrl, paginate, type Paged } from './_components/paging.ts';
import { searchable, searchFacets } from './_components/search-attributes.ts';
import { firstFew, sourcesCompared, type ReportItem } from './_components/sources-compared.ts';
import { eventStructuredData } from './_components/structured-data.ts';
import type { Site } from '../src/site/site-config.ts';

interface EventPage extends Paged<ReportItem> {
  event: Event;
}

/** Places named under "Where", and chips per kind in the aside; an event formed from thousands of stories can gather many. */
const PLACES = 10;
const CHIPS_PER_KIND = 20;

/**
 * A page per event: what it is, where its sources differ, and its stories, a page at a time: the
 * main reports first, then the stories that mention it ("/events/x/", then "/events/x/page/2/").
 */
export const data = {
  pagination: {
    data: 'archive.events',
    size: 1,
    alias: 'eventPage',
    addAllPagesToCollections: true,
    before: thisShard('event', (events: Event[], data: { changes?: ArchiveChanges }): EventPage[] =>
      changedOnly((event: Event) => `event:${event.id}`)(events, data).flatMap((event) => {
        const reports = [...event.reports.filter((report) => report.role === 'main'), ...event.reports.filter((report) => report.role !== 'main')];
        return paginate(reports, PAGE_SIZE.eventStories, eventUrl(event.id)).map((paged) => ({ ...paged, event }));
      })),
  },
  permalink: ({ eventPage }: { eventPage: EventPage }) => pageUrl(eventPage.base, eventPage.number),
};

export function render({ archive, eventPage, site }: { archive: Archive; eventPage: EventPage; site: Site }): string {
  const { event } = eventPage;
  const first = eventPage.number === 1;
  const entities = recordEntities(archive, event);
  const reports = archive.reportsOf(event);
  return page({
    title: `${event.title}${pageSuffix(eventPage)}`,
    description: `${formatEventDate(event)}: ${event.title}${pageSuffix(eventPage)}`,
    section: 'events',
    site,
    url: pageUrl(eventPage.base, eventPage.number),
    ...(first ? { structuredData: eventStructuredData(archive, event, site) } : {}),
    body: html`
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/events/">Events</a></li>${first ? '' : html`<li><a href="${eventUrl(event.id)}">${event.title}</a></li>`}</ol></nav>
<div class="layout-with-aside">
<article class="layout-main event"${first && searchable(event, reports.length) ? html` data-pagefind-body` : ''}>
  <header class="page-header">
    <p class="kicker">Event${event.curated ? '' : ' · formed from the stories'} · <time datetime="${event.date}">${formatEventDate(event)}</time></p>
    <h1>${event.title}${first ? '' : html` <span class="page-header__page">page ${eventPage.number} of ${eventPage.count}</span>`}</h1>
  </header>
  ${first ? html`
  ${searchFacets({ type: 'Event', people: entities.person, organizations: entities.organization, places: entities.place, year: event.date.slice(0, 4), sortDate: event.date, displayDate: formatEventDate(event) })}
  <dl class="facts">
    <div><dt data-pagefind-ignore>When</dt><dd>${formatEventDate(event)} <span class="muted" data-pagefind-ignore>(precise to the ${event.precision})</span></dd></div>
    ${entities.place.length > 0 ? html`<div><dt data-pagefind-ignore>Where</dt><dd>${firstFew(entities.place, PLACES, (place) => html`${place.name}`)}</dd></div>` : ''}
    ${reports.length > 0 ? html`<div data-pagefind-ignore><dt data-pagefind-ignore>Stories</dt><dd>${plural(reports.length, 'story', 'stories')}</dd></div>` : ''}
  </dl>
  ${event.summaryHtml.trim() ? html`<div class="prose">${trusted(event.summaryHtml)}</div>` : ''}
  ${event.curated ? '' : html`<p class="notice" data-pagefind-ignore>Nobody has written this event up yet: the build formed it from ${plural(reports.length, 'story', 'stories')} that give the same date, place and people. To curate it, add <code>content/events/${event.id}.md</code>.</p>`}` : ''}
  ${sourcesCompared(archive, event, eventPage)}
  ${pageNav(eventPage, `Pages of the stories about ${event.title}`)}
</article>
<aside class="layout-aside" aria-label="Who and where">${entityChips(entities, CHIPS_PER_KIND)}</aside>
</div>`,
  });
}
