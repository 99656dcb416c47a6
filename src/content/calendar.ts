import { DateTime, IANAZone } from 'luxon';

export type Precision = 'day' | 'month' | 'year';

export type DateReading =
  | { ok: true; iso: string; precision: Precision }
  | { ok: false; problem: string; hint: string };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_ONLY = /^(\d{4})-(\d{2})$/;
const YEAR_ONLY = /^(\d{4})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * A publication date: `YYYY-MM-DD` (midnight in `zone`) or an ISO date-time, with or without offset.
 * The result always carries its offset, so "6 February" never drifts to the 5th on a machine in another zone.
 */
export function readPublicationDate(value: string, zone: string): DateReading {
  const text = value.trim();
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

function notACalendarDate(text: string): DateReading {
  return { ok: false, problem: `"${text}" is not a calendar date`, hint: 'write YYYY-MM-DD with a day that exists in that month' };
}

export function isoWithOffset(dateTime: DateTime): string {
  return dateTime.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? '';
}
