import path from 'node:path';
import { toSlug } from '../slug.ts';
import type { ImportedArticle } from './import-article.ts';

const SLUG_LENGTH = 80;

/** The same title always gives the same slug, so importing an input twice finds the first file. */
export function articleSlug(article: Pick<ImportedArticle, 'title'>): string {
  const slug = toSlug(article.title);
  if (slug.length <= SLUG_LENGTH) return slug || 'article';
  return slug.slice(0, SLUG_LENGTH).replace(/-[^-]*$/, '');
}

/** Where an article goes: `<out>/<year>/<slug>.md`. */
export function articlePath(outDir: string, article: ImportedArticle): string {
  return path.join(outDir, article.date.slice(0, 4), `${articleSlug(article)}.md`);
}

/**
 * The Markdown file: front matter in the archive's own format, each string JSON-quoted (valid
 * YAML whatever it holds), how the date was found as a comment, then one paragraph per block.
 */
export function articleFile(article: ImportedArticle): string {
  const quote = (value: string) => JSON.stringify(value);
  const how = article.dateFoundBy === 'given' ? 'given on the command line' : article.dateEvidence ? `${article.dateFoundBy}: ${article.dateEvidence}` : article.dateFoundBy;
  const lines = [
    '---',
    `title: ${quote(article.title)}`,
    `date: ${article.date}  # ${how.replace(/\s+/g, ' ')}`,
    ...(article.dateUncertain ? ['dateUncertain: true  # check the date against the source, then remove this line'] : []),
    'source:',
    `  name: ${quote(article.source.name)}`,
    ...(article.source.url ? [`  url: ${quote(article.source.url)}`] : []),
    `language: ${article.language}`,
    `summary: ${quote(article.summary)}`,
    '---',
    article.paragraphs.map(escapeBlockStart).join('\n\n'),
    '',
  ];
  return lines.join('\n');
}

/** A paragraph that happens to start like Markdown syntax ("1. ", "# ", "- ") stays a paragraph. */
function escapeBlockStart(paragraph: string): string {
  if (/^>\s/.test(paragraph) || /^\[/.test(paragraph)) return paragraph; // quotes and links from HTML are meant
  // CommonMark escapes only punctuation: "1\\. ", not "\\1. ".
  const ordinal = /^(\d+)([.)])(\s)/.exec(paragraph);
  if (ordinal) return `${ordinal[1]}\\${ordinal[2]}${paragraph.slice(ordinal[1]!.length + 1)}`;
  return paragraph.replace(/^(#{1,6}\s|[-+*]\s|={3,}|-{3,})/, (start) => `\\${start}`);
}
