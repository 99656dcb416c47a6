import type { Archive, DayGroup } from '../src/archive/archive.ts';
import { articleUrl, dayUrl, eventUrl, monthUrl, yearUrl } from '../src/archive/urls.ts';
import { formatDay, formatMonth, plural } from '../src/render/format.ts';
import { html } from '../src/render/html.ts';
import { page } from './_components/page.ts';
import { pager } from './_components/pager.ts';
import { commaList } from './_components/links.ts';
import { eventEntry, timelineList } from './_components/timeline.ts';

export const data = {
  pagination: { data: 'archive.days', size: 1, alias: 'group', addAllPagesToCollections: true },
  permalink: ({ group }: { group: DayGroup }) => dayUrl(group.day),
};

export function render({ archive, group }: { archive: Archive; group: DayGroup }): string {
  const index = archive.days.indexOf(group);
  const previous = archive.days[index - 1];
  const next = archive.days[index + 1];
  const [year = '', month = ''] = group.day.split('-');
  const otherYears = archive.sameDayInOtherYears(group.day);
  const link = (day: DayGroup | undefined) => day && { href: dayUrl(day.day), label: formatDay(day.day) };
  return page({
    title: formatDay(group.day),
    description: `What the archive says about ${formatDay(group.day)}.`,
    section: 'timeline',
    body: html`
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>
  <li><a href="/">Timeline</a></li>
  ${archive.hasYear(year) ? html`<li><a href="${yearUrl(year)}">${year}</a></li>` : ''}
  ${archive.hasMonth(year, month) ? html`<li><a href="${monthUrl(year, month)}">${formatMonth(year, month)}</a></li>` : ''}
</ol></nav>
<header class="page-header">
  <h1>${formatDay(group.day)}</h1>
  <p class="lede">${plural(group.events.length, 'event', 'events')}, ${plural(group.published.length, 'story', 'stories')} published, mentioned in ${plural(group.mentionedIn.length, 'other story', 'other stories')}.</p>
</header>
${group.events.length > 0 ? html`<section class="day-section" aria-labelledby="events-title">
  <h2 id="events-title">Events this day</h2>
  <ol class="timeline">${group.events.map((event) => eventEntry(archive, event, 3))}</ol>
</section>` : ''}
${group.published.length > 0 ? html`<section class="day-section" aria-labelledby="published-title">
  <h2 id="published-title">Published this day</h2>
  ${timelineList(archive, group.published, 3)}
</section>` : ''}
${group.mentionedIn.length > 0 ? html`<section class="day-section" aria-labelledby="mentioned-title">
  <h2 id="mentioned-title">Mentioned in</h2>
  <ul class="reports">${group.mentionedIn.map(({ article, mentions }) => html`<li>
    <p class="reports__title"><a href="${articleUrl(article.id)}">${article.title}</a></p>
    <p class="muted">${commaList(mentions.map((mention) => html`<q>${mention.text}</q>`))} — ${article.source.name}, ${formatDay(article.day)}</p>
  </li>`)}</ul>
</section>` : ''}
${otherYears.length > 0 ? html`<section class="day-section" aria-labelledby="on-this-day-title">
  <h2 id="on-this-day-title">On this day in other years</h2>
  <ul class="plain-list">${otherYears.map((other) => html`<li><a href="${dayUrl(other.day)}">${formatDay(other.day)}</a>: ${commaList([
    ...other.events.map((event) => html`<a href="${eventUrl(event.id)}">${event.title}</a>`),
    ...other.published.map((article) => html`<a href="${articleUrl(article.id)}">${article.title}</a>`),
  ])}</li>`)}</ul>
</section>` : ''}
${pager(link(previous), link(next), 'Other days')}`,
  });
}
