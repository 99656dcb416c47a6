import type { Archive } from '../src/archive/archive.ts';
import { eventUrl } from '../src/archive/urls.ts';
import { formatEventDate, plural } from '../src/render/format.ts';
import { html } from '../src/render/html.ts';
import { page } from './_components/page.ts';

export const data = { permalink: '/events/' };

export function render({ archive }: { archive: Archive }): string {
  return page({
    title: 'Events',
    description: 'The happenings the archive reports, each with the stories that report it.',
    section: 'events',
    body: html`
<header class="page-header">
  <h1>Events</h1>
  <p class="lede">${plural(archive.events.length, 'event', 'events')}, oldest first, each with the stories that report it.</p>
</header>
<ol class="card-list">
  ${archive.events.map((event) => html`<li class="card">
    <p class="kicker"><time datetime="${event.date}">${formatEventDate(event)}</time></p>
    <h2 class="card__title"><a href="${eventUrl(event.id)}">${event.title}</a></h2>
    <p class="muted">${plural(archive.reportsOf(event).length, 'source', 'sources')}${event.places.length > 0 ? html` · ${archive.entitiesIn(event, 'place').map((place) => place.name).join(', ')}` : ''}</p>
  </li>`)}
</ol>`,
  });
}
