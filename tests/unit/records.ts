import type { Entity, EntityKind, Event } from '../../src/content/schemas.ts';

/*
 * Records built in memory for unit tests: every required field with a neutral default, and the
 * fields a test cares about given explicitly.
 */

export function entityRecord(kind: EntityKind, id: string, name: string, fields: Partial<Entity> = {}): Entity {
  return {
    id, kind, file: `content/${kind}/${id}.md`, name, aliases: [], description: '', roles: [], country: null,
    wikidata: null, bioHtml: '', curated: true, ...fields,
  };
}

export function eventRecord(id: string, date: string, fields: Partial<Event> = {}): Event {
  return {
    id, file: `content/events/${id}.md`, title: id, date, endDate: null, precision: 'day',
    places: [], people: [], organizations: [], summaryHtml: '', curated: true, reports: [], disagreements: [], ...fields,
  };
}
