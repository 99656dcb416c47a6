import type { Archive } from '../src/archive/archive.ts';
import { eventUrl } from '../src/archive/urls.ts';
import type { Event } from '../src/content/schemas.ts';
import { formatEventDate, plural } from '../src/render/format.ts';
import { html, trusted } from '../src/render/html.ts';
import { entityChips, recordEntities } from './_components/links.ts';
import { page } from './_components/page.ts';
import { searchFacets } from './_components/search-attributes.ts';
import { sourcesCompared } from './_components/sources-compared.ts';
import { eventStructuredData } from './_components/structured-data.ts';
import type { Site } from '../src/site/site-config.ts';

export const data = {
  pagination: { data: 'archive.events', size: 1, alias: 'event', addAllPagesToCollections: true },
  permalink: ({ event }: { event: Event }) => eventUrl(event.id),
};

export function render({ archive, event, site }: { archive: Archive; event: Event; site: Site }): string {
  const entities = recordEntities(archive, event);
  const reports = archive.reportsOf(event);
  return page({
    title: event.title,
    description: `${formatEventDate(event)}: ${event.title}`,
    section: 'events',
    site,
    url: eventUrl(event.id),
    structuredData: eventStructuredData(archive, event, site),
    body: html`
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/events/">Events</a></li></ol></nav>
<div class="layout-with-aside">
<article class="layout-main event" data-pagefind-body>
  <header class="page-header">
    <p class="kicker">Event${event.curated ? '' : ' · formed from the stories'} · <time datetime="${event.date}">${formatEventDate(event)}</time></p>
    <h1>${event.title}</h1>
  </header>
  ${searchFacets({ type: 'Event', people: entities.person, organizations: entities.organization, places: entities.place, year: event.date.slice(0, 4), sortDate: event.date, displayDate: formatEventDate(event) })}
  <dl class="facts">
    <div><dt data-pagefind-ignore>When</dt><dd>${formatEventDate(event)} <span class="muted" data-pagefind-ignore>(precise to the ${event.precision})</span></dd></div>
    ${entities.place.length > 0 ? html`<div><dt data-pagefind-ignore>Where</dt><dd>${entities.place.map((place) => place.name).join(', ')}</dd></div>` : ''}
  </dl>
  ${event.summaryHtml.trim() ? html`<div class="prose">${trusted(event.summaryHtml)}</div>` : ''}
  ${event.curated ? '' : html`<p class="notice">Nobody has written this event up yet: the build formed it from ${plural(reports.length, 'story', 'stories')} that give the same date, place and people. To curate it, add <code>content/events/${event.id}.md</code>.</p>`}
  ${sourcesCompared(archive, event)}
</article>
<aside class="layout-aside" aria-label="Who and where">${entityChips(entities)}</aside>
</div>`,
  });
}
