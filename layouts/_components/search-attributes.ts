import { html, type SafeHtml } from '../../src/render/html.ts';
import type { Entity } from '../../src/content/schemas.ts';

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
