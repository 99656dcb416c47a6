import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { DateMention } from '../content/schemas.ts';

/**
 * Finds every date mention in an article and resolves it against the publication date, biased to
 * the past: news reports what happened. chrono-node parses (en, fr, de); luxon does the arithmetic.
 */
export function extractDates(text: string, language: string, publishedIso: string): DateMention[] {
  const published = DateTime.fromISO(publishedIso, { setZone: true });
  const reference = { instant: published.toJSDate(), timezone: published.offset };
  const parser = parserFor(language);
  const spans = durations(text);
  const mentions: DateMention[] = [...spans];
  for (const result of parser.parse(text, reference, { forwardDate: false })) {
    // "près de quatre ans" is a span; chrono would also read its tail "de quatre ans" as a point.
    const inSpan = spans.some((span) => result.index < span.offset + span.text.length && span.offset < result.index + result.text.length);
    // "has sat on the council": chrono takes a lower-case "sat", "wed" or "sun" for a weekday.
    const bareAbbreviation = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)$/.test(result.text.trim());
    if (inSpan || bareAbbreviation || NOT_A_DATE.test(result.text.trim())) continue;
    const mention = resolve(result, published, FUTURE_CONTEXT.test(sentenceAround(text, result.index)));
    if (mention) mentions.push(mention);
  }
  return mentions.sort((a, b) => a.offset - b.offset);
}

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

function resolve(result: chrono.ParsedResult, published: DateTime, futureContext: boolean): DateMention | undefined {
  const start = result.start;
  const certain = (component: chrono.Component) => start.isCertain(component);
  const tags = [...(result.tags?.() ?? [])];
  const relative = tags.some((tag) => tag.startsWith('casualReference') || tag.startsWith('result/relativeDate'));
  const hasDate = certain('day') || certain('month') || certain('year') || certain('weekday') || relative;
  // A clock time alone ("at 17:00") is not a date mention.
  if (!hasDate) return undefined;

  let date: DateTime = DateTime.fromObject(
    { year: start.get('year') ?? published.year, month: start.get('month') ?? 1, day: start.get('day') ?? 1 },
    { zone: 'UTC' },
  );
  let method: DateMention['method'] = 'explicit';
  const publishedDay = DateTime.fromObject({ year: published.year, month: published.month, day: published.day }, { zone: 'UTC' });

  if (relative) {
    method = 'relative';
  } else if (certain('weekday') && !certain('day')) {
    // "on Monday": the last such day up to the publication day, unless the sentence points forward.
    method = 'relative';
    const forward = FUTURE_CUE.test(result.text) || (futureContext && !PAST_CUE.test(result.text));
    if (forward && date <= publishedDay && !date.equals(publishedDay)) date = date.plus({ weeks: 1 });
    if (!forward && date > publishedDay) date = date.minus({ weeks: 1 });
    if (PAST_CUE.test(result.text) && date.equals(publishedDay)) date = date.minus({ weeks: 1 });
  } else if (!certain('year')) {
    // "September 21" or "in January": the year near publication, the past first, and the weekday if one is given.
    method = 'inferred-year';
    date = inferYear(date, publishedDay, certain('day') ? start.get('weekday') : null);
  }

  // "four years ago" is as precise as its unit, not to the day chrono computes.
  const relativeUnit = relative ? RELATIVE_UNIT.exec(result.text)?.[1]?.toLowerCase() : undefined;
  const precision: DateMention['precision'] = relativeUnit
    ? (UNITS[relativeUnit] === 'Y' ? 'year' : UNITS[relativeUnit] === 'M' ? 'month' : 'day')
    : certain('day') || certain('weekday') || relative ? 'day' : certain('month') ? 'month' : 'year';
  const iso = precision === 'day' ? date.toISODate() : precision === 'month' ? date.toFormat('yyyy-MM') : date.toFormat('yyyy');
  const written = result.text.replace(/[\s,.;:]+$/, '');
  const lead = written.length - written.trimStart().length;
  return { text: written.trimStart(), date: iso ?? '', precision, method, offset: result.index + lead };
}

/**
 * The year nearest the publication date (the past wins a tie), among years where the weekday, if
 * one is written, matches: "Wednesday, September 21" in a 2022 story is 21 September 2022.
 */
function inferYear(date: DateTime, publishedDay: DateTime, weekday: number | null | undefined): DateTime {
  const candidates: DateTime[] = [];
  for (let year = publishedDay.year + 1; year >= publishedDay.year - 10; year--) {
    const candidate = date.set({ year });
    if (!candidate.isValid) continue;
    // chrono numbers weekdays 0 (Sunday) to 6; luxon 1 (Monday) to 7.
    if (weekday !== null && weekday !== undefined && candidate.weekday % 7 !== weekday) continue;
    candidates.push(candidate);
  }
  const distance = (candidate: DateTime) => Math.abs(candidate.diff(publishedDay, 'days').days) + (candidate > publishedDay ? 0.5 : 0);
  return candidates.sort((a, b) => distance(a) - distance(b))[0] ?? date;
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
    parser.parsers.push({
      pattern: () => new RegExp(`(?<![\\p{L}])${lead}(${months.join('|')})(?:\\s+((?:19|20)\\d\\d))?(?![\\p{L}])`, 'iu'),
      extract: (_context, match) => {
        const month = months.findIndex((name) => name.toLowerCase() === (match[1] ?? '').toLowerCase()) + 1;
        return match[2] ? { month, year: Number(match[2]) } : { month };
      },
    });
  }
  const yearLead = key === 'fr' ? '(?:en|depuis|jusqu\'en)' : key === 'de' ? '(?:im Jahr|seit|bis)' : '(?:in|since|until|by|throughout)';
  parser.parsers.push({
    pattern: () => new RegExp(`(?<![\\p{L}])${yearLead}\\s+((?:19|20)\\d\\d)(?![\\d\\-/]|\\.\\d)`, 'iu'),
    extract: (_context, match) => ({ year: Number(match[1]) }),
  });
  parsers.set(key, parser);
  return parser;
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

/**
 * Spans of time ("nearly four years", "près de quatre ans", "fast vier Jahren"): chrono resolves
 * points in time, not durations, so this one pattern is written here. "four years ago" is a point
 * and is left to chrono.
 */
function durations(text: string): DateMention[] {
  const number = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})`;
  const unit = `(${Object.keys(UNITS).join('|')})`;
  const qualifier = "(?:(?:nearly|almost|about|around|over|more than|some|près de|presque|environ|plus de|fast|beinahe|etwa|über|mehr als)\\s+)?";
  const pattern = new RegExp(`(?<![\\p{L}\\d])${qualifier}${number}\\s+${unit}(?![\\p{L}])(?!\\s+(?:ago|later|earlier|plus tard|auparavant|später|zuvor))`, 'giu');
  const mentions: DateMention[] = [];
  for (const match of text.matchAll(pattern)) {
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
