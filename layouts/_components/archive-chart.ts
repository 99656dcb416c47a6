import type { Archive } from '../../src/archive/archive.ts';
import { entityUrl, eventUrl } from '../../src/archive/urls.ts';
import type { Entity, Event } from '../../src/content/schemas.ts';
import type { SafeHtml } from '../../src/render/html.ts';
import { eventChart } from './event-chart.ts';

const ROWS = 8;

/** The whole archive's busiest, asked for by every render shard (the home page's chips and chart). */
const busiestOfArchive = new WeakMap<Archive, Array<{ entity: Entity; events: Event[] }>>();

/** Who appears most often across these events, busiest first. */
export function busiestIn(archive: Archive, events: readonly Event[], except?: Entity): Array<{ entity: Entity; events: Event[] }> {
  if (events !== archive.events || except) return busiest(archive, events, except);
  let rows = busiestOfArchive.get(archive);
  if (!rows) busiestOfArchive.set(archive, (rows = busiest(archive, events)));
  return rows;
}

function busiest(archive: Archive, events: readonly Event[], except?: Entity): Array<{ entity: Entity; events: Event[] }> {
  const byKey = new Map<string, { entity: Entity; events: Event[] }>();
  for (const event of events) {
    for (const kind of ['person', 'organization', 'place'] as const) {
      for (const entity of archive.entitiesIn(event, kind)) {
        if (entity === except) continue;
        const key = `${kind}:${entity.id}`;
        const row = byKey.get(key) ?? { entity, events: [] };
        row.events.push(event);
        byKey.set(key, row);
      }
    }
  }
  return [...byKey.values()].sort((a, b) => b.events.length - a.events.length || a.entity.name.localeCompare(b.entity.name));
}

/** The picture of a set of events: when they happened, and who and where appears in them. */
export function archiveChart(archive: Archive, id: string, subject: string, events: readonly Event[], focus?: Entity): SafeHtml {
  const rows = [...(focus ? [{ entity: focus, events: [...events] }] : []), ...busiestIn(archive, events, focus)].slice(0, ROWS);
  return eventChart({
    id,
    title: `Events over time${subject ? ` ${subject}` : ''}`,
    // The chart adds its own count and who appears most; this says how to read it.
    description: 'Each mark is an event, placed by its date; the rows below the first show the events each person, organization or place appears in.',
    events: events.map((event) => ({ id: event.id, url: eventUrl(event.id), title: event.title, date: event.date, precision: event.precision })),
    rows: rows.map(({ entity, events: rowEvents }) => ({
      label: entity.name,
      url: entityUrl(entity.kind, entity.id),
      kind: entity.kind,
      eventIds: rowEvents.map((event) => event.id),
    })),
  });
}
