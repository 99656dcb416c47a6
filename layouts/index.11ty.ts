import type { Archive, TimelineEntry } from '../src/archive/archive.ts';
import { entityIndexUrl, entityUrl, yearUrl } from '../src/archive/urls.ts';
import type { Entity, EntityKind, Event } from '../src/content/schemas.ts';
import { plural } from '../src/render/format.ts';
import { html } from '../src/render/html.ts';
import { archiveChart, busiestIn } from './_components/archive-chart.ts';
import { KIND_LABEL } from './_components/links.ts';
import { page } from './_components/page.ts';
import { pageNav } from './_components/pager.ts';
import { PAGE_SIZE, pageSuffix, pageUrl, paginate, type Paged } from './_components/paging.ts';
import { entryKeys, monthSection, monthSlices, type MonthSlice } from './_components/timeline.ts';
import { entryKey, holdingChanges, thisShard, type RunData } from './_components/this-run.ts';

const CHIPS_PER_KIND = 8;

/** Shared by every page of the timeline: worked out once, not once per page. */
interface TimelineShared {
  chips: Array<{ kind: EntityKind; top: Array<{ entity: Entity; events: Event[] }> }>;
  chipKeys: ReadonlySet<string>;
  /** The page each year starts on, for the "jump to a year" links. */
  yearPages: ReadonlyMap<string, number>;
}

interface TimelinePage extends Paged<TimelineEntry> {
  shared: TimelineShared;
}

/** The whole timeline, oldest first, a page at a time: page 1 at "/", then "/page/2/" and on. */
export const data = {
  pagination: {
    data: 'archive.entries',
    size: 1,
    alias: 'timelinePage',
    addAllPagesToCollections: true,
    before: thisShard('index', (entries: TimelineEntry[], data: { archive: Archive } & Pick<RunData, 'changes'>): TimelinePage[] =>
      holdingChanges((timelinePage: TimelinePage) => timelinePage.items.map(entryKey))(timelinePages(data.archive, entries), data)),
  },
  permalink: ({ timelinePage }: { timelinePage: TimelinePage }) => pageUrl('/', timelinePage.number),
};

function timelinePages(archive: Archive, entries: readonly TimelineEntry[]): TimelinePage[] {
  const busiest = busiestIn(archive, archive.events);
  const chips = (['person', 'organization', 'place'] as const).map((kind) => ({
    kind,
    top: busiest.filter(({ entity }) => entity.kind === kind).slice(0, CHIPS_PER_KIND),
  }));
  const chipKeys = new Set(chips.flatMap(({ kind, top }) => top.map(({ entity }) => `${kind}:${entity.id}`)));
  const yearPages = new Map<string, number>();
  entries.forEach((entry, index) => {
    const year = entry.key.slice(0, 4);
    if (!yearPages.has(year)) yearPages.set(year, Math.floor(index / PAGE_SIZE.timeline) + 1);
  });
  const shared = { chips, chipKeys, yearPages };
  return paginate(entries, PAGE_SIZE.timeline, '/').map((paged) => ({ ...paged, shared }));
}

export function render({ archive, timelinePage }: { archive: Archive; timelinePage: TimelinePage }): string {
  const { chips, chipKeys, yearPages } = timelinePage.shared;
  const first = archive.years[0]?.year;
  const last = archive.years.at(-1)?.year;
  const years = yearsOf(monthSlices(archive, timelinePage.items));
  const paged = timelinePage.count > 1;

  return page({
    title: timelinePage.number === 1 ? 'Chronicle' : `The timeline${pageSuffix(timelinePage)}`,
    description: `A timeline of ${archive.events.length} events reported in ${archive.articles.length} news stories${first ? ` from ${first} to ${last}` : ''}, linked to the people, organizations and places in them.${paged ? ` Page ${timelinePage.number} of ${timelinePage.count}.` : ''}`,
    section: 'timeline',
    head: html`<script type="module" src="/assets/timeline-filter.js"></script>`,
    body: html`
<header class="page-header">
  <h1>The timeline${timelinePage.number > 1 ? html` <span class="page-header__page">page ${timelinePage.number} of ${timelinePage.count}</span>` : ''}</h1>
  <p class="lede">${plural(archive.events.length, 'event', 'events')} reported in ${plural(archive.articles.length, 'story', 'stories')} from ${plural(archive.sourceCount, 'source', 'sources')}${first ? html`, ${first === last ? first : html`${first}–${last}`}` : ''}, oldest first. Each event lists the stories that report it; each story links to its original.</p>
  <p class="header-links"><a href="/on-this-day/" id="on-this-day-link">On this day</a> · <a href="/events/">All events</a> · <a href="/api/timeline.json">Open in TimelineJS (JSON)</a></p>
  ${archive.years.length > 1 ? html`<nav class="year-nav" aria-label="Jump to a year"><ul>${archive.years.map((year) => html`<li><a href="${yearHref(year.year, yearPages, timelinePage.number)}">${year.year}</a></li>`)}</ul></nav>` : ''}
</header>
${timelinePage.number === 1 ? archiveChart(archive, 'chart-home', '', archive.events) : ''}
${chips.some(({ top }) => top.length > 0) ? html`<section class="filter-bar" aria-labelledby="filter-title" data-timeline-filter>
  <h2 id="filter-title" class="filter-bar__title">Who and where</h2>
  <p class="filter-bar__hint muted">Each name opens its own timeline.<span class="js-only"> Or pick names to narrow ${paged ? 'this page of the timeline' : 'this one'}.</span></p>
  ${chips.map(({ kind, top }) => top.length === 0 ? '' : html`<div class="filter-bar__group">
    <h3 class="filter-bar__kind">${KIND_LABEL[kind].many} <a class="filter-bar__all" href="${entityIndexUrl(kind)}">all</a></h3>
    <ul class="chip-list">${top.map(({ entity, events }) => html`<li><a class="chip chip--${kind}" href="${entityUrl(kind, entity.id)}" data-filter-key="${kind}:${entity.id}">${entity.name} <span class="chip__count">${events.length}</span></a></li>`)}</ul>
  </div>`)}
  <p class="filter-bar__status" role="status" aria-live="polite" data-names="${filterNames(archive, timelinePage.items, chipKeys)}"></p>
</section>` : ''}
<div class="timeline-main" id="timeline"${paged ? html` data-page="${timelinePage.number}"` : ''}>
  ${archive.years.length === 0 ? html`<p class="empty">No stories yet. Add Markdown articles to <code>content/articles/</code> and build again.</p>` : ''}
  ${years.map(({ year, slices }) => {
    const group = archive.years.find((item) => item.year === year);
    return html`<section class="year" id="year-${year}" aria-labelledby="year-${year}-title">
    <h2 class="year__title" id="year-${year}-title"><a href="${yearUrl(year)}">${year}</a> <span class="count">${group ? html`${plural(group.eventCount, 'event', 'events')}, ${plural(group.articleCount, 'story', 'stories')}` : ''}</span></h2>
    ${slices.map((slice) => monthSection(archive, slice.month, 3, slice.entries, { filterKeys: true }))}
  </section>`;
  })}
</div>
${pageNav(timelinePage, 'Pages of the timeline')}`,
  });
}

/**
 * The names of the people, organizations and places this page's entries name but no chip shows,
 * for the filter's status line when the address asks for one of them (`?with=person:x`): a JSON
 * object by key, written in an attribute (the page runs no inline script, and needs none for data).
 */
function filterNames(archive: Archive, entries: readonly TimelineEntry[], chipKeys: ReadonlySet<string>): string {
  const names = new Map<string, string>();
  for (const entry of entries) {
    for (const key of entryKeys(entry)) {
      if (chipKeys.has(key) || names.has(key)) continue;
      const colon = key.indexOf(':');
      const entity = archive.entity(key.slice(0, colon) as EntityKind, key.slice(colon + 1));
      if (entity) names.set(key, entity.name);
    }
  }
  return JSON.stringify(Object.fromEntries(names));
}

/** The year's section: on this page by its id alone, on another page by that page's address. */
function yearHref(year: string, yearPages: ReadonlyMap<string, number>, current: number): string {
  const number = yearPages.get(year) ?? 1;
  return number === current ? `#year-${year}` : `${pageUrl('/', number)}#year-${year}`;
}

function yearsOf(slices: readonly MonthSlice[]): Array<{ year: string; slices: MonthSlice[] }> {
  const years: Array<{ year: string; slices: MonthSlice[] }> = [];
  for (const slice of slices) {
    const last = years.at(-1);
    if (last?.year === slice.month.year) last.slices.push(slice);
    else years.push({ year: slice.month.year, slices: [slice] });
  }
  return years;
}
