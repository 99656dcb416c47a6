import { html, type SafeHtml } from '../../src/render/html.ts';
import type { Entity, Event } from '../../src/content/schemas.ts';

export interface SearchFacets {
  type: 'Article' | 'Event' | 'Person' | 'Organization' | 'Place';
  people?: readonly Entity[];
  organizations?: readonly Entity[];
  places?: readonly Entity[];
  year?: string;
  source?: string;
  /** ISO date for Pagefind's date sort. */
  sortDate?: string;
  /** Human date shown in results. */
  displayDate?: string;
}

/**
 * Pagefind reads filters, sort keys and metadata from attributes; they sit on empty elements so
 * they add nothing to the indexed text or the visible page.
 */
export function searchFacets(facets: SearchFacets): SafeHtml {
  const filter = (name: string, value: string | undefined) =>
    value ? html`<span data-pagefind-filter="${name}:${value}"></span>` : html``;
  return html`<div class="search-facets" hidden>
    ${filter('type', facets.type)}
    ${(facets.people ?? []).map((entity) => filter('person', entity.name))}
    ${(facets.organizations ?? []).map((entity) => filter('organization', entity.name))}
    ${(facets.places ?? []).map((entity) => filter('place', entity.name))}
    ${filter('year', facets.year)}
    ${filter('source', facets.source)}
    ${facets.sortDate ? html`<span data-pagefind-sort="date:${facets.sortDate}"></span>` : ''}
    ${facets.displayDate ? html`<span data-pagefind-meta="date:${facets.displayDate}"></span>` : ''}
    <span data-pagefind-meta="type:${facets.type}"></span>
  </div>`;
}

/**
 * Whether an event has a page of its own in search. An event the build formed from a single story
 * says what that story says, and search finds the story (whose page links the event); indexing it
 * too would list the same thing twice and, at scale, make up half of the index (12,357 of 28,775
 * pages at 10,000 articles), which every reader downloads before the first search.
 */
export function searchable(event: Pick<Event, 'curated'>, reports: number): boolean {
  return event.curated || reports > 1;
}
