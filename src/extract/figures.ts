import type { DateMention } from '../content/schemas.ts';
import { fold } from './text.ts';

/** A number with the thing it counts: "three OSCE staff members", "57 participating States". */
export interface Figure {
  value: number;
  /** The words as written. */
  text: string;
  /** The counted thing, folded and singular, for comparing stories: "staff member". */
  noun: string;
  offset: number;
}

/*
 * Written here because the NLP libraries at hand count in English only (compromise) or not at all:
 * this reads digits and the number words of en/fr/de, then the one or two words after them.
 */

const NUMBER_WORDS: Record<string, number> = Object.fromEntries(
  [
    ['one', 'un', 'une', 'ein', 'eine', 'einen'],
    ['two', 'deux', 'zwei'],
    ['three', 'trois', 'drei'],
    ['four', 'quatre', 'vier'],
    ['five', 'cinq', 'fünf'],
    ['six', 'six', 'sechs'],
    ['seven', 'sept', 'sieben'],
    ['eight', 'huit', 'acht'],
    ['nine', 'neuf', 'neun'],
    ['ten', 'dix', 'zehn'],
    ['eleven', 'onze', 'elf'],
    ['twelve', 'douze', 'zwölf'],
    ['twenty', 'vingt', 'zwanzig'],
    ['dozen', 'douzaine', 'dutzend'],
  ].flatMap((words, index) => words.map((word) => [word, index === 12 ? 20 : index === 13 ? 12 : index + 1])),
);

/** Units of time and proportion: two stories giving different ones are usually counting different things. */
const NOT_COUNTED = new Set([
  'year', 'month', 'week', 'day', 'hour', 'minute', 'second', 'time', 'percent', 'per', 'cent', 'oclock', 'am', 'pm', 'of', 'or', 'and',
  'an', 'ans', 'annee', 'mois', 'semaine', 'jour', 'heure', 'fois', 'pour', 'jahr', 'jahre', 'jahren', 'monat', 'monate', 'woche', 'wochen', 'tag',
  'tage', 'tagen', 'stunde', 'stunden', 'mal', 'prozent', 'uhr', 'the', 'a', 'la', 'le', 'les', 'de', 'des', 'der', 'die', 'das', 'und', 'et',
]);

/** A number, then (looked ahead at, not consumed, so "the three staff" still finds "three") up to three words. */
const FIGURE = new RegExp(
  `(?<![\\p{L}\\p{N}.,:/])(\\d{1,3}(?:[,'’ ]\\d{3})+|\\d+|${Object.keys(NUMBER_WORDS).join('|')})(?=\\s+((?:[\\p{L}-]+\\s+){0,2}[\\p{L}-]+))`,
  'giu',
);

export function findFigures(text: string, language: string, dates: readonly DateMention[]): Figure[] {
  const figures: Figure[] = [];
  const inDate = (offset: number) => dates.some((date) => offset >= date.offset && offset < date.offset + date.text.length);
  for (const match of text.matchAll(FIGURE)) {
    const [, number = '', following = ''] = match;
    const offset = match.index ?? 0;
    const value = /^\d/.test(number) ? Number(number.replace(/[,'’ ]/g, '')) : NUMBER_WORDS[number.toLowerCase()];
    // "one" is as often a pronoun as a count; a bare year is a date, not a figure.
    if (value === undefined || value === 1 || inDate(offset) || (/^\d{4}$/.test(number) && value >= 1800 && value <= 2100)) continue;
    const noun = countedNoun(following, language);
    if (!noun || noun.length < 3) continue;
    figures.push({ value, text: `${number} ${following}`, noun, offset });
  }
  return figures;
}

/** Words that end a counted phrase before its noun: "the two met", "two had talked", "three is". */
const NOT_A_NOUN = new Set([
  'is', 'was', 'has', 'does', 'his', 'its', 'this', 'thus', 'as', 'us', 'yes', 'less', 'plus', 'news', 'across', 'towards', 'always', 'perhaps',
  'est', 'sont', 'dans', 'sous', 'sans', 'vers', 'plus', 'nous', 'vous', 'ils', 'elles', 'les', 'des', 'mes', 'ses', 'ces', 'nos', 'vos', 'leurs', 'fois',
]);
const IRREGULAR_PLURALS: Record<string, string> = { people: 'person', men: 'man', women: 'woman', children: 'child' };

/**
 * The counted thing is a plural noun (English, French) or a capitalised noun (German) within
 * three words, with at most one modifier before it: "participating States", "staff members".
 */
function countedNoun(following: string, language: string): string | undefined {
  const words = following.split(/\s+/).filter((word) => !/^[\p{Lu}\p{N}-]{2,}$/u.test(word)); // "three OSCE staff members"
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const folded = fold(word).replace(/[^a-z-]/g, '');
    if (!folded || NOT_COUNTED.has(folded) || NOT_A_NOUN.has(folded)) return undefined;
    const head = nounHead(word, folded, language);
    if (head === undefined) continue;
    const modifier = i > 0 ? fold(words[i - 1]!).replace(/[^a-z-]/g, '') : '';
    if (NOT_COUNTED.has(head)) return undefined;
    return modifier ? `${modifier} ${head}` : head;
  }
  return undefined;
}

/** The singular of a counted noun, or undefined when the word is not one. */
function nounHead(word: string, folded: string, language: string): string | undefined {
  // German: the dative plural adds an -n ("drei Mitarbeitern"), which would hide the same noun.
  if (language.startsWith('de')) return /^\p{Lu}/u.test(word) ? folded.replace(/(er|el)n$/, '$1') : undefined;
  if (IRREGULAR_PLURALS[folded]) return IRREGULAR_PLURALS[folded];
  if (language.startsWith('fr')) return /[sx]$/.test(folded) && folded.length > 3 ? folded.slice(0, -1) : undefined;
  if (folded.endsWith('ies') && folded.length > 4) return `${folded.slice(0, -3)}y`;
  if (folded.endsWith('s') && !folded.endsWith('ss') && folded.length > 3) return folded.slice(0, -1);
  return undefined;
}
