import nlp from 'compromise';
import type { EntityKind } from '../content/schemas.ts';
import type { Mention } from './link-registry.ts';
import { fold, isAcronym } from './text.ts';

/** A name nobody registered, found in one article. */
export interface Discovery {
  kind: EntityKind;
  name: string;
  /** Other forms in this article: an acronym defined in parentheses, the surname alone. */
  aliases: string[];
  start: number;
  end: number;
  /** Found by the shape of an organization's name ("Union européenne", "Weltwirtschaftsforum"), which vouches for its form. */
  byHead?: boolean;
}

/**
 * Finds people, organizations and places that are not in the registry. Precision comes before
 * recall: a wrong entity page is worse than a missing one. Sources of candidates:
 *  - compromise's named-entity tagger, for English text;
 *  - names after a title ("Federal Councillor", "M.", "Bundesrätin"), in every language;
 *  - a name followed by its acronym in parentheses, which is almost always an organization.
 * Candidates inside navigation lists, photo credits and teaser boxes are dropped, as are weekdays,
 * months, single words that are not places, and anything the registry already linked.
 */
export function discoverEntities(text: string, language: string, linked: readonly Mention[]): Discovery[] {
  const masked = maskBoilerplate(text);
  // Most specific sources first: on overlapping spans, the first one wins.
  const found: Discovery[] = [
    ...organizationsWithAcronyms(masked, linked),
    ...organizationsByHead(masked, language),
    ...peopleAfterTitles(masked),
    ...peopleByFirstName(masked),
    ...(language.startsWith('en') ? fromCompromise(withUnknownNamesOnly(masked, linked)) : placesByPreposition(masked, language)),
  ];
  const accepted: Discovery[] = [];
  for (const candidate of found) {
    const cleaned = clean(candidate);
    if (!cleaned || overlapsLinked(cleaned, linked) || !plausible(cleaned)) continue;
    const same = accepted.find(
      (other) => other.kind === cleaned.kind && [other.name, ...other.aliases].some((form) => fold(form) === fold(cleaned.name)),
    );
    if (same) {
      for (const alias of cleaned.aliases) if (!same.aliases.includes(alias)) same.aliases.push(alias);
      continue;
    }
    // Two taggers may see one name with different kinds; the first (the more specific source) wins.
    if (accepted.some((other) => other.start < cleaned.end && cleaned.start < other.end)) continue;
    accepted.push(cleaned);
  }
  return attachSurnames(accepted, masked);
}

/* ---- candidate sources ---- */

/**
 * The tagger is the slow part of extraction, so it reads only the sentences that still hold a
 * capitalised word that is neither linked to the registry nor the sentence's first word; the rest
 * is blanked out, keeping every offset.
 */
function withUnknownNamesOnly(text: string, linked: readonly Mention[]): string {
  let blanked = text;
  if (linked.length > 0) {
    const parts: string[] = [];
    let at = 0;
    for (const mention of [...linked].sort((a, b) => a.start - b.start)) {
      const start = Math.max(at, mention.start);
      const end = Math.min(mention.end, text.length);
      if (end <= start) continue;
      parts.push(text.slice(at, start), ' '.repeat(end - start));
      at = end;
    }
    parts.push(text.slice(at));
    blanked = parts.join('');
  }
  return text.replace(/[^.!?\n]+[.!?]*/g, (sentence, offset: number) =>
    hasUnknownName(blanked.slice(offset, offset + sentence.length)) ? sentence : ' '.repeat(sentence.length),
  );
}

/** A capitalised word that does not start the sentence and is not a weekday or a month. */
function hasUnknownName(sentence: string): boolean {
  for (const match of sentence.matchAll(/\S\s+["“(]?(\p{Lu}[\p{L}]*)/gu)) if (!CALENDAR_WORDS.has(fold(match[1] ?? ''))) return true;
  return false;
}

function fromCompromise(text: string): Discovery[] {
  const doc = nlp(text);
  const take = (kind: EntityKind, view: { json(options: object): unknown }) =>
    (view.json({ offset: true }) as Array<{ text: string; offset: { start: number; length: number } }>).map(
      (match): Discovery => ({ kind, name: match.text, aliases: [], start: match.offset.start, end: match.offset.start + match.offset.length }),
    );
  return [...take('person', doc.people()), ...take('organization', doc.organizations()), ...take('place', doc.places())];
}

const NAME_WORD = "\\p{Lu}[\\p{Ll}\\p{Lu}'’]+(?:-\\p{Lu}?[\\p{Ll}]+)*";
const PARTICLE = '(?:von|van|der|den|de|du|da|di|la|le|al|bin)';
const FULL_NAME = `${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){1,3}`;

const TITLES = [
  'Mr', 'Mrs', 'Ms', 'Dr', 'President', 'Vice President', 'Prime Minister', 'Foreign Minister', 'Minister', 'Chancellor',
  'Federal Councillor', 'Secretary General', 'Secretary-General', 'spokesperson', 'spokesman', 'spokeswoman', 'Ambassador', 'CEO',
  'M\\.', 'Mme', 'président', 'présidente', 'ministre', 'conseiller fédéral', 'conseillère fédérale', 'secrétaire général', 'porte-parole', 'ambassadeur',
  'Herr', 'Frau', 'Bundesrat', 'Bundesrätin', 'Präsident', 'Präsidentin', 'Minister', 'Ministerin', 'Aussenminister', 'Außenminister', 'Aussenministerin',
  'Generalsekretär', 'Sprecher', 'Sprecherin', 'Botschafter', 'Botschafterin', 'Bundeskanzler', 'Bundeskanzlerin',
];

function peopleAfterTitles(text: string): Discovery[] {
  const pattern = new RegExp(`(?<![\\p{L}])(?:${TITLES.join('|')})\\s+(${FULL_NAME})`, 'gu');
  return [...text.matchAll(pattern)].map((match) => {
    const name = match[1] ?? '';
    const start = (match.index ?? 0) + match[0].length - name.length;
    return { kind: 'person' as const, name, aliases: [], start, end: start + name.length };
  });
}

const CONNECTOR = '(?:of|for|and|the|on|in|de|du|des|la|le|pour|et|für|der|die|des|und|zur|zum)';

/**
 * "International Committee of the Red Cross (ICRC)", "Comité international de la Croix-Rouge (CICR)":
 * the name is the shortest run of words before the parentheses, starting with a capital, whose
 * initials spell the acronym.
 */
function organizationsWithAcronyms(text: string, linked: readonly Mention[]): Discovery[] {
  const found: Discovery[] = [];
  for (const match of text.matchAll(/\((\p{Lu}[\p{Lu}\p{N}]{1,7})\)/gu)) {
    const acronym = match[1] ?? '';
    const open = match.index ?? 0;
    // "(EDA)" where EDA is a registry alias: the name before it is that entity, not a new one.
    if (linked.some((mention) => mention.start > open && mention.start <= open + 2)) continue;
    const before = text.slice(Math.max(0, open - 160), open);
    const words = [...before.matchAll(/[\p{L}\p{N}'’.-]+/gu)];
    if (words.length === 0 || !/^\s*$/.test(before.slice((words.at(-1)!.index ?? 0) + words.at(-1)![0].length))) continue;
    for (let first = words.length - 1; first >= Math.max(0, words.length - 10); first--) {
      const word = words[first]![0];
      if (!/^\p{Lu}/u.test(word) || !(word[0] ?? '').toUpperCase().startsWith(acronym[0] ?? '')) continue;
      const startIndex = (words[first]!.index ?? 0) + open - before.length;
      const name = text.slice(startIndex, open).trim();
      if (!initialsFit(name, acronym) || /[.;:!?]\s/.test(name)) continue;
      found.push({ kind: 'organization', name, aliases: [acronym], start: startIndex, end: startIndex + name.length });
      break;
    }
  }
  return found;
}

const FRENCH_HEAD = 'Banque|Comité|Conseil|Commission|Union|Parti|Fondation|Musée|Centre|Contrôle|Office|Cour|Agence|Fédération|Institut|Université|Organisation|Association';
const FRENCH_ADJECTIVE = "[\\p{Ll}]+(?:al|ale|aux|ales|aire|aires|ique|iques|ien|ienne|enne|éen|ais|aise|é|ée|és|ées|el|elle|eur|ice|iste|ste|suisse|suisses)";
const GERMAN_SUFFIX = 'partei|bank|union|forum|forums|museum|stiftung|verband|kommission|gericht|departement|haus|versicherung|konzern|gruppe|institut|universität|hochschule|kantonalbank|nationalbank';

/**
 * Organizations named by what they are: "Banque nationale suisse", "Contrôle fédéral des finances",
 * "Union européenne" in French; "Schweizerische Volkspartei", "Zürcher Kantonalbank",
 * "Weltwirtschaftsforum" in German, where the kind of body ends the compound.
 */
function organizationsByHead(text: string, language: string): Discovery[] {
  const found: Discovery[] = [];
  if (language.startsWith('fr')) {
    const complement = `(?:\\s+(?:${FRENCH_ADJECTIVE}|\\p{Lu}[\\p{L}-]+|(?:de la|de l'|d'|de|du|des)\\s*[\\p{L}][\\p{L}-]+)(?![\\p{L}]))`;
    const pattern = new RegExp(`(?<![\\p{L}])(?:${FRENCH_HEAD})${complement}{1,5}`, 'gu');
    for (const match of text.matchAll(pattern)) {
      const name = match[0].replace(/\s+(?:de|du|des|de la)$/u, '');
      const start = match.index ?? 0;
      found.push({ kind: 'organization', name, aliases: [], start, end: start + name.length, byHead: true });
    }
  } else if (language.startsWith('de')) {
    const capitalizedSuffixes = GERMAN_SUFFIX.split('|').map((suffix) => suffix[0]!.toUpperCase() + suffix.slice(1)).join('|');
    const pattern = new RegExp(`(?<![\\p{L}])(?:(\\p{Lu}\\p{Ll}+(?:e|er|es|en|ische|ischen|isches))\\s+)?(\\p{Lu}\\p{Ll}*(?:${GERMAN_SUFFIX})|${capitalizedSuffixes})(?![\\p{L}])(?:\\s+(Zürich|Basel|Bern|Genf|Luzern|Lausanne|Lugano|Winterthur|St\\. Gallen))?`, 'gu');
    for (const match of text.matchAll(pattern)) {
      const adjective = match[1];
      // Only an adjective that agrees like a name part ("Schweizerische", "Zürcher", "Europäische"), not an article.
      const keepAdjective = adjective && !/^(Die|Der|Das|Den|Dem|Des|Eine|Einer|Eines|Diese|Dieser|Jede|Jeder)$/.test(adjective);
      const noun = (match[2] ?? '').replace(/forums$/, 'forum');
      // Names are given in the nominative: "der Europäischen Union" → "Europäische Union".
      const nominative = keepAdjective ? adjective!.replace(/(isch|äisch|e)n$/, '$1').replace(/ischen$/, 'ische') : undefined;
      const name = [nominative, noun, match[3]].filter(Boolean).join(' ');
      const start = (match.index ?? 0) + (keepAdjective || !adjective ? 0 : (adjective?.length ?? 0) + 1);
      const after = text.slice((match.index ?? 0) + match[0].length);
      // "Eidgenössisches Departement für …": the name goes on past what this pattern can see.
      if (/^\s+(?:für|des|der|zur|zum)\s/.test(after)) continue;
      // A lone compound ("Nahrungsmittelkonzern") is usually a common noun; it is a name when its acronym follows.
      if (!keepAdjective && !match[3] && !/^\s*\(\p{Lu}{2,8}\)/u.test(after)) continue;
      found.push({ kind: 'organization', name, aliases: [], start, end: start + (match[0].length - (start - (match.index ?? 0))), byHead: true });
    }
  }
  return found;
}

/** "Mirjana Spoljaric", "Martin Schlegel": two or three capitalised words led by a known first name. */
function peopleByFirstName(text: string): Discovery[] {
  const pattern = new RegExp(`(?<![\\p{L}])(${NAME_WORD})\\s+((?:${PARTICLE}\\s+)*${NAME_WORD}(?:\\s+${NAME_WORD})?)`, 'gu');
  const found: Discovery[] = [];
  for (const match of text.matchAll(pattern)) {
    const first = match[1] ?? '';
    if (!isFirstName(first)) continue;
    const start = match.index ?? 0;
    let name = match[0];
    // A third capitalised word is part of the name only if it is not where the next sentence or name starts.
    const parts = name.split(/\s+/);
    if (parts.length === 3 && isFirstName(parts[2] ?? '')) name = parts.slice(0, 2).join(' ');
    found.push({ kind: 'person', name, aliases: [], start, end: start + name.length });
  }
  return found;
}

function isFirstName(word: string): boolean {
  return knownAs(word, '#FirstName') && !knownAs(word, '#Place');
}

/**
 * What compromise's lexicon makes of one word, remembered: tagging a word costs as much as a
 * sentence, and the same capitalised words come back in article after article.
 */
function knownAs(word: string, tag: '#FirstName' | '#Place' | '#Organization'): boolean {
  const key = `${tag} ${word}`;
  let known = lexicon.get(key);
  if (known === undefined) {
    // A bound on what one long run (a worker over 100,000 articles) keeps.
    if (lexicon.size >= 100_000) lexicon.clear();
    lexicon.set(key, (known = nlp(word).has(tag)));
  }
  return known;
}

const lexicon = new Map<string, boolean>();

/** "International Committee of the Red Cross (ICRC)": the acronym's letters start words of the name. */
function initialsFit(name: string, acronym: string): boolean {
  const initials = name.split(/[\s-]+/).map((word) => word[0] ?? '').join('').toUpperCase();
  let at = 0;
  for (const letter of acronym) {
    at = initials.indexOf(letter, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** French and German text: single names after "à"/"in"/"nach" that compromise knows as places. */
function placesByPreposition(text: string, language: string): Discovery[] {
  const lead = language.startsWith('fr') ? "(?:à|au|en|depuis|vers)" : '(?:in|nach|aus|von)';
  const pattern = new RegExp(`(?<![\\p{L}])${lead}\\s+(${NAME_WORD})`, 'gu');
  return [...text.matchAll(pattern)].flatMap((match) => {
    const name = match[1] ?? '';
    if (!knownAs(name, '#Place')) return [];
    const start = (match.index ?? 0) + match[0].length - name.length;
    return [{ kind: 'place' as const, name, aliases: [], start, end: start + name.length }];
  });
}

/* ---- filters ---- */

const LEADING_TITLE = new RegExp(`^(?:(?:${TITLES.join('|')})\\s+)+`, 'u');
const NOISE = new Set(
  [
    'read more', 'more', 'popular stories', 'most discussed', 'most read', 'news', 'photo', 'keystone', 'external link', 'related',
    'lire aussi', 'plus', 'mehr', 'mehr zum thema', 'newsletter', 'share', 'twitter', 'x', 'telegram', 'facebook', 'instagram',
  ].map(fold),
);
const CALENDAR_WORDS = new Set(
  [
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
    'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
    'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
    'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag',
  ].map(fold),
);

function clean(candidate: Discovery): Discovery | undefined {
  let name = candidate.name.replace(/[\s.,;:!?)"”’']+$/u, '').replace(/^["“(]+/, '');
  const withoutTitle = name.replace(LEADING_TITLE, '');
  const start = candidate.start + (candidate.name.length - candidate.name.trimStart().length) + (name.length - withoutTitle.length);
  name = withoutTitle.replace(/(?:'s|’s)$/u, '').trim();
  if (!name) return undefined;
  return { ...candidate, name, start, end: start + name.length };
}

function plausible(candidate: Discovery): boolean {
  const words = candidate.name.split(/\s+/);
  const folded = fold(candidate.name);
  if (NOISE.has(folded) || words.every((word) => CALENDAR_WORDS.has(fold(word)) || NOISE.has(fold(word)))) return false;
  if (!/^\p{Lu}/u.test(candidate.name)) return false;
  if (candidate.kind === 'person') return words.length >= 2 && words.length <= 5 && words.every((word) => /^(\p{Lu}|von|van|der|den|de|du|da|di|la|le|al|bin)/u.test(word));
  if (candidate.kind === 'organization' && candidate.byHead) return words.length <= 8;
  if (candidate.kind === 'organization') {
    const connectors = new RegExp(`^${CONNECTOR}$`, 'i');
    // A name defined by its acronym may hold lower-case words ("Comité international de la Croix-Rouge").
    const capitalized = candidate.aliases.some(isAcronym) || words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || connectors.test(word));
    return capitalized && (words.length >= 2 || isAcronym(candidate.name) || candidate.aliases.length > 0 || knownOrganization(candidate.name)) && words.length <= 10;
  }
  return words.length <= 4;
}

/** A single word is an organization only when compromise's lexicon knows it as one (Novartis, Reuters). */
function knownOrganization(word: string): boolean {
  return knownAs(word, '#Organization');
}

function overlapsLinked(candidate: Discovery, linked: readonly Mention[]): boolean {
  return linked.some((mention) => mention.start < candidate.end && candidate.start < mention.end);
}

/** A discovered person's surname alone later in the text is the same person, and an alias of them. */
function attachSurnames(found: Discovery[], text: string): Discovery[] {
  for (const person of found.filter((item) => item.kind === 'person')) {
    const surname = person.name.split(/\s+/).at(-1) ?? '';
    if (surname.length < 3) continue;
    const pattern = new RegExp(`(?<![\\p{L}-])${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}-])`, 'u');
    const rest = text.slice(person.end);
    if (pattern.test(rest) && !person.aliases.includes(surname)) person.aliases.push(surname);
  }
  return found;
}

/**
 * Navigation menus, teaser boxes and photo credits left behind by a scraper are blanked out (same
 * length, so offsets still point into the article) before any name is looked for.
 */
export function maskBoilerplate(text: string): string {
  return text
    .split('\n')
    .map((line) => (isBoilerplate(line) ? ' '.repeat(line.length) : line))
    .join('\n');
}

function isBoilerplate(line: string): boolean {
  const trimmed = line.trim();
  if (!trimmed) return false;
  if (/^[-*•]\s*\S/.test(trimmed) && trimmed.split(/\s+/).length <= 6 && !/[.!?]$/.test(trimmed)) return true;
  if (/^(photo|photos|foto|fotos|bild|image|credit|crédit|quelle|source)s?\s*:/i.test(trimmed)) return true;
  if (/(keystone|reuters|afp|ap photo|getty images|epa)\s*\/\s*\S/i.test(trimmed) || /©/.test(trimmed)) return true;
  if (NOISE.has(fold(trimmed.replace(/[:.]$/, '')))) return true;
  if (/^(read more|lire aussi|mehr zum thema|more:)/i.test(trimmed)) return true;
  return false;
}
