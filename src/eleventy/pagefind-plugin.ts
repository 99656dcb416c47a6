import type { UserConfig } from '@11ty/eleventy';
import { indexSite } from '../search/pagefind-index.ts';
import type { ChronicleSettings } from './settings.ts';

/**
 * Indexes the output for search after Eleventy builds it (`npx @11ty/eleventy`), unless the caller
 * does that itself: `chronicle build` indexes each render shard as it is written, and
 * `chronicle serve` indexes in a child process of its own (src/serve/search-indexer.ts).
 */
export function pagefindPlugin(eleventyConfig: UserConfig, settings: Pick<ChronicleSettings, 'quiet' | 'searchIndex'>): void {
  if (settings.searchIndex === 'caller') return;
  eleventyConfig.on('eleventy.after', async ({ directories }) => {
    const { pages } = await indexSite(directories.output.replace(/\/$/, ''));
    if (!settings.quiet) console.log(`[chronicle] search index: ${pages} pages`);
  });
}
