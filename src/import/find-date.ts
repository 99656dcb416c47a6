import { DateTime } from 'luxon';
import { extractDates } from '../extract/dates.ts';

/** How an imported article's publication date was found, written beside it in the front matter. */
export type DateFoundBy = 'given' | 'metadata' | 'dateline' | 'date line' | 'latest complete date in the text' | 'not found';

export interface FoundDate {
  /** YYYY-MM-DD. */
  date: string;
  by: DateFoundBy;
  /** The words it was read from. */
  evidence: string;
  uncertain: boolean;
}

/** "MOSCOW/BERN/VIENNA, 06 February 2026 —", "GENF, 3. März 2026 (sda) –". */
const DATELINE = /^\p{Lu}[\p{Lu}\p{L}/ .'-]{1,60},\s+((?:\d{1,2}\.?\s+\p{L}+|\p{L}+\s+\d{1,2},?)\s+\d{4})\b/u;
/** "date 2026-02-02", "Published on 6 February 2026", "Veröffentlicht am 3. März 2026", "Publié le 3 mars 2026". */
const DATE_LINE = /\b(?:date|datum|published(?: on)?|updated(?: on)?|veröffentlicht(?: am)?|publié(?: le)?|pubblicato(?: il)?)\s*:?\s+(\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}|\p{L}+\s+\d{1,2},\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{4})/iu;

/**
 * The publication date of an imported text: a dateline first, then a "date"/"published" line, then
 * the latest date written in full (with its year) in the text. When none is certain the article is
 * marked uncertain and given today's date as a placeholder, never silently.
 */
export function findPublicationDate(paragraphs: readonly string[], furniture: readonly string[], language: string, today: string): FoundDate {
  for (const paragraph of paragraphs.slice(0, 3)) {
    const match = DATELINE.exec(paragraph);
    const date = match?.[1] ? readFullDate(match[1], language) : undefined;
    if (date && match) return { date, by: 'dateline', evidence: match[0], uncertain: false };
  }
  for (const line of [...furniture, ...paragraphs.slice(0, 3)]) {
    const match = DATE_LINE.exec(line);
    const date = match?.[1] ? readFullDate(match[1], language) : undefined;
    if (date && match) return { date, by: 'date line', evidence: match[0], uncertain: false };
  }
  const complete = paragraphs
    .flatMap((paragraph) => extractDates(paragraph, language, `${today}T12:00:00Z`))
    .filter((mention) => mention.method === 'explicit' && mention.precision === 'day' && mention.date <= today);
  const latest = complete.sort((a, b) => b.date.localeCompare(a.date))[0];
  if (latest) return { date: latest.date, by: 'latest complete date in the text', evidence: latest.text, uncertain: false };
  return { date: today, by: 'not found', evidence: '', uncertain: true };
}

/** A date written in full, in any of the archive's languages; undefined when it lacks a year or does not exist. */
export function readFullDate(text: string, language: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (iso) return DateTime.fromISO(text.trim()).isValid ? text.trim() : undefined;
  const numeric = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text.trim());
  if (numeric) {
    const date = DateTime.fromObject({ year: Number(numeric[3]), month: Number(numeric[2]), day: Number(numeric[1]) });
    return date.isValid ? date.toISODate() ?? undefined : undefined;
  }
  const mention = extractDates(text, language, '2000-01-01T12:00:00Z').find((found) => found.method === 'explicit' && found.precision === 'day');
  return mention?.date;
}
