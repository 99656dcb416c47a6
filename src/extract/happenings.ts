import type { DateMention, EventClaim } from '../content/schemas.ts';
import { sentences, type Span } from './text.ts';

/** An entity in the text, linked (`person:id`) or discovered (`discovered:3`, an index into the article's discoveries). */
export interface EntityAt {
  ref: string;
  kind: 'person' | 'organization' | 'place';
  start: number;
  end: number;
}

/**
 * Something the text says happened, or will happen, on a date, somewhere, with someone: the raw
 * material of events. Plain data, cached with the rest of an article's extraction.
 */
export interface Happening extends EventClaim {
  offset: number;
  /** Places of the date's own clause, else of its sentence, in order of mention. */
  places: string[];
  /** People and organizations of the date's clause and the sentence's subject, plus the person a leading pronoun points back to. */
  participants: string[];
  /** The happening the story is about: the first one of its lead that falls near publication. */
  main: boolean;
}

/** How far from publication the main happening of a story may lie: news reports the last days, or the next. */
const MAIN_WINDOW_DAYS = 10;

/*
 * Written here because no library does this job: it is a few positional rules over the mentions
 * that linking and date resolution already found, not general event extraction.
 */

/** "since 24 February 2022", "until March", "dated February 6": a reference point, not a happening. */
const NOT_A_HAPPENING_BEFORE = /\b(since|until|till|by|before|dated|as of|seit|bis|vor dem|datiert|depuis|jusqu'(?:au|à|en)?|avant|daté[e]?)\s*$/i;
/** A sentence that opens on a pronoun continues the story of the nearest earlier sentence's first-named person (its subject, as a rule). */
const LEADING_PRONOUN = /^(?:\p{P}\s*)?(he|she|they|the two|the pair|both|er|sie|beide|il|elle|ils|elles|tous deux)\b/iu;
/** A clause attributing a statement names a source, not a participant. */
const ATTRIBUTION = /^\s*(according to|laut|gemäss|gemäß|selon|d'après)\b/i;
/** Parentheses do not break a clause: "at the World Economic Forum (WEF) in Davos" is one place phrase. */
const CLAUSE_BREAK = /[,;:\u2013\u2014]/g;

/**
 * Each day- or month-precise date that stands with a place or a participant in its sentence
 * becomes a happening. `leadEnd` is where the story's lead (headline, summary, first paragraph)
 * ends; the first happening there near the publication day is the story's main one.
 */
export function findHappenings(
  text: string,
  language: string,
  entities: readonly EntityAt[],
  dates: readonly DateMention[],
  publishedDay: string,
  leadEnd: number,
): Happening[] {
  const spans = sentences(text, language);
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  const happenings: Happening[] = [];
  const breaksOf = new Map<Span, number[]>();
  for (const mention of dates) {
    if (mention.precision !== 'day' && mention.precision !== 'month') continue;
    if (NOT_A_HAPPENING_BEFORE.test(text.slice(Math.max(0, mention.offset - 16), mention.offset))) continue;
    const index = spans.findIndex((span) => span.start <= mention.offset && mention.offset < span.end);
    const sentence = spans[index];
    if (!sentence) continue;
    const breaks = clauseBreaks(text, sentence, breaksOf);
    const inSentence = sorted.filter((entity) => within(entity, sentence) && !inAttribution(text, sentence, breaks, entity));
    const clause = clauseAround(breaks, sentence, mention.offset);
    const placesOf = (list: readonly EntityAt[]) => list.filter((entity) => entity.kind === 'place' && !isPossessive(text, entity));
    const clausePlaces = placesOf(inSentence.filter((entity) => within(entity, clause)));
    const places = unique((clausePlaces.length > 0 ? clausePlaces : placesOf(inSentence)).map((entity) => entity.ref));
    // The clause's own people and organizations, and the sentence's subject when it is one of them:
    // in "X would meet Y in Moscow on Friday; the ministry had not confirmed", the ministry is not a participant.
    const actors = inSentence.filter((entity) => entity.kind !== 'place');
    const subject = actors[0] && actors[0].start < clause.start ? [actors[0]] : [];
    const inClause = actors.filter((entity) => within(entity, clause));
    // A date in an opening phrase ("On Monday, Cassis was in Kiev") belongs to the whole sentence.
    const participants = unique((inClause.length > 0 ? [...subject, ...inClause] : actors).map((entity) => entity.ref));
    const sentenceText = text.slice(sentence.start, sentence.end);
    if (LEADING_PRONOUN.test(sentenceText)) {
      const earlier = lastPersonBefore(spans, index, sorted);
      if (earlier && !participants.includes(earlier)) participants.unshift(earlier);
    }
    if (places.length === 0 && participants.length === 0) continue;
    happenings.push({
      text: mention.text,
      date: mention.date,
      precision: mention.precision,
      method: mention.method,
      sentence: sentenceText,
      offset: mention.offset,
      places,
      participants,
      main: false,
    });
  }
  const main = happenings.find(
    (happening) => happening.offset < leadEnd && happening.places.length > 0 && happening.participants.length > 0 && nearPublication(happening, publishedDay),
  );
  if (main) main.main = true;
  return happenings;
}

function within(entity: EntityAt, span: Span): boolean {
  return entity.start >= span.start && entity.end <= span.end;
}

/** Where a sentence's clauses break; every date and name in it asks, so each sentence is read once. */
function clauseBreaks(text: string, sentence: Span, known: Map<Span, number[]>): number[] {
  let breaks = known.get(sentence);
  if (!breaks) {
    breaks = [...text.slice(sentence.start, sentence.end).matchAll(CLAUSE_BREAK)].map((match) => sentence.start + (match.index ?? 0));
    known.set(sentence, breaks);
  }
  return breaks;
}

function clauseAround(breaks: readonly number[], sentence: Span, offset: number): Span {
  let start = sentence.start;
  let end = sentence.end;
  for (const at of breaks) {
    if (at < offset) start = at + 1;
    else if (at > offset) {
      end = at;
      break;
    }
  }
  return { start, end };
}

function inAttribution(text: string, sentence: Span, breaks: readonly number[], entity: EntityAt): boolean {
  const clause = clauseAround(breaks, sentence, entity.start);
  return ATTRIBUTION.test(text.slice(clause.start, entity.start));
}

/** "Ukraine's foreign minister": the place qualifies someone; nothing happens there. */
function isPossessive(text: string, entity: EntityAt): boolean {
  return /^['’]s?\b/.test(text.slice(entity.end, entity.end + 2));
}

function lastPersonBefore(spans: readonly Span[], index: number, entities: readonly EntityAt[]): string | undefined {
  for (let i = index - 1; i >= Math.max(0, index - 3); i--) {
    const span = spans[i]!;
    const person = entities.find((entity) => entity.kind === 'person' && within(entity, span));
    if (person) return person.ref;
  }
  return undefined;
}

function nearPublication(happening: Happening, publishedDay: string): boolean {
  if (happening.precision !== 'day') return happening.date === publishedDay.slice(0, 7);
  const days = (Date.parse(happening.date) - Date.parse(publishedDay)) / 86_400_000;
  return Math.abs(days) <= MAIN_WINDOW_DAYS;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
