import { closest, distance } from 'fastest-levenshtein';
import { toSlug } from '../slug.ts';
import { diagnostic, type Diagnostic } from './diagnostic.ts';
import type { Read } from './read-records.ts';
import { ENTITY_FIELD, KIND_OF_FIELD, type Article, type Entity, type EntityKind, type Event } from './schemas.ts';

const FIELD_KIND: Record<string, EntityKind | 'event'> = { ...KIND_OF_FIELD, events: 'event' };
const KIND_FOLDER: Record<EntityKind | 'event', string> = { ...ENTITY_FIELD, event: 'events' };

/** Two records claiming one id: the later file gets the error, naming the earlier one. */
export function checkDuplicateIds<T extends { id: string; file: string | null }>(
  reads: ReadonlyArray<Read<T>>,
  what: string,
): Diagnostic[] {
  const seen = new Map<string, T>();
  const diagnostics: Diagnostic[] = [];
  for (const read of reads) {
    const record = read.record;
    if (!record) continue;
    const first = seen.get(record.id);
    if (first) {
      diagnostics.push(diagnostic(read.file, read.idPosition, 'content/duplicate-id',
        `duplicate slug "${record.id}": ${first.file} already uses it for another ${what}`,
        what === 'article' ? 'rename one of the files or give one of them its own `slug:` field' : 'merge the two entries or give one a different name'));
    } else {
      seen.set(record.id, record);
    }
  }
  return diagnostics;
}

/**
 * Every id an article or event refers to must exist. The message names the unknown id and suggests
 * the closest known one, matching aliases too ("sergei-lavrov" → "sergey-lavrov").
 */
export function checkReferences(
  reads: ReadonlyArray<Read<Article> | Read<Event>>,
  entities: readonly Entity[],
  events: readonly Event[],
): Diagnostic[] {
  const known = buildKnownIds(entities, events);
  const diagnostics: Diagnostic[] = [];
  // Checked from the raw YAML, so a file with a schema error still has its references reported.
  for (const read of reads) {
    for (const site of read.referenceSites) {
      const kind = FIELD_KIND[site.field];
      if (!kind) continue;
      const id = site.id;
      const table = known.get(kind);
      if (!table || table.ids.has(id)) continue;
      const suggestion = suggest(id, table);
      diagnostics.push(diagnostic(read.file, site.position, 'content/unknown-reference',
        `${site.field}[${site.index}]: unknown ${kind} "${id}"`,
        suggestion
          ? `did you mean "${suggestion}"?`
          : `add content/${KIND_FOLDER[kind]}/${id}.md to the registry, or remove the reference`));
    }
  }
  return diagnostics;
}

interface KnownIds {
  ids: Set<string>;
  /** Slug of every alias and name → the id it belongs to. */
  aliasToId: Map<string, string>;
}

function buildKnownIds(entities: readonly Entity[], events: readonly Event[]): Map<EntityKind | 'event', KnownIds> {
  const tables = new Map<EntityKind | 'event', KnownIds>();
  const table = (kind: EntityKind | 'event'): KnownIds => {
    let found = tables.get(kind);
    if (!found) tables.set(kind, (found = { ids: new Set(), aliasToId: new Map() }));
    return found;
  };
  for (const kind of ['person', 'organization', 'place', 'event'] as const) table(kind);
  for (const entity of entities) {
    const entry = table(entity.kind);
    entry.ids.add(entity.id);
    for (const alias of [entity.name, ...entity.aliases]) entry.aliasToId.set(toSlug(alias), entity.id);
  }
  for (const event of events) table('event').ids.add(event.id);
  return tables;
}

function suggest(id: string, table: KnownIds): string | undefined {
  const byAlias = table.aliasToId.get(id);
  if (byAlias) return byAlias;
  const ids = [...table.ids];
  if (ids.length === 0) return undefined;
  const best = closest(id, ids);
  // Only suggest what is plausibly a typo; a wild guess would mislead more than help.
  return distance(id, best) <= Math.max(3, Math.floor(id.length / 3)) ? best : undefined;
}
