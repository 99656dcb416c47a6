import type { Archive } from '../src/archive/archive.ts';
import { articleUrl, dayUrl, eventUrl } from '../src/archive/urls.ts';
import { formatDay, plural } from '../src/render/format.ts';
import { html } from '../src/render/html.ts';
import { page } from './_components/page.ts';

export const data = { permalink: '/on-this-day/' };

/**
 * Every calendar day of the year that has events or stories, in calendar order, each listing its
 * years. The page is the same whatever day it is built (builds stay reproducible); a small script
 * points the reader to today's date.
 */
export function render({ archive }: { archive: Archive }): string {
  const calendar = [...archive.calendarDays.entries()];
  return page({
    title: 'On this day',
    description: 'What happened on each day of the year, across every year of the archive.',
    section: 'timeline',
    head: html`<script type="module" src="/assets/on-this-day.js"></script>`,
    body: html`
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Timeline</a></li></ol></nav>
<header class="page-header">
  <h1>On this day</h1>
  <p class="lede">${plural(calendar.length, 'day', 'days')} of the year with events or stories, in calendar order.</p>
  <p class="today-note" role="status"></p>
</header>
${calendar.length === 0 ? html`<p class="empty">Nothing in the archive yet.</p>` : ''}
${calendar.map(([key, groups]) => html`<section class="calendar-day" id="d-${key}" aria-labelledby="d-${key}-title">
  <h2 id="d-${key}-title">${formatDay(`2000-${key}`).replace(/ 2000$/, '')}</h2>
  <ul class="plain-list">${groups.map((group) => html`<li><a href="${dayUrl(group.day)}">${group.day.slice(0, 4)}</a>:
    ${group.events.map((event) => html`<a href="${eventUrl(event.id)}">${event.title}</a> <span class="muted">(event)</span>; `)}
    ${group.published.map((article, index) => html`${index > 0 ? '; ' : ''}<a href="${articleUrl(article.id)}">${article.title}</a> <span class="muted">(${article.source.name})</span>`)}
  </li>`)}</ul>
</section>`)}`,
  });
}
