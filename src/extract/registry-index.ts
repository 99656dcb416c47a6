import type { Entity, EntityKind } from '../content/schemas.ts';
import { foldedWords, isAcronym } from './text.ts';

export interface AliasEntry {
  key: string;
  kind: EntityKind;
  id: string;
  words: string[];
  /** Acronyms match only in capitals. */
  exactCase: string | null;
  /** A one-word proper name ("Suisse", "Wien") matches only when capitalised: "suisse" is an adjective. */
  capitalized: boolean;
}

/** What linking reads of a registry entry: also all an extraction worker is sent of it. */
export type RegistryEntry = Pick<Entity, 'kind' | 'id' | 'name' | 'aliases'>;

/** The registry as a lookup for linking: every name and alias by its first word, longest first. */
export interface RegistryIndex {
  byFirstWord: Map<string, AliasEntry[]>;
  /** Surname (last word of a person's name or alias) → the people who carry it. */
  surnames: Map<string, Set<string>>;
  entities: Map<string, RegistryEntry>;
  /** Longest alias, in words. */
  longest: number;
}

export const keyOf = (kind: EntityKind, id: string): string => `${kind}:${id}`;

export function buildRegistryIndex(entities: readonly RegistryEntry[]): RegistryIndex {
  const byFirstWord = new Map<string, AliasEntry[]>();
  const surnames = new Map<string, Set<string>>();
  const byKey = new Map<string, RegistryEntry>();
  let longest = 1;
  for (const entity of entities) {
    const key = keyOf(entity.kind, entity.id);
    byKey.set(key, entity);
    for (const name of new Set([entity.name, ...entity.aliases])) {
      const words = foldedWords(name);
      const first = words[0];
      if (!first) continue;
      const entry: AliasEntry = {
        key,
        kind: entity.kind,
        id: entity.id,
        words,
        exactCase: isAcronym(name) ? name.replace(/[.\s-]/g, '') : null,
        capitalized: words.length === 1 && /^\p{Lu}/u.test(name),
      };
      const list = byFirstWord.get(first) ?? [];
      list.push(entry);
      byFirstWord.set(first, list);
      longest = Math.max(longest, words.length);
      if (entity.kind === 'person' && words.length >= 2) {
        const surname = words.at(-1)!;
        if (surname.length >= 3) surnames.set(surname, (surnames.get(surname) ?? new Set()).add(key));
      }
    }
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirstWord, surnames, entities: byKey, longest };
}
