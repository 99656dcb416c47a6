import { DateTime } from 'luxon';
import { readEventDate, type Precision } from '../content/calendar.ts';
import type { Article, Event } from '../content/schemas.ts';

/**
 * Remembers each formatted date. A luxon parse and format costs some 20 µs, and a large site
 * formats the same few thousand days hundreds of thousands of times (every entry on every
 * timeline, day and profile page): at 1,000 articles that was a fifth of the render stage.
 */
export function remembered(format: (iso: string) => string): (iso: string) => string {
  const formatted = new Map<string, string>();
  return (iso) => {
    let text = formatted.get(iso);
    if (text === undefined) formatted.set(iso, (text = format(iso)));
    return text;
  };
}

/** Human dates for pages, in English, from the archive's ISO strings. */
export const formatDay = remembered((isoDay) => DateTime.fromISO(isoDay, { zone: 'UTC' }).toFormat('d LLLL yyyy'));

export const formatShortDay = remembered((isoDay) => DateTime.fromISO(isoDay, { zone: 'UTC' }).toFormat('d LLL'));

export const formatShortDayWithYear = remembered((isoDay) => DateTime.fromISO(isoDay, { zone: 'UTC' }).toFormat('d LLL yyyy'));

export function formatMonth(year: string, month: string): string {
  return formatYearMonth(`${year}-${month}`);
}

const formatYearMonth = remembered((yearMonth) => {
  const [year, month] = yearMonth.split('-');
  return DateTime.fromObject({ year: Number(year), month: Number(month) }, { zone: 'UTC' }).toFormat('LLLL yyyy');
});

export const monthName = remembered((month) => DateTime.fromObject({ year: 2000, month: Number(month) }, { zone: 'UTC' }).toFormat('LLLL'));

export function formatPublished(article: Article): string {
  return formatPublication(article.date);
}

const formatPublication = remembered((date) => {
  const published = DateTime.fromISO(date, { setZone: true });
  const hasTime = published.hour !== 0 || published.minute !== 0;
  return hasTime ? published.toFormat("cccc d LLLL yyyy, HH:mm ZZZZ") : published.toFormat('cccc d LLLL yyyy');
});

export function formatEventDate(event: Event): string {
  const start = formatAtPrecision(event.date, event.precision);
  if (!event.endDate) return start;
  // The end date is written with its own precision ("2026-02-10" to "2026-03").
  const end = readEventDate(event.endDate);
  return `${start} – ${formatAtPrecision(event.endDate, end.ok ? end.precision : event.precision)}`;
}

const atPrecision: Record<Precision, (iso: string) => string> = {
  year: remembered((iso) => DateTime.fromISO(iso, { zone: 'UTC' }).toFormat('yyyy')),
  month: remembered((iso) => DateTime.fromISO(iso, { zone: 'UTC' }).toFormat('LLLL yyyy')),
  day: remembered((iso) => DateTime.fromISO(iso, { zone: 'UTC' }).toFormat('cccc d LLLL yyyy')),
};

function formatAtPrecision(iso: string, precision: Precision): string {
  return atPrecision[precision](iso);
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
