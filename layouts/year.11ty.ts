import type { Archive, YearGroup } from '../src/archive/archive.ts';
import { yearUrl } from '../src/archive/urls.ts';
import { plural } from '../src/render/format.ts';
import { html } from '../src/render/html.ts';
import { page } from './_components/page.ts';
import { pager } from './_components/pager.ts';
import { monthSection } from './_components/timeline.ts';

export const data = {
  pagination: { data: 'archive.years', size: 1, alias: 'year', addAllPagesToCollections: true },
  permalink: ({ year }: { year: YearGroup }) => yearUrl(year.year),
};

export function render({ archive, year }: { archive: Archive; year: YearGroup }): string {
  const index = archive.years.indexOf(year);
  const previous = archive.years[index - 1];
  const next = archive.years[index + 1];
  return page({
    title: year.year,
    description: `${plural(year.eventCount, 'event', 'events')} and ${plural(year.articleCount, 'story', 'stories')} from ${year.year} in the Chronicle archive.`,
    section: 'timeline',
    body: html`
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Timeline</a></li></ol></nav>
<header class="page-header">
  <h1>${year.year}</h1>
  <p class="lede">${plural(year.eventCount, 'event', 'events')} and ${plural(year.articleCount, 'story', 'stories')} in ${plural(year.months.length, 'month', 'months')}.</p>
</header>
${year.months.map((month) => monthSection(archive, month, 2))}
${pager(previous && { href: yearUrl(previous.year), label: previous.year }, next && { href: yearUrl(next.year), label: next.year }, 'Other years')}`,
  });
}
