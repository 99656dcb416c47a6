import type { Archive } from '../src/archive/archive.ts';
import { entityIndexUrl } from '../src/archive/urls.ts';
import { html } from '../src/render/html.ts';
import { KIND_LABEL } from './_components/links.ts';
import { page } from './_components/page.ts';
import { firstShardOnly } from './_components/this-run.ts';

export const data = { permalink: firstShardOnly('/search/') };

export function render({ archive }: { archive: Archive }): string {
  return page({
    title: 'Search',
    description: 'Search every story, event, person, organization and place in the archive.',
    section: 'search',
    head: html`<script type="module" src="/assets/search.js"></script>`,
    body: html`
<header class="page-header">
  <h1>Search</h1>
  <p class="lede">Search ${archive.articles.length} stories and the people, organizations, places and events in them. Narrow the results with the filters — or pick a filter without typing to browse.</p>
</header>
<p id="search-unavailable" class="notice" role="alert" hidden>Search is not available: this site was built without its search index. Browse the <a href="/">timeline</a> instead.</p>
<div class="search-app" hidden>
  <form id="search-form" class="search-form" role="search" action="/search/" method="get">
    <label for="search-input" class="visually-hidden">Search the archive</label>
    <input id="search-input" name="q" type="search" placeholder="Search people, places, events, stories…" autocomplete="off">
    <label for="search-sort" class="search-form__sort">Sort
      <select id="search-sort" name="sort">
        <option value="relevance">Best match</option>
        <option value="newest">Newest first</option>
        <option value="oldest">Oldest first</option>
      </select>
    </label>
  </form>
  <div class="search-layout">
    <div id="search-filters" class="search-filters" aria-label="Filters" role="group"></div>
    <div class="search-main">
      <p id="search-status" class="search-status" role="status" aria-live="polite"></p>
      <ol id="search-results" class="results"></ol>
      <button id="search-more" class="button" type="button" hidden>More results</button>
    </div>
  </div>
</div>
<noscript>
  <p class="notice">Search needs JavaScript. Without it, browse the <a href="/">timeline</a>, the <a href="/events/">events</a>, or the ${(['person', 'organization', 'place'] as const).map((kind, index) => html`${index > 0 ? (index === 2 ? ' and ' : ', ') : ''}<a href="${entityIndexUrl(kind)}">${KIND_LABEL[kind].many.toLowerCase()}</a>`)} — every page is there.</p>
</noscript>`,
  });
}
