/*
 * Calendar days as plain numbers (days since 1970-01-01), for resolving date mentions. A news
 * story resolves dozens of them against a dozen candidate years each, and building a luxon
 * DateTime for every step was most of extraction's time; days need no zone, so integers do.
 * Formatting follows luxon's (`toISODate`, `toFormat('yyyy')`) so results read as before.
 */

export interface CivilDay {
  year: number;
  month: number;
  day: number;
}

/**
 * The day number of a calendar date (proleptic Gregorian, as Date counts); the date must exist
 * (see `daysInMonth`). Integer arithmetic after Howard Hinnant's days_from_civil: inferring a
 * year tries a dozen, and three Date objects per try showed in profiles.
 */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar date of a day number (Hinnant's civil_from_days). */
export function civilDay(days: number): CivilDay {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1 };
}

/** 0 (Sunday) to 6, as chrono numbers weekdays; 1970-01-01 was a Thursday. */
export function weekdayOf(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
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
