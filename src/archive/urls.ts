import { ENTITY_FIELD, type EntityKind } from '../content/schemas.ts';

/* Every site-relative URL comes from here, so pages, exports and search agree. */

export const articleUrl = (id: string): string => `/articles/${id}/`;
export const entityUrl = (kind: EntityKind, id: string): string => `/${ENTITY_FIELD[kind]}/${id}/`;
export const eventUrl = (id: string): string => `/events/${id}/`;
export const yearUrl = (year: string): string => `/${year}/`;
export const monthUrl = (year: string, month: string): string => `/${year}/${month}/`;
export const entityIndexUrl = (kind: EntityKind): string => `/${ENTITY_FIELD[kind]}/`;
export const dayUrl = (day: string): string => `/${day.slice(0, 4)}/${day.slice(5, 7)}/${day.slice(8, 10)}/`;
