import type { DateMention } from '../content/schemas.ts';
import type { ArticleExtraction } from './extract-article.ts';
import type { Happening } from './happenings.ts';
import { withOwnStrings } from '../own-strings.ts';

/*
 * An extraction as the cache keeps it: arrays instead of objects, codes instead of repeated
 * words, and the article's own words (a date as written, a happening's sentence) as positions in
 * the text the cache is asked about, which it always has. A third of the size of plain JSON, so a
 * warm build reads and parses a third as much. Anything that does not unpack is a cache miss.
 */

const PRECISIONS = ['day', 'month', 'year', 'duration'] as const;
const METHODS = ['explicit', 'relative', 'inferred-year', 'duration'] as const;
const KINDS = ['person', 'organization', 'place'] as const;

/** Words of the text: their length when they stand at `at`, else the words themselves. */
type Wording = number | string;
type PackedMention = [wording: Wording, date: string, precision: number, method: number, offset: number];
type PackedHappening = [mention: number | PackedMention, sentence: [start: number, length: number] | string, places: string[], participants: string[], main: 0 | 1];

export function pack(extraction: ArticleExtraction, text: string): unknown[] {
  const wording = (words: string, at: number): Wording => (text.startsWith(words, at) ? words.length : words);
  const mention = ({ text: words, date, precision, method, offset }: DateMention): PackedMention => [
    wording(words, offset), date, PRECISIONS.indexOf(precision), METHODS.indexOf(method), offset,
  ];
  const byOffset = new Map(extraction.dates.map((date, index) => [date.offset, index]));
  const happening = (item: Happening): PackedHappening => {
    const index = byOffset.get(item.offset);
    const date = index === undefined ? undefined : extraction.dates[index];
    const same = date && date.text === item.text && date.date === item.date && date.precision === item.precision && date.method === item.method;
    // The sentence holds the date, so it is found looking back from there.
    let start = text.lastIndexOf(item.sentence, item.offset);
    if (start < 0) start = text.indexOf(item.sentence);
    return [
      same ? index! : mention(item),
      start >= 0 ? [start, item.sentence.length] : item.sentence,
      item.places, item.participants, item.main ? 1 : 0,
    ];
  };
  return [
    extraction.linked,
    extraction.discovered.map(({ kind, name, aliases }) => [KINDS.indexOf(kind), name, aliases]),
    extraction.dates.map(mention),
    extraction.happenings.map(happening),
    [...extraction.forms],
    extraction.figures.map(({ value, text: words, noun, offset }) => [value, wording(words, offset), noun, offset]),
  ];
}

/**
 * One string for each distinct value, however many articles repeat it: registry keys and names, and
 * the dates mentions resolve to and their wording ("2024-05-01", "on Thursday"), which repeat across
 * thousands of stories. At 100,000 stories that is millions of strings fewer for every garbage
 * collection to visit. The string kept is a copy of its own (src/own-strings.ts), so a slice of a
 * story's text given here does not keep that text alive.
 */
export function interner(): (value: string) => string {
  const strings = new Map<string, string>();
  return (value) => {
    const known = strings.get(value);
    if (known !== undefined) return known;
    const own = withOwnStrings(value);
    strings.set(own, own);
    return own;
  };
}

/** `intern` gives one string for each distinct key, name, date and date wording, however many articles repeat it. */
export function unpack(value: unknown, text: string, intern: (value: string) => string = withOwnStrings): ArticleExtraction | undefined {
  try {
    const [linked, discovered, dates, happenings, forms, figures] = array(value);
    const slice = (wording: unknown, at: number): string => {
      if (typeof wording === 'string') return wording;
      const length = integer(wording);
      if (at + length > text.length) throw new Error('beyond the text');
      return text.slice(at, at + length);
    };
    const words = (wording: unknown, at: number): string => withOwnStrings(slice(wording, at));
    const mention = (packed: unknown): DateMention => {
      const [wording, date, precision, method, offset] = array(packed);
      const at = integer(offset);
      return { text: intern(slice(wording, at)), date: intern(string(date)), precision: pick(PRECISIONS, precision), method: pick(METHODS, method), offset: at };
    };
    const mentions = array(dates).map(mention);
    const keys = (list: unknown) => array(list).map((key) => intern(string(key)));
    return {
      linked: keys(linked),
      discovered: array(discovered).map((item) => {
        const [kind, name, aliases] = array(item);
        return { kind: pick(KINDS, kind), name: string(name), aliases: array(aliases).map(string) };
      }),
      dates: mentions,
      happenings: array(happenings).map((item): Happening => {
        const [packedMention, sentence, places, participants, main] = array(item);
        const { text: wording, date, precision, method, offset } = typeof packedMention === 'number' ? mentions[integer(packedMention)]! : mention(packedMention);
        if (precision !== 'day' && precision !== 'month') throw new Error('not a happening');
        const [start, length] = typeof sentence === 'string' ? [] : array(sentence).map(integer);
        return {
          text: wording, date, precision, method,
          sentence: typeof sentence === 'string' ? sentence : words(length, start!),
          offset, places: keys(places), participants: keys(participants), main: main === 1,
        };
      }),
      forms: new Map(array(forms).map((entry) => {
        const [key, list] = array(entry);
        return [intern(string(key)), array(list).map((form) => intern(string(form)))];
      })),
      figures: array(figures).map((item) => {
        const [value, wording, noun, offset] = array(item);
        const at = integer(offset);
        return { value: number(value), text: words(wording, at), noun: string(noun), offset: at };
      }),
    };
  } catch {
    return undefined;
  }
}

/* Checks that throw, so that any damage anywhere makes the whole entry a miss. */

function array(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error('not a list');
  return value;
}

function string(value: unknown): string {
  if (typeof value !== 'string') throw new Error('not text');
  return value;
}

function number(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error('not a number');
  return value;
}

function integer(value: unknown): number {
  if (!Number.isInteger(value) || (value as number) < 0) throw new Error('not a position');
  return value as number;
}

function pick<T>(values: readonly T[], index: unknown): T {
  const found = values[integer(index)];
  if (found === undefined) throw new Error('not a known code');
  return found;
}
