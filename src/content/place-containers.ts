import { fold } from '../extract/text.ts';
import { diagnostic, type Diagnostic, type Position } from './diagnostic.ts';
import type { Entity } from './schemas.ts';

/** Which place lies in which, read from the registry's `country` field (a name or alias of another place). */
export interface PlaceContainers {
  /**
   * Place id → the id of the place it lies in. Never circular: in a loop of `country` fields
   * the link out of the loop's first place (by id) is left out, so walking up always ends.
   */
  parent: Map<string, string>;
  /** Each loop of `country` fields, as the ids of its places in order, starting from the smallest id. */
  loops: string[][];
}

/**
 * Resolves every place's `country` to the place of that name. A place naming itself is no
 * container (a city-state); two or more places naming each other round in a circle are a loop,
 * which `checkPlaceLoops` reports and which `parent` leaves open.
 */
export function placeContainers(entities: readonly Entity[]): PlaceContainers {
  const places = entities.filter((entity) => entity.kind === 'place');
  const byName = new Map<string, string>();
  for (const place of places) for (const name of [place.name, ...place.aliases]) byName.set(fold(name), place.id);
  const parent = new Map<string, string>();
  for (const place of places) {
    const container = place.country ? byName.get(fold(place.country)) : undefined;
    if (container && container !== place.id) parent.set(place.id, container);
  }
  const loops = findLoops(parent);
  for (const loop of loops) parent.delete(loop[0]!);
  return { parent, loops };
}

/**
 * A loop of places, each in the next one's `country`, is an error at the first place's `country`
 * line (in file order), naming every place of the loop and where the others say it.
 */
export function checkPlaceLoops(
  places: ReadonlyArray<{ record?: Entity | undefined; countryPosition?: Position | undefined }>,
): Diagnostic[] {
  const entities = places.flatMap((read) => (read.record?.kind === 'place' ? [read.record] : []));
  const where = new Map<string, { place: Entity; position: Position }>();
  for (const read of places) {
    if (read.record?.kind === 'place' && read.record.file && !where.has(read.record.id)) {
      where.set(read.record.id, { place: read.record, position: read.countryPosition ?? { line: 1, column: 1 } });
    }
  }
  const diagnostics: Diagnostic[] = [];
  for (const loop of placeContainers(entities).loops) {
    const members = loop.flatMap((id) => where.get(id) ?? []);
    if (members.length !== loop.length) continue;
    const sorted = [...members].sort((a, b) => (a.place.file ?? '').localeCompare(b.place.file ?? ''));
    const first = sorted[0]!;
    // The loop told from the reported place round to itself: Moscow lies in Russia, Russia in Moscow.
    const start = loop.indexOf(first.place.id);
    const round = [...loop.slice(start), ...loop.slice(0, start), first.place.id].map((id) => where.get(id)!.place.name);
    const chain = round.slice(0, -1).map((name, index) => `${name} in ${round[index + 1]}`).join(', ');
    const others = sorted.slice(1).map(({ place, position }) => `${place.file}:${position.line}:${position.column}`);
    diagnostics.push(diagnostic(first.place.file!, first.position, 'registry/place-loop',
      `country: "${first.place.country}" makes a loop of places, each inside the next: ${chain}`,
      `a place's country must be a larger place that contains it; correct or remove \`country\` here or in ${others.join(', ')}`));
  }
  return diagnostics;
}

/** The loops of a map where each key has at most one successor, each found once. */
function findLoops(next: ReadonlyMap<string, string>): string[][] {
  const done = new Set<string>();
  const loops: string[][] = [];
  for (const start of [...next.keys()].sort()) {
    if (done.has(start)) continue;
    const walk: string[] = [];
    const onWalk = new Map<string, number>();
    let at: string | undefined = start;
    while (at !== undefined && !done.has(at) && !onWalk.has(at)) {
      onWalk.set(at, walk.length);
      walk.push(at);
      at = next.get(at);
    }
    if (at !== undefined && onWalk.has(at)) {
      const loop = walk.slice(onWalk.get(at)!);
      const smallest = loop.indexOf([...loop].sort()[0]!);
      loops.push([...loop.slice(smallest), ...loop.slice(0, smallest)]);
    }
    for (const id of walk) done.add(id);
  }
  return loops;
}
