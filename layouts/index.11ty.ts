import type { Archive } from '../src/archive/archive.ts';
import { entityIndexUrl, entityUrl, eventUrl, yearUrl } from '../src/archive/urls.ts';
import { formatEventDate, plural } from '../src/render/format.ts';
import { html } from '../src/render/html.ts';
import { KIND_LABEL } from './_components/links.ts';
import { page } from './_components/page.ts';
import { monthSection } from './_components/timeline.ts';

export const data = { permalink: '/' };

const SIDEBAR_LIMIT = 8;

export function render({ archive }: { archive: Archive }): string {
  const sources = new Set(archive.articles.map((article) => article.source.name));
  const first = archive.years[0]?.year;
  const last = archive.years.at(-1)?.year;
  const busiest = (kind: 'person' | 'organization' | 'place') =>
    archive
      .entitiesOf(kind)
      .map((entity) => ({ entity, count: archive.timelineOf(entity).articles.length }))
      .filter(({ count }) => count > 0)
      .sort((a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name))
      .slice(0, SIDEBAR_LIMIT);

  return page({
    title: 'Chronicle',
    description: `A timeline of ${archive.articles.length} news stories${first ? ` from ${first} to ${last}` : ''}, linked to the people, organizations and places in them.`,
    section: 'timeline',
    body: html`
<header class="page-header">
  <h1>The timeline</h1>
  <p class="lede">${plural(archive.articles.length, 'story', 'stories')} from ${plural(sources.size, 'source', 'sources')}${first ? html`, ${first === last ? first : html`${first}–${last}`}` : ''}, oldest first. Each story links to its original.</p>
  ${archive.years.length > 1 ? html`<nav class="year-nav" aria-label="Jump to a year"><ul>${archive.years.map((year) => html`<li><a href="#year-${year.year}">${year.year}</a></li>`)}</ul></nav>` : ''}
</header>
<div class="layout-with-aside">
  <div class="layout-main">
    ${archive.articles.length === 0 ? html`<p class="empty">No stories yet. Add Markdown articles to <code>content/articles/</code> and build again.</p>` : ''}
    ${archive.years.map((year) => html`<section class="year" id="year-${year.year}" aria-labelledby="year-${year.year}-title">
      <h2 class="year__title" id="year-${year.year}-title"><a href="${yearUrl(year.year)}">${year.year}</a> <span class="count">${plural(year.articleCount, 'story', 'stories')}</span></h2>
      ${year.months.map((month) => monthSection(archive, month, 3))}
    </section>`)}
  </div>
  <aside class="layout-aside" aria-label="Browse the archive">
    ${archive.events.length > 0 ? html`<section class="aside-box">
      <h2>Events</h2>
      <ul class="plain-list">${archive.events.map((event) => html`<li><a href="${eventUrl(event.id)}">${event.title}</a> <span class="muted">${formatEventDate(event)}</span></li>`)}</ul>
    </section>` : ''}
    ${(['person', 'organization', 'place'] as const).map((kind) => {
      const top = busiest(kind);
      return top.length === 0 ? '' : html`<section class="aside-box">
        <h2>${KIND_LABEL[kind].many}</h2>
        <ul class="chip-list">${top.map(({ entity, count }) => html`<li><a class="chip chip--${kind}" href="${entityUrl(kind, entity.id)}">${entity.name} <span class="chip__count">${count}</span></a></li>`)}</ul>
        <p><a href="${entityIndexUrl(kind)}">All ${KIND_LABEL[kind].many.toLowerCase()}</a></p>
      </section>`;
    })}
  </aside>
</div>`,
  });
}
