import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { DateMention } from '../content/schemas.ts';
import { dayNumber, formatDay, inYear, isCalendarDate, weekdayOf } from './day-numbers.ts';

/**
 * Finds every date mention in an article and resolves it against the publication date, biased to
 * the past: news reports what happened. chrono-node parses (en, fr, de); the arithmetic is on
 * plain day numbers (see day-numbers.ts).
 */
export function extractDates(text: string, language: string, publishedIso: string): DateMention[] {
  const published = publicationOf(publishedIso);
  const reference = { instant: new Date(published.instant), timezone: published.offset };
  const parser = parserFor(language);
  const spans = durations(text);
  const mentions: DateMention[] = [...spans];
  for (const result of parser.parse(text, reference, { forwardDate: false })) {
    // "près de quatre ans" is a span; chrono would also read its tail "de quatre ans" as a point.
    const inSpan = spans.some((span) => result.index < span.offset + span.text.length && span.offset < result.index + result.text.length);
    // "has sat on the council": chrono takes a lower-case "sat", "wed" or "sun" for a weekday.
    const bareAbbreviation = BARE_ABBREVIATION.test(result.text.trim());
    if (inSpan || bareAbbreviation || NOT_A_DATE.test(result.text.trim())) continue;
    const mention = resolve(result, published, () => FUTURE_CONTEXT.test(sentenceAround(text, result.index)));
    if (mention) mentions.push(mention);
  }
  return mentions.sort((a, b) => a.offset - b.offset);
}

interface Publication {
  /** Milliseconds since the epoch. */
  instant: number;
  /** Minutes east of UTC, as written in the date. */
  offset: number;
  year: number;
  /** The publication's calendar day in its own zone, as a day number. */
  day: number;
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** Article dates always carry their offset, so they read without luxon; anything else goes through it. */
function publicationOf(iso: string): Publication {
  const match = ISO_WITH_OFFSET.exec(iso);
  const instant = Date.parse(iso);
  if (match && !Number.isNaN(instant)) {
    const [, year, month, day, sign, hours, minutes] = match;
    const offset = sign ? (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) : 0;
    return { instant, offset, year: Number(year), day: dayNumber(Number(year), Number(month), Number(day)) };
  }
  const parsed = DateTime.fromISO(iso, { setZone: true });
  return { instant: parsed.toMillis(), offset: parsed.offset, year: parsed.year, day: dayNumber(parsed.year, parsed.month, parsed.day) };
}

const BARE_ABBREVIATION = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)$/;
const FUTURE_CUE = /\b(next|coming|upcoming|prochain|prochaine|nächste[nmrs]?|kommende[nmrs]?)\b/i;
/** Words in the same sentence that put a bare weekday ahead of publication: "is due in Moscow on Friday". */
const FUTURE_CONTEXT = /\b(will|would|is due|are due|is expected|are expected|is scheduled|are scheduled|plans? to|planned|is to|are to|going to|va|vont|sera|seront|doit|doivent|prévu|prévue|wird|werden|soll|sollen|geplant|erwartet)\b/i;
/** chrono reads these as times of the publication day ("harm that lasts": last second); they are not dates. */
const NOT_A_DATE = /^(now|lasts?|next|today's|afternoon|morning|evening|tonight|noon|midnight|this (morning|afternoon|evening)|maintenant|jetzt|heute abend|ce soir|cet après-midi|am nachmittag|nachmittags)$/i;
const PAST_CUE = /\b(last|past|dernier|dernière|letzte[nmrs]?|vergangene[nmrs]?)\b/i;

function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('. ', index), text.lastIndexOf('\n', index), 0);
  const end = [text.indexOf('. ', index), text.indexOf('\n', index)].filter((at) => at >= 0);
  return text.slice(start, end.length > 0 ? Math.min(...end) : text.length);
}

/** `futureContext` reads the sentence around the date, which only a bare weekday needs. */
function resolve(result: chrono.ParsedResult, published: Publication, futureContext: () => boolean): DateMention | undefined {
  const start = result.start;
  const certain = (component: chrono.Component) => start.isCertain(component);
  const tags = [...(result.tags?.() ?? [])];
  const relative = tags.some((tag) => tag.startsWith('casualReference') || tag.startsWith('result/relativeDate'));
  const hasDate = certain('day') || certain('month') || certain('year') || certain('weekday') || relative;
  // A clock time alone ("at 17:00") is not a date mention.
  if (!hasDate) return undefined;

  const year = start.get('year') ?? published.year;
  const month = start.get('month') ?? 1;
  const day = start.get('day') ?? 1;
  // chrono drops results that are not calendar dates; this guards the arithmetic below all the same.
  if (!isCalendarDate(year, month, day)) return undefined;
  let date = dayNumber(year, month, day);
  let method: DateMention['method'] = 'explicit';
  const publishedDay = published.day;

  if (relative) {
    method = 'relative';
  } else if (certain('weekday') && !certain('day')) {
    // "on Monday": the last such day up to the publication day, unless the sentence points forward.
    method = 'relative';
    const forward = FUTURE_CUE.test(result.text) || (futureContext() && !PAST_CUE.test(result.text));
    if (forward && date < publishedDay) date += 7;
    if (!forward && date > publishedDay) date -= 7;
    if (PAST_CUE.test(result.text) && date === publishedDay) date -= 7;
  } else if (!certain('year')) {
    // "September 21" or "in January": the year near publication, the past first, and the weekday if one is given.
    method = 'inferred-year';
    date = inferYear(date, published, certain('day') ? start.get('weekday') : null);
  }

  // "four years ago" is as precise as its unit, not to the day chrono computes.
  const relativeUnit = relative ? RELATIVE_UNIT.exec(result.text)?.[1]?.toLowerCase() : undefined;
  const precision: DateMention['precision'] = relativeUnit
    ? (UNITS[relativeUnit] === 'Y' ? 'year' : UNITS[relativeUnit] === 'M' ? 'month' : 'day')
    : certain('day') || certain('weekday') || relative ? 'day' : certain('month') ? 'month' : 'year';
  const written = result.text.replace(TRAILING_PUNCTUATION, '');
  const lead = written.length - written.trimStart().length;
  return { text: written.trimStart(), date: formatDay(date, precision), precision, method, offset: result.index + lead };
}

const TRAILING_PUNCTUATION = /[\s,.;:]+$/;

/**
 * The year nearest the publication date (the past wins a tie), among years where the weekday, if
 * one is written, matches: "Wednesday, September 21" in a 2022 story is 21 September 2022.
 */
function inferYear(date: number, published: Publication, weekday: number | null | undefined): number {
  const publishedDay = published.day;
  let best: { day: number; distance: number } | undefined;
  for (let year = published.year + 1; year >= published.year - 10; year--) {
    const candidate = inYear(date, year);
    if (weekday !== null && weekday !== undefined && weekdayOf(candidate) !== weekday) continue;
    const distance = Math.abs(candidate - publishedDay) + (candidate > publishedDay ? 0.5 : 0);
    // Strictly nearer: on a tie the year met first (the later one) stays, as a stable sort kept it.
    if (!best || distance < best.distance) best = { day: candidate, distance };
  }
  return best?.day ?? date;
}

/* ---- parsers ---- */

const MONTHS: Record<string, string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};

const parsers = new Map<string, chrono.Chrono>();

function parserFor(language: string): chrono.Chrono {
  const key = language.slice(0, 2);
  let parser = parsers.get(key);
  if (parser) return parser;
  const base = key === 'fr' ? chrono.fr.casual : key === 'de' ? chrono.de.casual : key === 'it' ? chrono.it.casual : chrono.en.casual;
  parser = base.clone();
  // chrono's fr and de parsers miss a month on its own ("en janvier", "im Januar"), and no parser
  // takes "in 2024"; these small parsers add them to chrono's own pipeline.
  const months = MONTHS[key];
  if (months) {
    const lead = key === 'fr' ? "(?:en|début|fin|mi-|depuis|d'ici)\\s*" : '(?:im|seit|Anfang|Ende|Mitte)\\s+';
    // chrono asks for the pattern on every parse; one compiled expression serves them all (it is not global, so keeps no state).
    const monthPattern = new RegExp(`(?<![\\p{L}])${lead}(${months.join('|')})(?:\\s+((?:19|20)\\d\\d))?(?![\\p{L}])`, 'iu');
    parser.parsers.push({
      pattern: () => monthPattern,
      extract: (context, match) => {
        const month = months.findIndex((name) => name.toLowerCase() === (match[1] ?? '').toLowerCase()) + 1;
        // What is not written is implied as the 1st, as chrono's own month parser does: left to
        // chrono, the day comes from the publication date, and "en février" read on 30 March
        // became 30 February, which chrono then dropped as no calendar date.
        const components = context.createParsingComponents().assign('month', month).imply('day', 1);
        return match[2] ? components.assign('year', Number(match[2])) : components;
      },
    });
  }
  const yearLead = key === 'fr' ? '(?:en|depuis|jusqu\'en)' : key === 'de' ? '(?:im Jahr|seit|bis)' : '(?:in|since|until|by|throughout)';
  const yearPattern = new RegExp(`(?<![\\p{L}])${yearLead}\\s+((?:19|20)\\d\\d)(?![\\d\\-/]|\\.\\d)`, 'iu');
  parser.parsers.push({
    pattern: () => yearPattern,
    // Month and day implied as 1 January, not taken from the publication date (29 February in 2023).
    extract: (context, match) => context.createParsingComponents().assign('year', Number(match[1])).imply('month', 1).imply('day', 1),
  });
  parser.refiners = parser.refiners.map((refiner) => (refiner.constructor.name === 'ENEndOfPeriodRefiner' ? onlyAfterOf(refiner) : refiner));
  parsers.set(key, parser);
  return parser;
}

/**
 * chrono's "end of" refiner tries `/\b(?:last\s+day|end)\s+of\s+(?:the\s+)?$/i` on the whole text
 * before every date it found: scanning the article again for each date, a tenth of its parsing.
 * Such a prefix ends in "of " or "the ", so only dates after those words are handed to it; the
 * refiner changes the results it is given in place, so the others stand as they are.
 */
function onlyAfterOf(refiner: chrono.Refiner): chrono.Refiner {
  return {
    refine: (context, results) => {
      const candidates = results.filter((result) => afterOfOrThe(context.text, result.index));
      if (candidates.length > 0) refiner.refine(context, candidates);
      return results;
    },
  };
}

function afterOfOrThe(text: string, index: number): boolean {
  let end = index;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  if (end === index) return false;
  const word = text.slice(Math.max(0, end - 3), end).toLowerCase();
  return word.endsWith('of') || word === 'the';
}

/* ---- durations ---- */

const RELATIVE_UNIT = /\b(years?|months?|weeks?|days?|ans?|années?|mois|semaines?|jours?|jahre[n]?|jahr|monate[n]?|monat|wochen?|tage[n]?|tag)\b/i;

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10,
  ein: 1, eine: 1, einem: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
};

const UNITS: Record<string, 'Y' | 'M' | 'W' | 'D'> = {
  year: 'Y', years: 'Y', an: 'Y', ans: 'Y', année: 'Y', années: 'Y', jahr: 'Y', jahre: 'Y', jahren: 'Y',
  month: 'M', months: 'M', mois: 'M', monat: 'M', monate: 'M', monaten: 'M',
  week: 'W', weeks: 'W', semaine: 'W', semaines: 'W', woche: 'W', wochen: 'W',
  day: 'D', days: 'D', jour: 'D', jours: 'D', tag: 'D', tage: 'D', tagen: 'D',
};

const DURATION = new RegExp(
  `(?<![\\p{L}\\d])(?:(?:nearly|almost|about|around|over|more than|some|près de|presque|environ|plus de|fast|beinahe|etwa|über|mehr als)\\s+)?` +
    `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})\\s+(${Object.keys(UNITS).join('|')})(?![\\p{L}])(?!\\s+(?:ago|later|earlier|plus tard|auparavant|später|zuvor))`,
  'giu',
);

/**
 * Spans of time ("nearly four years", "près de quatre ans", "fast vier Jahren"): chrono resolves
 * points in time, not durations, so this one pattern is written here. "four years ago" is a point
 * and is left to chrono.
 */
function durations(text: string): DateMention[] {
  const mentions: DateMention[] = [];
  for (const match of text.matchAll(DURATION)) {
    const before = text.slice(Math.max(0, (match.index ?? 0) - 4), match.index);
    // "vor vier Jahren" and "il y a quatre ans" are points in time, which chrono reads.
    if (/vor\s*$|a\s*$/i.test(before)) continue;
    const raw = (match[1] ?? '').toLowerCase();
    const amount = /^\d+$/.test(raw) ? Number(raw) : NUMBER_WORDS[raw];
    const unitCode = UNITS[(match[2] ?? '').toLowerCase()];
    if (!amount || !unitCode) continue;
    mentions.push({ text: match[0], date: `P${amount}${unitCode}`, precision: 'duration', method: 'duration', offset: match.index ?? 0 });
  }
  return mentions;
}
