import type { Archive } from '../../src/archive/archive.ts';
import { articleUrl, entityUrl, eventUrl } from '../../src/archive/urls.ts';
import type { Article, Entity, EntityKind, Event } from '../../src/content/schemas.ts';
import { html, type SafeHtml } from '../../src/render/html.ts';

export const KIND_LABEL: Record<EntityKind, { one: string; many: string }> = {
  person: { one: 'Person', many: 'People' },
  organization: { one: 'Organization', many: 'Organizations' },
  place: { one: 'Place', many: 'Places' },
};

export function entityLink(entity: Entity): SafeHtml {
  return html`<a href="${entityUrl(entity.kind, entity.id)}">${entity.name}</a>`;
}

export function articleLink(article: Article): SafeHtml {
  return html`<a href="${articleUrl(article.id)}">${article.title}</a>`;
}

export function eventLink(event: Event): SafeHtml {
  return html`<a href="${eventUrl(event.id)}">${event.title}</a>`;
}

/** A list joined with commas, for compact metadata lines. */
export function commaList(items: readonly SafeHtml[]): SafeHtml {
  return html`${items.map((item, index) => html`${index > 0 ? ', ' : ''}${item}`)}`;
}

/**
 * Linked chips for the people, organizations and places a record concerns; with a limit, the first
 * that many of each kind and how many more there are.
 */
export function entityChips(entities: Record<EntityKind, readonly Entity[]>, limit = Infinity): SafeHtml {
  const groups = (Object.keys(entities) as EntityKind[]).filter((kind) => entities[kind].length > 0);
  if (groups.length === 0) return html``;
  return html`<dl class="chips">
    ${groups.map((kind) => html`<div class="chips__group">
      <dt data-pagefind-ignore>${KIND_LABEL[kind].many}</dt>
      ${entities[kind].slice(0, limit).map((entity) => html`<dd><a class="chip chip--${kind}" href="${entityUrl(kind, entity.id)}">${entity.name}</a></dd>`)}
      ${entities[kind].length > limit ? html`<dd class="chips__more">and ${entities[kind].length - limit} more</dd>` : ''}
    </div>`)}
  </dl>`;
}

/** The people, organizations and places an article or event concerns, by kind. */
export function recordEntities(archive: Archive, record: Article | Event): Record<EntityKind, readonly Entity[]> {
  return {
    person: archive.entitiesIn(record, 'person'),
    organization: archive.entitiesIn(record, 'organization'),
    place: archive.entitiesIn(record, 'place'),
  };
}
