import type { Archive } from '../src/archive/archive.ts';
import { apiExports, type ApiExport } from '../src/export/api-exports.ts';
import { thisShard } from './_components/this-run.ts';

/** The machine-readable exports of DESIGN.md (`/api/*.json`), one file per export. */
export const data = {
  pagination: {
    // Eleventy paginates arrays; `before` swaps the placeholder list for the export files.
    data: 'archive.articles',
    size: 1,
    alias: 'file',
    before: thisShard((_items: unknown[], { archive }: { archive: Archive }): ApiExport[] => apiExports(archive)),
  },
  permalink: ({ file }: { file: ApiExport }) => file.path,
  eleventyExcludeFromCollections: true,
};

export function render({ file }: { file: ApiExport }): string {
  return `${JSON.stringify(file.value, null, 2)}\n`;
}
