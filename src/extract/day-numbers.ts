/*
 * Calendar days as plain numbers (days since 1970-01-01), for resolving date mentions. A news
 * story resolves dozens of them against a dozen candidate years each, and building a luxon
 * DateTime for every step was most of extraction's time; days need no zone, so integers do.
 * Formatting follows luxon's (`toISODate`, `toFormat('yyyy')`) so results read as before.
 */

const ONE_DAY = 86_400_000;

export interface CivilDay {
  year: number;
  month: number;
  day: number;
}

/** The day number of a calendar date; the date must exist (see `daysInMonth`). */
export function dayNumber(year: number, month: number, day: number): number {
  // setUTCFullYear, unlike Date.UTC, keeps the years 0–99 as written.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / ONE_DAY);
}

export function civilDay(days: number): CivilDay {
  const date = new Date(days * ONE_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 (Sunday) to 6, as chrono numbers weekdays; 1970-01-01 was a Thursday. */
export function weekdayOf(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The same month and day in another year, the 29th of February becoming the 28th (as luxon's `set` does). */
export function inYear(days: number, year: number): number {
  const { month, day } = civilDay(days);
  return dayNumber(year, month, Math.min(day, daysInMonth(year, month)));
}

/** YYYY-MM-DD, YYYY-MM or YYYY. */
export function formatDay(days: number, precision: 'day' | 'month' | 'year'): string {
  const { year, month, day } = civilDay(days);
  if (precision === 'year') return pad(year, 4);
  if (precision === 'month') return `${pad(year, 4)}-${pad(month, 2)}`;
  // luxon's ISO form widens years outside 0–9999 to six digits with a sign.
  const isoYear = year > 9999 ? `+${pad(year, 6)}` : year < 0 ? pad(year, 6) : pad(year, 4);
  return `${isoYear}-${pad(month, 2)}-${pad(day, 2)}`;
}

function pad(value: number, width: number): string {
  return value < 0 ? `-${String(-value).padStart(width, '0')}` : String(value).padStart(width, '0');
}
