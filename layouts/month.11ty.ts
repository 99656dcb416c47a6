import type { Archive, MonthGroup, TimelineEntry } from '../src/archive/archive.ts';
import type { ArchiveChanges } from '../src/archive/archive-changes.ts';
import { monthUrl, yearUrl } from '../src/archive/urls.ts';
import { formatMonth, plural } from '../src/render/format.ts';
import { html } from '../src/render/html.ts';
import { page } from './_components/page.ts';
import { pageNav, pager } from './_components/pager.ts';
import { PAGE_SIZE, pageSuffix, pageUrl, paginate, type Paged } from './_components/paging.ts';
import { entryList } from './_components/timeline.ts';
import { entryKey, holdingChanges, thisShard } from './_components/this-run.ts';

interface MonthPage extends Paged<TimelineEntry> {
  month: MonthGroup;
  eventCount: number;
  previous: MonthGroup | undefined;
  next: MonthGroup | undefined;
}

/** A page per month, its entries a page at a time: "/2024/03/", then "/2024/03/page/2/". */
export const data = {
  pagination: {
    data: 'archive.months',
    size: 1,
    alias: 'monthPage',
    addAllPagesToCollections: true,
    before: thisShard('month', (months: MonthGroup[], { changes }: { changes?: ArchiveChanges }): MonthPage[] =>
      months.flatMap((month, index) => {
        if (changes && !changes.has(`month:${month.year}-${month.month}`)) return [];
        const eventCount = month.entries.filter((entry) => entry.kind === 'event').length;
        const pages = paginate(month.entries, PAGE_SIZE.timeline, monthUrl(month.year, month.month)).map((paged) => ({
          ...paged,
          month,
          eventCount,
          previous: months[index - 1],
          next: months[index + 1],
        }));
        // After an edit that left the archive linked the same, only the pages holding a changed entry.
        return holdingChanges((monthPage: MonthPage) => monthPage.items.map(entryKey))(pages, { changes });
      })),
  },
  permalink: ({ monthPage }: { monthPage: MonthPage }) => pageUrl(monthPage.base, monthPage.number),
};

export function render({ archive, monthPage }: { archive: Archive; monthPage: MonthPage }): string {
  const { month, previous, next } = monthPage;
  const name = formatMonth(month.year, month.month);
  const link = (group: MonthGroup | undefined) => group && { href: monthUrl(group.year, group.month), label: formatMonth(group.year, group.month) };
  return page({
    title: `${name}${pageSuffix(monthPage)}`,
    description: `${plural(month.articles.length, 'story', 'stories')} from ${name} in the Chronicle archive.`,
    section: 'timeline',
    body: html`
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Timeline</a></li><li><a href="${yearUrl(month.year)}">${month.year}</a></li>${monthPage.number > 1 ? html`<li><a href="${monthUrl(month.year, month.month)}">${name}</a></li>` : ''}</ol></nav>
<header class="page-header">
  <h1>${name}${monthPage.number > 1 ? html` <span class="page-header__page">page ${monthPage.number} of ${monthPage.count}</span>` : ''}</h1>
  <p class="lede">${plural(monthPage.eventCount, 'event', 'events')}; ${plural(month.articles.length, 'story', 'stories')} published.</p>
</header>
${entryList(archive, monthPage.items, 2, { dateStyle: 'long' })}
${pageNav(monthPage, `Pages of ${name}`)}
${pager(link(previous), link(next), 'Other months')}`,
  });
}
