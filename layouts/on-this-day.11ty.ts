import type { Archive, DayGroup } from '../src/archive/archive.ts';
import { formatDay, monthName, plural } from '../src/render/format.ts';
import { html } from '../src/render/html.ts';
import { dayInBrief } from './_components/day-in-brief.ts';
import { page } from './_components/page.ts';
import { pageNav } from './_components/pager.ts';
import { PAGE_SIZE, pageSuffix, pageUrl, paginate, type Paged } from './_components/paging.ts';
import { holdingChanges, thisShard, type RunData } from './_components/this-run.ts';

/** One year of one calendar day: a line of the page. */
interface CalendarRow {
  /** "02-06" */
  key: string;
  group: DayGroup;
}

/** Shared by every page: where each calendar day and each month starts. */
interface CalendarShared {
  days: number;
  /** The page each calendar day starts on, "02-06" → 3. */
  dayPages: ReadonlyMap<string, number>;
  /** The first calendar day of each month that has one, "02" → "02-01". */
  monthStarts: ReadonlyMap<string, string>;
}

interface CalendarPage extends Paged<CalendarRow> {
  shared: CalendarShared;
}

const BASE = '/on-this-day/';

/**
 * Every calendar day of the year that has events or stories, in calendar order, each listing its
 * years in a line apiece, a number of lines per page. The pages are the same whatever day they are
 * built (builds stay reproducible); a small script points the reader to today's date, on whichever
 * page it is.
 */
export const data = {
  pagination: {
    data: 'archive.days',
    size: 1,
    alias: 'calendarPage',
    addAllPagesToCollections: true,
    before: thisShard('on-this-day', (_days: DayGroup[], data: { archive: Archive } & Pick<RunData, 'changes'>): CalendarPage[] =>
      holdingChanges((calendarPage: CalendarPage) => calendarPage.items.map((row) => `brief:${row.group.day}`))(calendarPages(data.archive), data)),
  },
  permalink: ({ calendarPage }: { calendarPage: CalendarPage }) => pageUrl(BASE, calendarPage.number),
};

function calendarPages(archive: Archive): CalendarPage[] {
  const rows = [...archive.calendarDays.entries()].flatMap(([key, groups]) => groups.map((group) => ({ key, group })));
  const dayPages = new Map<string, number>();
  const monthStarts = new Map<string, string>();
  rows.forEach(({ key }, index) => {
    if (!dayPages.has(key)) dayPages.set(key, Math.floor(index / PAGE_SIZE.calendarRows) + 1);
    if (!monthStarts.has(key.slice(0, 2))) monthStarts.set(key.slice(0, 2), key);
  });
  const shared = { days: archive.calendarDays.size, dayPages, monthStarts };
  return paginate(rows, PAGE_SIZE.calendarRows, BASE).map((paged) => ({ ...paged, shared }));
}

export function render({ calendarPage }: { calendarPage: CalendarPage }): string {
  const { days, dayPages, monthStarts } = calendarPage.shared;
  const sections = byCalendarDay(calendarPage.items);
  const dayHref = (key: string) => {
    const number = dayPages.get(key) ?? 1;
    return number === calendarPage.number ? `#d-${key}` : `${pageUrl(BASE, number)}#d-${key}`;
  };
  return page({
    title: `On this day${pageSuffix(calendarPage)}`,
    description: 'What happened on each day of the year, across every year of the archive.',
    section: 'timeline',
    head: html`<script type="module" src="/assets/on-this-day.js"></script>`,
    body: html`
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Timeline</a></li>${calendarPage.number > 1 ? html`<li><a href="${BASE}">On this day</a></li>` : ''}</ol></nav>
<header class="page-header">
  <h1>On this day${calendarPage.number > 1 ? html` <span class="page-header__page">page ${calendarPage.number} of ${calendarPage.count}</span>` : ''}</h1>
  <p class="lede">${plural(days, 'day', 'days')} of the year with events or stories, in calendar order.</p>
  <p class="today-note" role="status" data-page="${calendarPage.number}" data-day-pages="${[...dayPages].map(([key, number]) => `${key}:${number}`).join(' ')}"></p>
  ${calendarPage.count > 1 ? html`<nav class="year-nav" aria-label="Jump to a month"><ul>${[...monthStarts].map(([month, key]) => html`<li><a href="${dayHref(key)}">${monthName(month)}</a></li>`)}</ul></nav>` : ''}
</header>
${days === 0 ? html`<p class="empty">Nothing in the archive yet.</p>` : ''}
${sections.map(({ key, groups }) => html`<section class="calendar-day" id="d-${key}" aria-labelledby="d-${key}-title">
  <h2 id="d-${key}-title">${formatDay(`2000-${key}`).replace(/ 2000$/, '')}</h2>
  <ul class="plain-list">${groups.map((group) => html`<li>${dayInBrief(group, group.day.slice(0, 4))}</li>`)}</ul>
</section>`)}
${pageNav(calendarPage, 'Pages of On this day')}`,
  });
}

function byCalendarDay(rows: readonly CalendarRow[]): Array<{ key: string; groups: DayGroup[] }> {
  const sections: Array<{ key: string; groups: DayGroup[] }> = [];
  for (const { key, group } of rows) {
    const last = sections.at(-1);
    if (last?.key === key) last.groups.push(group);
    else sections.push({ key, groups: [group] });
  }
  return sections;
}
