import type { Archive, MonthGroup } from '../src/archive/archive.ts';
import { monthUrl, yearUrl } from '../src/archive/urls.ts';
import { formatMonth, plural } from '../src/render/format.ts';
import { html } from '../src/render/html.ts';
import { page } from './_components/page.ts';
import { pager } from './_components/pager.ts';
import { entryList } from './_components/timeline.ts';

export const data = {
  pagination: { data: 'archive.months', size: 1, alias: 'month', addAllPagesToCollections: true },
  permalink: ({ month }: { month: MonthGroup }) => monthUrl(month.year, month.month),
};

export function render({ archive, month }: { archive: Archive; month: MonthGroup }): string {
  const months = archive.months;
  const index = months.findIndex((group) => group.year === month.year && group.month === month.month);
  const previous = months[index - 1];
  const next = months[index + 1];
  const link = (group: MonthGroup | undefined) => group && { href: monthUrl(group.year, group.month), label: formatMonth(group.year, group.month) };
  return page({
    title: formatMonth(month.year, month.month),
    description: `${plural(month.articles.length, 'story', 'stories')} from ${formatMonth(month.year, month.month)} in the Chronicle archive.`,
    section: 'timeline',
    body: html`
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Timeline</a></li><li><a href="${yearUrl(month.year)}">${month.year}</a></li></ol></nav>
<header class="page-header">
  <h1>${formatMonth(month.year, month.month)}</h1>
  <p class="lede">${plural(month.entries.filter((entry) => entry.kind === 'event').length, 'event', 'events')}; ${plural(month.articles.length, 'story', 'stories')} published.</p>
</header>
${entryList(archive, month.entries, 2, 'long')}
${pager(link(previous), link(next), 'Other months')}`,
  });
}
