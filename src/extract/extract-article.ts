import type { Article, DateMention, LoadedArticle } from '../content/schemas.ts';
import { extractDates } from './dates.ts';
import { discoverEntities, type Discovery } from './discover.ts';
import { findFigures, type Figure } from './figures.ts';
import { findHappenings, type EntityAt, type Happening } from './happenings.ts';
import { linkRegistry, type Mention } from './link-registry.ts';
import type { RegistryIndex } from './registry-index.ts';
import { plainText, tokenize } from './text.ts';

/** What extraction reads from one article. Plain data (and one Map), packed for the cache by packed-extraction.ts. */
export interface ArticleExtraction {
  /** Registry entities found, as `kind:id` keys, each once, in order of first mention. */
  linked: string[];
  discovered: Array<Omit<Discovery, 'start' | 'end'>>;
  dates: DateMention[];
  /** Dated happenings with their places and participants; discovered ones as `discovered:<index>`. */
  happenings: Happening[];
  /**
   * How the story writes each linked name in full ("Kiev", "Sergei Lavrov"), for comparing sources.
   * A Map: as objects, every article's own set of keys gave V8 a hidden class chain of its own, and
   * looking a name up in 100,000 of them was most of the time spent comparing sources.
   */
  forms: Map<string, string[]>;
  /** Counted things ("three staff members"), for comparing sources. */
  figures: Figure[];
}

type Readable = Pick<Article, 'title' | 'summary' | 'language' | 'date' | 'day'>;

/** The text extraction reads: the headline, the summary and the body without Markdown syntax. */
export function extractionText(article: Pick<LoadedArticle, 'title' | 'summary' | 'body'>): string {
  return [article.title, article.summary, plainText(article.body)].filter(Boolean).join('\n\n');
}

/**
 * One article → its linked entities, discovered entities, dates and happenings. A pure function of
 * its inputs; callers that already hold the extraction text (to hash it for the cache) pass it in.
 */
export function extractArticle(article: Readable & Pick<LoadedArticle, 'body'>, index: RegistryIndex): ArticleExtraction;
export function extractArticle(article: Readable, index: RegistryIndex, text: string): ArticleExtraction;
export function extractArticle(article: Readable & Partial<Pick<LoadedArticle, 'body'>>, index: RegistryIndex, text?: string): ArticleExtraction {
  text ??= extractionText({ ...article, body: article.body ?? '' });
  const mentions: Mention[] = linkRegistry(text, index, tokenize(text));
  const discoveries = discoverEntities(text, article.language, mentions);
  const dates = extractDates(text, article.language, article.date);
  const entities: EntityAt[] = [
    ...mentions.map(({ key, kind, start, end }) => ({ ref: key, kind, start, end })),
    ...discoveries.map(({ kind, start, end }, position) => ({ ref: `discovered:${position}`, kind, start, end })),
  ];
  return {
    linked: [...new Set(mentions.map((mention) => mention.key))],
    discovered: discoveries.map(({ kind, name, aliases }) => ({ kind, name, aliases })),
    dates,
    happenings: findHappenings(text, article.language, entities, dates, article.day, leadEnd(article, text)),
    forms: writtenForms(mentions),
    figures: findFigures(text, article.language, dates),
  };
}

/** The lead is the headline, the summary and the first paragraph of the body. */
function leadEnd(article: Pick<Article, 'title' | 'summary'>, text: string): number {
  const head = [article.title, article.summary].filter(Boolean).join('\n\n');
  const bodyStart = head.length + 2;
  const blank = /\S\s*\n\s*\n/g;
  blank.lastIndex = bodyStart;
  const end = blank.exec(text);
  return end ? end.index + 1 : text.length;
}

/** Full names only: an acronym or a surname alone is a short form, not a different spelling. */
function writtenForms(mentions: readonly Mention[]): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const mention of mentions) {
    if (mention.via !== 'name' || /^[\p{Lu}\p{N}.-]+$/u.test(mention.text)) continue;
    const list = forms.get(mention.key);
    if (!list) forms.set(mention.key, [mention.text]);
    else if (!list.includes(mention.text)) list.push(mention.text);
  }
  return forms;
}
