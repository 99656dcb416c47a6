import { readFileSync } from 'node:fs';
import path from 'node:path';
import { markdownBody } from '../content/front-matter.ts';
import type { Article } from '../content/schemas.ts';
import { renderMarkdown } from './markdown.ts';

/**
 * A story's text as HTML, read from its file when the page that shows it renders. The archive
 * keeps no text: held for every story from loading to the last page, the words of 100,000 stories
 * and their HTML were a gigabyte of the build's memory, while only the story's own page and the
 * site's feed show them. A file is read again in a fraction of a millisecond.
 *
 * `article.file` names the file relative to the working directory of the process that loaded it,
 * which is this one. A file removed since loading stops the build with a message rather than
 * publishing a page without its text.
 */
export function storyHtml(article: Pick<Article, 'file'>): string {
  let text: string;
  try {
    text = readFileSync(path.resolve(article.file), 'utf8');
  } catch (error) {
    throw new Error(`${article.file}: the story's text cannot be read for its page (${(error as NodeJS.ErrnoException).code ?? String(error)}); was the file moved during the build? Build again`, { cause: error });
  }
  return renderMarkdown(markdownBody(text));
}
