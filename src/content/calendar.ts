import { DateTime, IANAZone } from 'luxon';

export type Precision = 'day' | 'month' | 'year';

export type DateReading =
  | { ok: true; iso: string; precision: Precision }
  | { ok: false; problem: string; hint: string };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_ONLY = /^(\d{4})-(\d{2})$/;
const YEAR_ONLY = /^(\d{4})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** luxon builds an Intl.DateTimeFormat to check a zone; an archive names the same few zones thousands of times. */
const zones = new Map<string, boolean>();

export function isTimeZone(zone: string): boolean {
  let valid = zones.get(zone);
  if (valid === undefined) zones.set(zone, (valid = IANAZone.isValidZone(zone)));
  return valid;
}

/**
 * A publication date: `YYYY-MM-DD` (midnight in `zone`) or an ISO date-time, with or without offset.
 * The result always carries its offset, so "6 February" never drifts to the 5th on a machine in another zone.
 */
export function readPublicationDate(value: string, zone: string): DateReading {
  const text = value.trim();
  const plain = plainReading(text, zone);
  if (plain) return plain;
  if (DATE_ONLY.test(text) || DATE_TIME.test(text)) {
    const parsed = DateTime.fromISO(text.replace(' ', 'T'), { zone, setZone: true });
    if (!parsed.isValid) {
      return DATE_ONLY.test(text) || !DateTime.fromISO(text.slice(0, 10), { zone: 'UTC' }).isValid
        ? notACalendarDate(text)
        : { ok: false, problem: `"${text}" is not a valid time`, hint: 'write hours 00–23 and minutes 00–59, e.g. 2026-02-06T17:00:00+01:00' };
    }
    return { ok: true, iso: isoWithOffset(parsed), precision: 'day' };
  }
  return {
    ok: false,
    problem: `"${text}" is not a date`,
    hint: 'write YYYY-MM-DD (e.g. 2026-02-06) or a full ISO time with offset (2026-02-06T17:00:00+01:00)',
  };
}

/** An event date: a day, a month or a year, the precision following from what is written. */
export function readEventDate(value: string): DateReading {
  const text = value.trim();
  let precision: Precision;
  if (DATE_ONLY.test(text)) precision = 'day';
  else if (MONTH_ONLY.test(text)) precision = 'month';
  else if (YEAR_ONLY.test(text)) precision = 'year';
  else {
    return { ok: false, problem: `"${text}" is not a date`, hint: 'write YYYY-MM-DD, YYYY-MM for a month, or YYYY for a year' };
  }
  const parsed = DateTime.fromISO(text, { zone: 'UTC' });
  if (!parsed.isValid) return notACalendarDate(text);
  return { ok: true, iso: text, precision };
}

const UTC_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const FULL_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(Z|[+-](?:0\d|1[0-4]):[0-5]\d)$/;

/**
 * The two forms nearly every article uses, read without luxon (whose zone handling made it most
 * of the time to load an archive): a day in UTC, and a full time with its offset, which the ISO
 * form keeps as written. Anything else, and any zone but UTC, goes through luxon.
 */
function plainReading(text: string, zone: string): DateReading | undefined {
  const day = zone === 'UTC' ? UTC_DAY.exec(text) : null;
  const time = day ? null : FULL_TIME.exec(text);
  const [, year, month, date] = day ?? time ?? [];
  if (!year || !month || !date) return undefined;
  // luxon writes a zero offset as Z.
  if (time && /^[+-]00:00$/.test(time[5] ?? '')) return undefined;
  if (!isCalendarDay(Number(year), Number(month), Number(date))) return day ? notACalendarDate(text) : undefined;
  return { ok: true, iso: day ? `${text}T00:00:00Z` : text, precision: 'day' };
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  const lengths = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= (lengths[month - 1] ?? 0);
}

function notACalendarDate(text: string): DateReading {
  return { ok: false, problem: `"${text}" is not a calendar date`, hint: 'write YYYY-MM-DD with a day that exists in that month' };
}

export function isoWithOffset(dateTime: DateTime): string {
  return dateTime.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? '';
}
