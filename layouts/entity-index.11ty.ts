import type { Archive } from '../src/archive/archive.ts';
import { entityIndexUrl, entityUrl } from '../src/archive/urls.ts';
import { ENTITY_FIELD, type EntityKind } from '../src/content/schemas.ts';
import { plural } from '../src/render/format.ts';
import { html } from '../src/render/html.ts';
import { KIND_LABEL } from './_components/links.ts';
import { page } from './_components/page.ts';

export const data = {
  pagination: { data: 'kinds', size: 1, alias: 'kind', addAllPagesToCollections: true },
  kinds: ['person', 'organization', 'place'] satisfies EntityKind[],
  permalink: ({ kind }: { kind: EntityKind }) => entityIndexUrl(kind),
};


export function render({ archive, kind }: { archive: Archive; kind: EntityKind }): string {
  const label = KIND_LABEL[kind];
  const entities = archive.entitiesOf(kind);
  return page({
    title: label.many,
    description: `Every ${label.one.toLowerCase()} in the Chronicle archive, with the stories that concern them.`,
    section: ENTITY_FIELD[kind],
    body: html`
<header class="page-header">
  <h1>${label.many}</h1>
  <p class="lede">${plural(entities.length, label.one.toLowerCase(), label.many.toLowerCase())} in the archive. Each page lists the stories and events that concern them, oldest first.</p>
</header>
<ul class="card-list">
  ${entities.map((entity) => {
    const count = archive.timelineOf(entity).articles.length;
    return html`<li class="card">
      <h2 class="card__title"><a href="${entityUrl(kind, entity.id)}">${entity.name}</a></h2>
      ${entity.description ? html`<p>${entity.description}</p>` : ''}
      <p class="muted">${plural(count, 'story', 'stories')}${entity.aliases.length > 0 ? html` · also ${entity.aliases.slice(0, 3).join(', ')}` : ''}</p>
    </li>`;
  })}
</ul>`,
  });
}
