import type { Archive, TimelineEntry, YearGroup } from '../src/archive/archive.ts';
import type { ArchiveChanges } from '../src/archive/archive-changes.ts';
import { yearUrl } from '../src/archive/urls.ts';
import { plural } from '../src/render/format.ts';
import { html } from '../src/render/html.ts';
import { page } from './_components/page.ts';
import { pageNav, pager } from './_components/pager.ts';
import { PAGE_SIZE, pageSuffix, pageUrl, paginate, type Paged } from './_components/paging.ts';
import { monthSection, monthSlices } from './_components/timeline.ts';
import { entryKey, holdingChanges, thisShard } from './_components/this-run.ts';

interface YearPage extends Paged<TimelineEntry> {
  year: YearGroup;
  previous: YearGroup | undefined;
  next: YearGroup | undefined;
}

/** A page per year, its entries a page at a time: "/2024/", then "/2024/page/2/". */
export const data = {
  pagination: {
    data: 'archive.years',
    size: 1,
    alias: 'yearPage',
    addAllPagesToCollections: true,
    before: thisShard('year', (years: YearGroup[], { changes }: { changes?: ArchiveChanges }): YearPage[] =>
      years.flatMap((year, index) => {
        if (changes && !changes.has(`year:${year.year}`)) return [];
        const pages = paginate(year.months.flatMap((month) => month.entries), PAGE_SIZE.timeline, yearUrl(year.year)).map((paged) => ({
          ...paged,
          year,
          previous: years[index - 1],
          next: years[index + 1],
        }));
        // After an edit that left the archive linked the same, only the pages holding a changed entry.
        return holdingChanges((yearPage: YearPage) => yearPage.items.map(entryKey))(pages, { changes });
      })),
  },
  permalink: ({ yearPage }: { yearPage: YearPage }) => pageUrl(yearPage.base, yearPage.number),
};

export function render({ archive, yearPage }: { archive: Archive; yearPage: YearPage }): string {
  const { year, previous, next } = yearPage;
  return page({
    title: `${year.year}${pageSuffix(yearPage)}`,
    description: `${plural(year.eventCount, 'event', 'events')} and ${plural(year.articleCount, 'story', 'stories')} from ${year.year} in the Chronicle archive.`,
    section: 'timeline',
    body: html`
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Timeline</a></li>${yearPage.number > 1 ? html`<li><a href="${yearUrl(year.year)}">${year.year}</a></li>` : ''}</ol></nav>
<header class="page-header">
  <h1>${year.year}${yearPage.number > 1 ? html` <span class="page-header__page">page ${yearPage.number} of ${yearPage.count}</span>` : ''}</h1>
  <p class="lede">${plural(year.eventCount, 'event', 'events')} and ${plural(year.articleCount, 'story', 'stories')} in ${plural(year.months.length, 'month', 'months')}.</p>
</header>
${monthSlices(archive, yearPage.items).map((slice) => monthSection(archive, slice.month, 2, slice.entries))}
${pageNav(yearPage, `Pages of ${year.year}`)}
${pager(previous && { href: yearUrl(previous.year), label: previous.year }, next && { href: yearUrl(next.year), label: next.year }, 'Other years')}`,
  });
}
