import type { Archive } from '../src/archive/archive.ts';
import { entityIndexUrl, entityUrl, yearUrl } from '../src/archive/urls.ts';
import { plural } from '../src/render/format.ts';
import { html } from '../src/render/html.ts';
import { archiveChart, busiestIn } from './_components/archive-chart.ts';
import { KIND_LABEL } from './_components/links.ts';
import { page } from './_components/page.ts';
import { monthSection } from './_components/timeline.ts';

export const data = { permalink: '/' };

const CHIPS_PER_KIND = 8;

export function render({ archive }: { archive: Archive }): string {
  const sources = new Set(archive.articles.map((article) => article.source.name));
  const first = archive.years[0]?.year;
  const last = archive.years.at(-1)?.year;
  const busiest = busiestIn(archive, archive.events);
  const chips = (['person', 'organization', 'place'] as const).map((kind) => ({
    kind,
    top: busiest.filter(({ entity }) => entity.kind === kind).slice(0, CHIPS_PER_KIND),
  }));

  return page({
    title: 'Chronicle',
    description: `A timeline of ${archive.events.length} events reported in ${archive.articles.length} news stories${first ? ` from ${first} to ${last}` : ''}, linked to the people, organizations and places in them.`,
    section: 'timeline',
    head: html`<script type="module" src="/assets/timeline-filter.js"></script>`,
    body: html`
<header class="page-header">
  <h1>The timeline</h1>
  <p class="lede">${plural(archive.events.length, 'event', 'events')} reported in ${plural(archive.articles.length, 'story', 'stories')} from ${plural(sources.size, 'source', 'sources')}${first ? html`, ${first === last ? first : html`${first}–${last}`}` : ''}, oldest first. Each event lists the stories that report it; each story links to its original.</p>
  <p class="header-links"><a href="/on-this-day/" id="on-this-day-link">On this day</a> · <a href="/events/">All events</a> · <a href="/api/timeline.json">Open in TimelineJS (JSON)</a></p>
  ${archive.years.length > 1 ? html`<nav class="year-nav" aria-label="Jump to a year"><ul>${archive.years.map((year) => html`<li><a href="#year-${year.year}">${year.year}</a></li>`)}</ul></nav>` : ''}
</header>
${archiveChart(archive, 'chart-home', '', archive.events)}
${busiest.length > 0 ? html`<section class="filter-bar" aria-labelledby="filter-title" data-timeline-filter>
  <h2 id="filter-title" class="filter-bar__title">Who and where</h2>
  <p class="filter-bar__hint muted">Each name opens its own timeline.<span class="js-only"> Or pick names to narrow this one.</span></p>
  ${chips.map(({ kind, top }) => top.length === 0 ? '' : html`<div class="filter-bar__group">
    <h3 class="filter-bar__kind">${KIND_LABEL[kind].many} <a class="filter-bar__all" href="${entityIndexUrl(kind)}">all</a></h3>
    <ul class="chip-list">${top.map(({ entity, events }) => html`<li><a class="chip chip--${kind}" href="${entityUrl(kind, entity.id)}" data-filter-key="${kind}:${entity.id}">${entity.name} <span class="chip__count">${events.length}</span></a></li>`)}</ul>
  </div>`)}
  <p class="filter-bar__status" role="status" aria-live="polite"></p>
</section>` : ''}
<div class="timeline-main" id="timeline">
  ${archive.years.length === 0 ? html`<p class="empty">No stories yet. Add Markdown articles to <code>content/articles/</code> and build again.</p>` : ''}
  ${archive.years.map((year) => html`<section class="year" id="year-${year.year}" aria-labelledby="year-${year.year}-title">
    <h2 class="year__title" id="year-${year.year}-title"><a href="${yearUrl(year.year)}">${year.year}</a> <span class="count">${plural(year.eventCount, 'event', 'events')}, ${plural(year.articleCount, 'story', 'stories')}</span></h2>
    ${year.months.map((month) => monthSection(archive, month, 3))}
  </section>`)}
</div>`,
  });
}
