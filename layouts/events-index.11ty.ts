import type { Archive } from '../src/archive/archive.ts';
import { eventUrl } from '../src/archive/urls.ts';
import type { Event } from '../src/content/schemas.ts';
import { formatEventDate, plural } from '../src/render/format.ts';
import { html } from '../src/render/html.ts';
import { page } from './_components/page.ts';
import { pageNav } from './_components/pager.ts';
import { PAGE_SIZE, pageSuffix, pageUrl, paginate, type Paged } from './_components/paging.ts';
import { firstFew } from './_components/sources-compared.ts';
import { unlessLinkedTheSame, thisShard, type RunData } from './_components/this-run.ts';

/** Places named on an event's card. */
const PLACES = 5;

/** Every event, oldest first, a page of cards at a time: "/events/", then "/events/page/2/". */
export const data = {
  pagination: {
    data: 'archive.events',
    size: 1,
    alias: 'eventsPage',
    addAllPagesToCollections: true,
    // Cards show events alone: an edit that links the archive the same changes none of them.
    before: thisShard('events-index', (events: Event[], data: Pick<RunData, 'changes'>): Array<Paged<Event>> => unlessLinkedTheSame(paginate(events, PAGE_SIZE.cards, '/events/'), data)),
  },
  permalink: ({ eventsPage }: { eventsPage: Paged<Event> }) => pageUrl(eventsPage.base, eventsPage.number),
};

export function render({ archive, eventsPage }: { archive: Archive; eventsPage: Paged<Event> }): string {
  return page({
    title: `Events${pageSuffix(eventsPage)}`,
    description: 'The happenings the archive reports, each with the stories that report it.',
    section: 'events',
    body: html`
${eventsPage.number > 1 ? html`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/events/">Events</a></li></ol></nav>` : ''}
<header class="page-header">
  <h1>Events${eventsPage.number > 1 ? html` <span class="page-header__page">page ${eventsPage.number} of ${eventsPage.count}</span>` : ''}</h1>
  <p class="lede">${plural(archive.events.length, 'event', 'events')}, oldest first, each with the stories that report it.</p>
</header>
<ol class="card-list"${eventsPage.offset > 0 ? html` start="${eventsPage.offset + 1}"` : ''}>
  ${eventsPage.items.map((event) => html`<li class="card">
    <p class="kicker"><time datetime="${event.date}">${formatEventDate(event)}</time></p>
    <h2 class="card__title"><a href="${eventUrl(event.id)}">${event.title}</a></h2>
    <p class="muted">${plural(archive.reportsOf(event).length, 'source', 'sources')}${event.places.length > 0 ? html` · ${firstFew(archive.entitiesIn(event, 'place'), PLACES, (place) => html`${place.name}`)}` : ''}</p>
  </li>`)}
</ol>
${pageNav(eventsPage, 'Pages of events')}`,
  });
}
