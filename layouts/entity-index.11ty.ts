import type { Archive } from '../src/archive/archive.ts';
import { entityIndexUrl, entityUrl } from '../src/archive/urls.ts';
import { ENTITY_FIELD, type Entity, type EntityKind } from '../src/content/schemas.ts';
import { plural } from '../src/render/format.ts';
import { html } from '../src/render/html.ts';
import { KIND_LABEL } from './_components/links.ts';
import { page } from './_components/page.ts';
import { pageNav } from './_components/pager.ts';
import { PAGE_SIZE, pageSuffix, pageUrl, paginate, type Paged } from './_components/paging.ts';
import { shortSummary } from './_components/timeline.ts';
import { unlessLinkedTheSame, thisShard, type RunData } from './_components/this-run.ts';

interface IndexPage extends Paged<Entity> {
  kind: EntityKind;
  total: number;
}

/** The people, organizations and places, by name, a page of cards at a time: "/people/", then "/people/page/2/". */
export const data = {
  pagination: {
    data: 'kinds',
    size: 1,
    alias: 'indexPage',
    addAllPagesToCollections: true,
    // Cards show names and counts of stories: an edit that links the archive the same changes none of them.
    before: thisShard('entity-index', (kinds: EntityKind[], { archive, changes }: { archive: Archive } & Pick<RunData, 'changes'>): IndexPage[] =>
      unlessLinkedTheSame(
        kinds.flatMap((kind) => {
          const entities = archive.entitiesOf(kind);
          return paginate(entities, PAGE_SIZE.cards, entityIndexUrl(kind)).map((paged) => ({ ...paged, kind, total: entities.length }));
        }),
        { changes },
      )),
  },
  kinds: ['person', 'organization', 'place'] satisfies EntityKind[],
  permalink: ({ indexPage }: { indexPage: IndexPage }) => pageUrl(indexPage.base, indexPage.number),
};

export function render({ archive, indexPage }: { archive: Archive; indexPage: IndexPage }): string {
  const { kind } = indexPage;
  const label = KIND_LABEL[kind];
  const first = indexPage.items[0]?.name;
  const last = indexPage.items.at(-1)?.name;
  return page({
    title: `${label.many}${pageSuffix(indexPage)}`,
    description: `Every ${label.one.toLowerCase()} in the Chronicle archive, with the stories that concern them.${indexPage.count > 1 ? ` ${first} to ${last}.` : ''}`,
    section: ENTITY_FIELD[kind],
    body: html`
${indexPage.number > 1 ? html`<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="${entityIndexUrl(kind)}">${label.many}</a></li></ol></nav>` : ''}
<header class="page-header">
  <h1>${label.many}${indexPage.number > 1 ? html` <span class="page-header__page">page ${indexPage.number} of ${indexPage.count}</span>` : ''}</h1>
  <p class="lede">${plural(indexPage.total, label.one.toLowerCase(), label.many.toLowerCase())} in the archive${indexPage.count > 1 ? html`, by name; this page from ${first} to ${last}` : ''}. Each page lists the stories and events that concern them, oldest first.</p>
</header>
<ul class="card-list">
  ${indexPage.items.map((entity) => {
    const count = archive.timelineOf(entity).articles.length;
    return html`<li class="card">
      <h2 class="card__title"><a href="${entityUrl(kind, entity.id)}">${entity.name}</a></h2>
      ${entity.description ? html`<p>${shortSummary(entity.description)}</p>` : ''}
      <p class="muted">${plural(count, 'story', 'stories')}${entity.aliases.length > 0 ? html` · also ${entity.aliases.slice(0, 3).join(', ')}` : ''}</p>
    </li>`;
  })}
</ul>
${pageNav(indexPage, `Pages of ${label.many.toLowerCase()}`)}`,
  });
}
