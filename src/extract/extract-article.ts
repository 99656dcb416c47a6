import type { Article, DateMention } from '../content/schemas.ts';
import { extractDates } from './dates.ts';
import { discoverEntities, type Discovery } from './discover.ts';
import { linkRegistry, type Mention } from './link-registry.ts';
import type { RegistryIndex } from './registry-index.ts';
import { plainText, tokenize } from './text.ts';

/** What extraction reads from one article. Plain data, so it can be cached as JSON. */
export interface ArticleExtraction {
  /** Registry entities found, as `kind:id` keys, each once, in order of first mention. */
  linked: string[];
  discovered: Array<Omit<Discovery, 'start' | 'end'>>;
  dates: DateMention[];
}

/** The text extraction reads: the headline, the summary and the body without Markdown syntax. */
export function extractionText(article: Pick<Article, 'title' | 'summary' | 'body'>): string {
  return [article.title, article.summary, plainText(article.body)].filter(Boolean).join('\n\n');
}

/**
 * One article → its linked entities, discovered entities and dates. A pure function of its inputs;
 * callers that already hold the extraction text (to hash it for the cache) pass it in.
 */
export function extractArticle(
  article: Pick<Article, 'title' | 'summary' | 'body' | 'language' | 'date'>,
  index: RegistryIndex,
  text: string = extractionText(article),
): ArticleExtraction {
  const mentions: Mention[] = linkRegistry(text, index, tokenize(text));
  const discoveries = discoverEntities(text, article.language, mentions);
  return {
    linked: [...new Set(mentions.map((mention) => mention.key))],
    discovered: discoveries.map(({ kind, name, aliases }) => ({ kind, name, aliases })),
    dates: extractDates(text, article.language, article.date),
  };
}
