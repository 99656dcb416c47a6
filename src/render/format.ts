import { DateTime } from 'luxon';
import { readEventDate, type Precision } from '../content/calendar.ts';
import type { Article, Event } from '../content/schemas.ts';

/** Human dates for pages, in English, from the archive's ISO strings. */
export function formatDay(isoDay: string): string {
  return DateTime.fromISO(isoDay, { zone: 'UTC' }).toFormat('d LLLL yyyy');
}

export function formatShortDay(isoDay: string): string {
  return DateTime.fromISO(isoDay, { zone: 'UTC' }).toFormat('d LLL');
}

export function formatShortDayWithYear(isoDay: string): string {
  return DateTime.fromISO(isoDay, { zone: 'UTC' }).toFormat('d LLL yyyy');
}

export function formatMonth(year: string, month: string): string {
  return DateTime.fromObject({ year: Number(year), month: Number(month) }, { zone: 'UTC' }).toFormat('LLLL yyyy');
}

export function monthName(month: string): string {
  return DateTime.fromObject({ year: 2000, month: Number(month) }, { zone: 'UTC' }).toFormat('LLLL');
}

export function formatPublished(article: Article): string {
  const published = DateTime.fromISO(article.date, { setZone: true });
  const hasTime = published.hour !== 0 || published.minute !== 0;
  return hasTime ? published.toFormat("cccc d LLLL yyyy, HH:mm ZZZZ") : published.toFormat('cccc d LLLL yyyy');
}

export function formatEventDate(event: Event): string {
  const start = formatAtPrecision(event.date, event.precision);
  if (!event.endDate) return start;
  // The end date is written with its own precision ("2026-02-10" to "2026-03").
  const end = readEventDate(event.endDate);
  return `${start} – ${formatAtPrecision(event.endDate, end.ok ? end.precision : event.precision)}`;
}

function formatAtPrecision(iso: string, precision: Precision): string {
  const date = DateTime.fromISO(iso, { zone: 'UTC' });
  return precision === 'year' ? date.toFormat('yyyy') : precision === 'month' ? date.toFormat('LLLL yyyy') : date.toFormat('cccc d LLLL yyyy');
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
