import { DateTime } from 'luxon';
import { sentences } from '../extract/text.ts';
import { cleanText } from './clean-text.ts';
import { detectLanguage } from './detect-language.ts';
import { findPublicationDate, readFullDate, type DateFoundBy } from './find-date.ts';
import { readHtml } from './read-html.ts';

export interface ImportOptions {
  source?: string;
  url?: string;
  /** YYYY-MM-DD, overriding whatever the page says. */
  date?: string;
  language?: string;
  /** The import day, YYYY-MM-DD: only ever a placeholder, flagged as uncertain. */
  today: string;
}

/** One imported article, ready to be written as Markdown with front matter. */
export interface ImportedArticle {
  title: string;
  date: string;
  dateFoundBy: DateFoundBy;
  dateEvidence: string;
  dateUncertain: boolean;
  source: { name: string; url?: string };
  language: string;
  summary: string;
  paragraphs: string[];
}

export interface ImportResult {
  article: ImportedArticle;
  /** What the editor should check: a title taken from the lead, an uncertain date, an unknown source. */
  warnings: string[];
}

/** Thrown for an input that holds no article at all; other inputs of the same run still import. */
export class ImportError extends Error {}

const SUMMARY_WORDS = 60;

export function importText(text: string, options: ImportOptions): ImportResult {
  const cleaned = cleanText(text);
  return assemble({ headline: cleaned.headline, paragraphs: cleaned.paragraphs, furniture: cleaned.removedWithDates, publisher: cleaned.publisher }, options);
}

export function importHtml(html: string, options: ImportOptions): ImportResult {
  const page = readHtml(html, options.url);
  // Readability keeps the article's own teaser boxes and credits; the text filter takes them out.
  const cleaned = cleanText(page.markdown.replace(/\n{2,}/g, '\n\n'));
  const url = options.url ?? page.url;
  return assemble(
    {
      headline: page.title ?? cleaned.headline,
      paragraphs: cleaned.paragraphs,
      furniture: cleaned.removedWithDates,
      published: page.published,
      publisher: page.publisher ?? cleaned.publisher,
      language: page.language,
    },
    { ...options, ...(url ? { url } : {}) },
  );
}

interface Found {
  headline?: string | undefined;
  paragraphs: string[];
  furniture: string[];
  published?: string | undefined;
  publisher?: string | undefined;
  language?: string | undefined;
}

function assemble(found: Found, options: ImportOptions): ImportResult {
  const warnings: string[] = [];
  const paragraphs = found.paragraphs.filter((paragraph) => paragraph !== found.headline);
  if (paragraphs.length === 0) throw new ImportError('no article text found: every line looks like navigation, teasers or credits');

  const language = options.language ?? known(found.language) ?? detectLanguage(paragraphs.join('\n')) ?? 'en';
  if (!options.language && !known(found.language) && !detectLanguage(paragraphs.join('\n'))) warnings.push('language: could not tell, wrote "en" — set it with --lang');

  let title = found.headline?.trim();
  if (!title) {
    title = leadSentence(paragraphs[0]!, language);
    warnings.push(`title: no headline on the page, took the lead's first words ("${title}") — check it`);
  }

  const date = publicationDate(found, paragraphs, language, options);
  if (date.dateUncertain) {
    warnings.push(
      date.dateFoundBy === 'not found'
        ? `date: no date in the text; wrote today's date (${date.date}) with dateUncertain: true — set the real one (or use --date)`
        : `date: ${date.date} is a guess (${date.dateFoundBy}) — check it, then remove dateUncertain`,
    );
  }

  const sourceName = options.source ?? found.publisher ?? hostName(options.url);
  if (!sourceName) warnings.push('source: no publisher found; wrote "Unknown source" — set it with --source');

  // The summary is the lead without its dateline: "BERN, 3. März 2026 (sda) – Der Bundesrat …".
  const first = paragraphs[0]!.replace(/^\p{Lu}[\p{Lu}\p{L}/ .'-]{1,60},[^–—]{4,50}?\d[^–—]{0,20}\s[–—-]\s+/u, '');
  return {
    article: {
      title,
      ...date,
      source: { name: sourceName ?? 'Unknown source', ...(options.url ? { url: options.url } : {}) },
      language,
      summary: words(first) <= SUMMARY_WORDS ? first : firstSentence(first, language),
      paragraphs,
    },
    warnings,
  };
}

function publicationDate(found: Found, paragraphs: readonly string[], language: string, options: ImportOptions) {
  if (options.date) return { date: options.date, dateFoundBy: 'given' as const, dateEvidence: '--date', dateUncertain: false };
  if (found.published) {
    const iso = DateTime.fromISO(found.published, { setZone: true });
    const date = iso.isValid ? iso.toISODate() : readFullDate(found.published, language);
    if (date) return { date, dateFoundBy: 'metadata' as const, dateEvidence: found.published, dateUncertain: false };
  }
  const result = findPublicationDate(paragraphs, found.furniture, language, options.today);
  return { date: result.date, dateFoundBy: result.by, dateEvidence: result.evidence, dateUncertain: result.uncertain };
}

const known = (language: string | undefined) => (language && ['en', 'fr', 'de', 'it'].includes(language) ? language : undefined);

function hostName(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function firstSentence(text: string, language: string): string {
  const first = sentences(text, language)[0];
  return first ? text.slice(first.start, first.end) : text.trim();
}

/** A headline-length opening: the first sentence, up to a dash that starts an aside, at most 16 words. */
function leadSentence(paragraph: string, language: string): string {
  const sentence = firstSentence(paragraph, language).replace(/[.!?]$/, '');
  const beforeAside = sentence.split(/\s[-–—]\s/)[0] ?? sentence;
  const cut = beforeAside.split(/\s+/);
  return cut.length <= 16 ? beforeAside : `${cut.slice(0, 16).join(' ')}…`;
}
