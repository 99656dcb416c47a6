import type { Archive } from '../src/archive/archive.ts';
import { entityIndexUrl, entityUrl } from '../src/archive/urls.ts';
import { ENTITY_FIELD, type Entity } from '../src/content/schemas.ts';
import { formatDay, formatEventDate, plural } from '../src/render/format.ts';
import { html, trusted } from '../src/render/html.ts';
import { eventLink, KIND_LABEL } from './_components/links.ts';
import { page } from './_components/page.ts';
import { searchFacets } from './_components/search-attributes.ts';
import { archiveChart } from './_components/archive-chart.ts';
import { entryList } from './_components/timeline.ts';
import { entityStructuredData } from './_components/structured-data.ts';
import type { Site } from '../src/site/site-config.ts';

export const data = {
  pagination: { data: 'archive.entities', size: 1, alias: 'entity', addAllPagesToCollections: true },
  permalink: ({ entity }: { entity: Entity }) => entityUrl(entity.kind, entity.id),
};


export function render({ archive, entity, site }: { archive: Archive; entity: Entity; site: Site }): string {
  const { articles, events } = archive.timelineOf(entity);
  const label = KIND_LABEL[entity.kind];
  const years = groupByYear(archive.entriesOf(entity));
  return page({
    title: entity.name,
    description: entity.description || `${label.one} in the Chronicle archive: ${plural(articles.length, 'story', 'stories')}.`,
    section: ENTITY_FIELD[entity.kind],
    site,
    url: entityUrl(entity.kind, entity.id),
    structuredData: entityStructuredData(archive, entity, site),
    body: html`
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>
  <li><a href="${entityIndexUrl(entity.kind)}">${label.many}</a></li>
</ol></nav>
<div class="layout-with-aside">
<div class="layout-main">
  <header class="page-header profile" data-pagefind-body>
    <p class="kicker">${label.one}${entity.curated ? '' : ' · not yet curated'}</p>
    <h1>${entity.name}</h1>
    ${entity.description ? html`<p class="lede">${entity.description}</p>` : ''}
    ${searchFacets({
      type: label.one as 'Person' | 'Organization' | 'Place',
      people: entity.kind === 'person' ? [entity] : [],
      organizations: entity.kind === 'organization' ? [entity] : [],
      places: entity.kind === 'place' ? [entity] : [],
      // Pagefind drops pages without a sort key from sorted results; a profile sorts by its latest story.
      sortDate: articles.at(-1)?.day ?? '0000-00-00',
    })}
    <dl class="facts">
      ${entity.aliases.length > 0 ? html`<div><dt data-pagefind-ignore>Also written</dt><dd>${entity.aliases.join(' · ')}</dd></div>` : ''}
      ${entity.roles.length > 0 ? html`<div><dt data-pagefind-ignore>Roles</dt><dd>${entity.roles.join(' · ')}</dd></div>` : ''}
      ${entity.country ? html`<div><dt data-pagefind-ignore>Country</dt><dd>${entity.country}</dd></div>` : ''}
      <div><dt data-pagefind-ignore>In the archive</dt><dd>${plural(articles.length, 'story', 'stories')}${events.length > 0 ? html`, ${plural(events.length, 'event', 'events')}` : ''}${articles[0] ? html`, ${formatDay(articles[0].day)} – ${formatDay(articles.at(-1)?.day ?? articles[0].day)}` : ''}</dd></div>
      ${entity.wikidata ? html`<div><dt data-pagefind-ignore>Wikidata</dt><dd><a href="https://www.wikidata.org/wiki/${entity.wikidata}" rel="noopener external">${entity.wikidata}</a></dd></div>` : ''}
    </dl>
    ${entity.bioHtml.trim() ? html`<div class="prose">${trusted(entity.bioHtml)}</div>` : ''}
  </header>
  ${archiveChart(archive, `chart-${entity.kind}`, `with ${entity.name}`, events, entity)}
  <section aria-labelledby="stories-title">
    <h2 id="stories-title">Timeline</h2>
    ${articles.length + events.length === 0 ? html`<p class="empty">No story in the archive concerns ${entity.name} yet.</p>` : ''}
    ${years.map(([year, list]) => html`<section class="year" aria-label="${year}">
      <h3 class="year__title year__title--small">${year}</h3>
      ${entryList(archive, list, 4, 'long')}
    </section>`)}
  </section>
</div>
<aside class="layout-aside" aria-label="Events">
  ${events.length > 0 ? html`<section class="aside-box">
    <h2>Events</h2>
    <ul class="plain-list">${events.map((event) => html`<li>${eventLink(event)} <span class="muted">${formatEventDate(event)}</span></li>`)}</ul>
  </section>` : ''}
</aside>
</div>`,
  });
}

function groupByYear<T extends { key: string }>(items: readonly T[]): Array<[string, T[]]> {
  const groups: Array<[string, T[]]> = [];
  for (const item of items) {
    const year = item.key.slice(0, 4);
    const last = groups.at(-1);
    if (last?.[0] === year) last[1].push(item);
    else groups.push([year, [item]]);
  }
  return groups;
}
