import type { EntityKind } from '../content/schemas.ts';
import type { RegistryIndex } from './registry-index.ts';
import { startsUpperCase, tokenize, type Token } from './text.ts';

export interface Mention {
  key: string;
  kind: EntityKind;
  id: string;
  text: string;
  start: number;
  end: number;
  via: 'name' | 'surname' | 'acronym';
}

/**
 * Finds the registry's people, organizations and places in a text. Matching is by folded words
 * (any case, any diacritics, inside possessives and compounds), longest name first, so "Federal
 * Department of Foreign Affairs" wins over "Foreign Affairs". Acronyms match only in capitals.
 * A surname alone resolves when one person with it is named in full in the text, or when only one
 * person in the registry carries it; "(OSCE)" after a name makes the acronym an alias in this text.
 */
export function linkRegistry(text: string, index: RegistryIndex, tokens: Token[] = tokenize(text)): Mention[] {
  const mentions: Mention[] = [];
  const taken = new Array<boolean>(tokens.length).fill(false);

  for (let i = 0; i < tokens.length; i++) {
    const match = longestAliasAt(tokens, i, index, text);
    if (!match) continue;
    mentions.push(mentionOf(match.entry, tokens, i, match.length, text, 'name'));
    for (let j = i; j < i + match.length; j++) taken[j] = true;
    i += match.length - 1;
  }

  const localAcronyms = acronymsDefined(text, mentions);
  const namedInFull = new Set(mentions.filter((mention) => mention.kind === 'person').map((mention) => mention.key));
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const token = tokens[i]!;
    const acronymKey = localAcronyms.get(token.text);
    if (acronymKey) {
      const entity = index.entities.get(acronymKey)!;
      mentions.push({ key: acronymKey, kind: entity.kind, id: entity.id, text: token.text, start: token.start, end: token.end, via: 'acronym' });
      continue;
    }
    if (!startsUpperCase(token.text)) continue;
    const people = index.surnames.get(token.folded);
    if (!people) continue;
    const inText = [...people].filter((key) => namedInFull.has(key));
    const key = inText.length === 1 ? inText[0] : inText.length === 0 && people.size === 1 ? [...people][0] : undefined;
    if (!key) continue;
    const entity = index.entities.get(key)!;
    mentions.push({ key, kind: entity.kind, id: entity.id, text: token.text, start: token.start, end: token.end, via: 'surname' });
  }
  return withoutTitles(mentions.sort((a, b) => a.start - b.start), text);
}

/**
 * "Bundesrat Cassis", "Federal Councillor Cassis": a one-word organization name right before a
 * person is that person's title, not a mention of the organization.
 */
function withoutTitles(mentions: Mention[], text: string): Mention[] {
  return mentions.filter((mention, index) => {
    const next = mentions[index + 1];
    if (mention.kind !== 'organization' || /\s/.test(mention.text) || !next || next.kind !== 'person') return true;
    return !/^\s{1,2}$/.test(text.slice(mention.end, next.start));
  });
}

function longestAliasAt(tokens: Token[], i: number, index: RegistryIndex, text: string) {
  const candidates = index.byFirstWord.get(tokens[i]!.folded);
  if (!candidates) return undefined;
  for (const entry of candidates) {
    const length = entry.words.length;
    if (i + length > tokens.length) continue;
    let matches = true;
    for (let k = 0; k < length && matches; k++) {
      matches = tokens[i + k]!.folded === entry.words[k] && (k === 0 || joined(text, tokens[i + k - 1]!, tokens[i + k]!));
    }
    if (!matches) continue;
    if (entry.capitalized && !startsUpperCase(tokens[i]!.text)) continue;
    if (entry.exactCase && !acronymCaseFits(spanText(tokens, i, length, text).replace(/[.\s-]/g, ''), entry.exactCase)) continue;
    return { entry, length };
  }
  return undefined;
}

/** "OSCE" as written, or, for three letters and more, capitalised as German writes it ("Uno", "Osze"); "un" never. */
function acronymCaseFits(written: string, acronym: string): boolean {
  if (written === acronym) return true;
  return acronym.length >= 3 && written === acronym[0] + acronym.slice(1).toLowerCase();
}

/** Two words belong to one name only when nothing but a space, hyphen, apostrophe or dot separates them. */
function joined(text: string, left: Token, right: Token): boolean {
  return /^[\s\-'’.]{1,3}$/.test(text.slice(left.end, right.start)) && !/\.\s/.test(text.slice(left.end, right.start));
}

function spanText(tokens: Token[], i: number, length: number, text: string): string {
  return text.slice(tokens[i]!.start, tokens[i + length - 1]!.end);
}

function mentionOf(entry: { key: string; kind: EntityKind; id: string }, tokens: Token[], i: number, length: number, text: string, via: Mention['via']): Mention {
  return { key: entry.key, kind: entry.kind, id: entry.id, text: spanText(tokens, i, length, text), start: tokens[i]!.start, end: tokens[i + length - 1]!.end, via };
}

/** "… Co-operation in Europe (OSCE)": an acronym in parentheses right after a linked name. */
function acronymsDefined(text: string, mentions: Mention[]): Map<string, string> {
  const defined = new Map<string, string>();
  for (const match of text.matchAll(/\(\s*(\p{Lu}[\p{Lu}\p{N}]{1,7})\s*\)/gu)) {
    const open = match.index ?? 0;
    const before = mentions.find((mention) => /^\s*$/.test(text.slice(mention.end, open)) && mention.end <= open && open - mention.end <= 2);
    if (before && match[1]) defined.set(match[1], before.key);
  }
  return defined;
}
