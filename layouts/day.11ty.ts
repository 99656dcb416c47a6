import type { Archive, DayGroup } from '../src/archive/archive.ts';
import { changedOnly, thisShard } from './_components/this-run.ts';
import type { ArchiveChanges } from '../src/archive/archive-changes.ts';
import { articleUrl, dayUrl, monthUrl, yearUrl } from '../src/archive/urls.ts';
import type { Article, DateMention, Event } from '../src/content/schemas.ts';
import { formatDay, formatMonth, plural } from '../src/render/format.ts';
import { html } from '../src/render/html.ts';
import { page } from './_components/page.ts';
import { pageNav, pager } from './_components/pager.ts';
import { PAGE_SIZE, pageSuffix, pageUrl, paginate, type Paged } from './_components/paging.ts';
import { commaList } from './_components/links.ts';
import { dayInBrief } from './_components/day-in-brief.ts';
import { eventEntry, timelineEntry } from './_components/timeline.ts';

/** What a day page lists, in order: its events, the stories published on it, the stories that mention it. */
type DayItem =
  | { section: 'events'; event: Event }
  | { section: 'published'; article: Article }
  | { section: 'mentioned'; article: Article; mentions: DateMention[] };

interface DayPage extends Paged<DayItem> {
  group: DayGroup;
}

/** A page per day with anything on it, a page of items at a time: "/2026/02/06/", then ".../page/2/". */
export const data = {
  pagination: {
    data: 'archive.days',
    size: 1,
    alias: 'dayPage',
    addAllPagesToCollections: true,
    before: thisShard('day', (days: DayGroup[], data: { changes?: ArchiveChanges }): DayPage[] =>
      changedOnly((group: DayGroup) => `day:${group.day}`)(days, data).flatMap((group) => {
        const items: DayItem[] = [
          ...group.events.map((event) => ({ section: 'events' as const, event })),
          ...group.published.map((article) => ({ section: 'published' as const, article })),
          ...group.mentionedIn.map(({ article, mentions }) => ({ section: 'mentioned' as const, article, mentions })),
        ];
        return paginate(items, PAGE_SIZE.day, dayUrl(group.day)).map((paged) => ({ ...paged, group }));
      })),
  },
  permalink: ({ dayPage }: { dayPage: DayPage }) => pageUrl(dayPage.base, dayPage.number),
};

export function render({ archive, dayPage }: { archive: Archive; dayPage: DayPage }): string {
  const { group } = dayPage;
  const { previous, next } = archive.neighbourDays(group.day);
  const [year = '', month = ''] = group.day.split('-');
  const otherYears = dayPage.number === 1 ? archive.sameDayInOtherYears(group.day) : [];
  const link = (day: DayGroup | undefined) => day && { href: dayUrl(day.day), label: formatDay(day.day) };
  const items = <S extends DayItem['section']>(section: S) => dayPage.items.filter((item): item is Extract<DayItem, { section: S }> => item.section === section);
  const events = items('events');
  const published = items('published');
  const mentioned = items('mentioned');
  return page({
    title: `${formatDay(group.day)}${pageSuffix(dayPage)}`,
    description: `What the archive says about ${formatDay(group.day)}.`,
    section: 'timeline',
    body: html`
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>
  <li><a href="/">Timeline</a></li>
  ${archive.hasYear(year) ? html`<li><a href="${yearUrl(year)}">${year}</a></li>` : ''}
  ${archive.hasMonth(year, month) ? html`<li><a href="${monthUrl(year, month)}">${formatMonth(year, month)}</a></li>` : ''}
  ${dayPage.number > 1 ? html`<li><a href="${dayUrl(group.day)}">${formatDay(group.day)}</a></li>` : ''}
</ol></nav>
<header class="page-header">
  <h1>${formatDay(group.day)}${dayPage.number > 1 ? html` <span class="page-header__page">page ${dayPage.number} of ${dayPage.count}</span>` : ''}</h1>
  <p class="lede">${plural(group.events.length, 'event', 'events')}, ${plural(group.published.length, 'story', 'stories')} published, mentioned in ${plural(group.mentionedIn.length, 'other story', 'other stories')}.</p>
</header>
${events.length > 0 ? html`<section class="day-section" aria-labelledby="events-title">
  <h2 id="events-title">Events this day</h2>
  <ol class="timeline">${events.map(({ event }) => eventEntry(archive, event, 3))}</ol>
</section>` : ''}
${published.length > 0 ? html`<section class="day-section" aria-labelledby="published-title">
  <h2 id="published-title">Published this day</h2>
  <ol class="timeline">${published.map(({ article }) => timelineEntry(archive, article, 3))}</ol>
</section>` : ''}
${mentioned.length > 0 ? html`<section class="day-section" aria-labelledby="mentioned-title">
  <h2 id="mentioned-title">Mentioned in</h2>
  <ul class="reports">${mentioned.map(({ article, mentions }) => html`<li>
    <p class="reports__title"><a href="${articleUrl(article.id)}">${article.title}</a></p>
    <p class="muted">${commaList(mentions.map((mention) => html`<q>${mention.text}</q>`))} — ${article.source.name}, ${formatDay(article.day)}</p>
  </li>`)}</ul>
</section>` : ''}
${pageNav(dayPage, `Pages of ${formatDay(group.day)}`)}
${otherYears.length > 0 ? html`<section class="day-section" aria-labelledby="on-this-day-title">
  <h2 id="on-this-day-title">On this day in other years</h2>
  <ul class="plain-list">${otherYears.map((other) => html`<li>${dayInBrief(other, formatDay(other.day))}</li>`)}</ul>
</section>` : ''}
${pager(link(previous), link(next), 'Other days')}`,
  });
}
