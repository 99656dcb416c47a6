import type { Archive } from '../src/archive/archive.ts';
import { apiExports, type ApiExport } from '../src/export/api-exports.ts';
import { thisShard, unlessLinkedTheSame, type RunData } from './_components/this-run.ts';

/** The exports that show stories' titles; the others show events and names, and stories by id alone. */
const SHOWING_STORIES = new Set(['/api/articles.json', '/api/timeline.json']);

/** The machine-readable exports of DESIGN.md (`/api/*.json`), one file per export. */
export const data = {
  pagination: {
    // Eleventy paginates arrays; `before` swaps the placeholder list for the export files.
    data: 'archive.articles',
    size: 1,
    alias: 'file',
    before: thisShard('api', (_items: unknown[], data: { archive: Archive } & Pick<RunData, 'changes'>): ApiExport[] => {
      const files = apiExports(data.archive);
      const others = new Set(unlessLinkedTheSame(files.filter((file) => !SHOWING_STORIES.has(file.path)), data));
      return files.filter((file) => SHOWING_STORIES.has(file.path) || others.has(file));
    }),
  },
  permalink: ({ file }: { file: ApiExport }) => file.path,
  eleventyExcludeFromCollections: true,
};

export function render({ file }: { file: ApiExport }): string {
  return `${JSON.stringify(file.value(), null, 2)}\n`;
}
