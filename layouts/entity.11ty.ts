import type { Archive, TimelineEntry } from '../src/archive/archive.ts';
import { changedOnly, entryKey, holdingChanges, thisShard } from './_components/this-run.ts';
import type { ArchiveChanges } from '../src/archive/archive-changes.ts';
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
import { pageNav } from './_components/pager.ts';
import { PAGE_SIZE, pageSuffix, pageUrl, paginate, type Paged } from './_components/paging.ts';
import type { Site } from '../src/site/site-config.ts';

interface EntityPage extends Paged<TimelineEntry> {
  entity: Entity;
}

/** Spellings listed; an entity found in thousands of stories may be written in many more ways. */
const ALIASES = 20;
/** Events named in the aside of a profile; the timeline has every one of them. */
const ASIDE_EVENTS = 10;

/**
 * A page per person, organization and place: its profile and the first page of its timeline at
 * "/people/x/", the rest of the timeline at "/people/x/page/2/" and on.
 */
export const data = {
  pagination: {
    data: 'archive.entities',
    size: 1,
    alias: 'entityPage',
    addAllPagesToCollections: true,
    before: thisShard('entity', (entities: Entity[], data: { archive: Archive; changes?: ArchiveChanges }): EntityPage[] =>
      changedOnly((entity: Entity) => `${entity.kind}:${entity.id}`)(entities, data).flatMap((entity) => {
        const pages = paginate(data.archive.entriesOf(entity), PAGE_SIZE.timeline, entityUrl(entity.kind, entity.id)).map((paged) => ({ ...paged, entity }));
        // The profile, and after an edit that left the archive linked the same, the later pages of
        // the timeline that hold a changed entry (they show nothing else that an entry could change).
        return [...pages.slice(0, 1), ...holdingChanges((entityPage: EntityPage) => entityPage.items.map(entryKey))(pages.slice(1), data)];
      })),
  },
  permalink: ({ entityPage }: { entityPage: EntityPage }) => pageUrl(entityPage.base, entityPage.number),
};

export function render({ archive, entityPage, site }: { archive: Archive; entityPage: EntityPage; site: Site }): string {
  return entityPage.number === 1 ? profile(archive, entityPage, site) : timelinePage(archive, entityPage, site);
}

/** Page 1: who or what it is, the chart, the events, and the start of its timeline. */
function profile(archive: Archive, entityPage: EntityPage, site: Site): string {
  const { entity } = entityPage;
  const { articles, events } = archive.timelineOf(entity);
  const label = KIND_LABEL[entity.kind];
  const years = groupByYear(entityPage.items);
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
      ${entity.aliases.length > 0 ? html`<div><dt data-pagefind-ignore>Also written</dt><dd>${entity.aliases.slice(0, ALIASES).join(' · ')}${entity.aliases.length > ALIASES ? ` and ${plural(entity.aliases.length - ALIASES, 'other', 'others')}` : ''}</dd></div>` : ''}
      ${entity.roles.length > 0 ? html`<div><dt data-pagefind-ignore>Roles</dt><dd>${entity.roles.join(' · ')}</dd></div>` : ''}
      ${entity.country ? html`<div><dt data-pagefind-ignore>Country</dt><dd>${entity.country}</dd></div>` : ''}
      <div data-pagefind-ignore><dt data-pagefind-ignore>In the archive</dt><dd>${plural(articles.length, 'story', 'stories')}${events.length > 0 ? html`, ${plural(events.length, 'event', 'events')}` : ''}${articles[0] ? html`, ${formatDay(articles[0].day)} – ${formatDay(articles.at(-1)?.day ?? articles[0].day)}` : ''}</dd></div>
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
      ${entryList(archive, list, 4, { dateStyle: 'long' })}
    </section>`)}
    ${pageNav(entityPage, `Pages of the timeline of ${entity.name}`)}
  </section>
</div>
<aside class="layout-aside" aria-label="Events">
  ${events.length > 0 ? html`<section class="aside-box">
    <h2>Events</h2>
    <ul class="plain-list">${events.slice(0, ASIDE_EVENTS).map((event) => html`<li>${eventLink(event)} <span class="muted">${formatEventDate(event)}</span></li>`)}</ul>
    ${events.length > ASIDE_EVENTS ? html`<p class="muted">and ${plural(events.length - ASIDE_EVENTS, 'more event', 'more events')} in the timeline</p>` : ''}
  </section>` : ''}
</aside>
</div>`,
  });
}

/** Later pages: the timeline goes on, under a short header that leads back to the profile. */
function timelinePage(archive: Archive, entityPage: EntityPage, site: Site): string {
  const { entity } = entityPage;
  const label = KIND_LABEL[entity.kind];
  const url = pageUrl(entityPage.base, entityPage.number);
  return page({
    title: `${entity.name}${pageSuffix(entityPage)}`,
    description: `The timeline of ${entity.name} in the Chronicle archive${pageSuffix(entityPage)}.`,
    section: ENTITY_FIELD[entity.kind],
    site,
    url,
    body: html`
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>
  <li><a href="${entityIndexUrl(entity.kind)}">${label.many}</a></li>
  <li><a href="${entityUrl(entity.kind, entity.id)}">${entity.name}</a></li>
</ol></nav>
<header class="page-header">
  <p class="kicker">${label.one}${entity.curated ? '' : ' · not yet curated'}</p>
  <h1>${entity.name} <span class="page-header__page">page ${entityPage.number} of ${entityPage.count}</span></h1>
</header>
<section aria-labelledby="stories-title">
  <h2 id="stories-title">Timeline</h2>
  ${groupByYear(entityPage.items).map(([year, list]) => html`<section class="year" aria-label="${year}">
    <h3 class="year__title year__title--small">${year}</h3>
    ${entryList(archive, list, 4, { dateStyle: 'long' })}
  </section>`)}
  ${pageNav(entityPage, `Pages of the timeline of ${entity.name}`)}
</section>`,
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
