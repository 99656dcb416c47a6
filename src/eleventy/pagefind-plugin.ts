import type { UserConfig } from '@11ty/eleventy';
import { indexSite } from '../search/pagefind-index.ts';
import { describeSearchError } from '../search/search-errors.ts';
import type { ChronicleSettings } from './settings.ts';

/**
 * Indexes the output for search after Eleventy builds it (`npx @11ty/eleventy`), unless the caller
 * does that itself: `chronicle build` indexes the finished site, and `chronicle serve` indexes in a
 * child process of its own (src/serve/search-indexer.ts). In 'background' mode the index is rebuilt
 * without holding up the build; runs never overlap, and an edit made while one runs schedules one
 * more run afterwards.
 */
export function pagefindPlugin(eleventyConfig: UserConfig, settings: Pick<ChronicleSettings, 'quiet' | 'searchIndex'>): void {
  if (settings.searchIndex === 'caller') return;
  let running: Promise<void> | undefined;
  let again = false;
  const run = async (output: string): Promise<void> => {
    const { pages } = await indexSite(output);
    if (!settings.quiet) console.log(`[chronicle] search index: ${pages} pages`);
  };
  const runInBackground = (output: string): void => {
    if (running) {
      again = true;
      return;
    }
    running = run(output)
      .catch((error: unknown) => console.error(`[chronicle] search index failed: ${describeSearchError(error)}`))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          runInBackground(output);
        }
      });
  };
  eleventyConfig.on('eleventy.after', async ({ directories }) => {
    const output = directories.output.replace(/\/$/, '');
    if (settings.searchIndex === 'background') runInBackground(output);
    else await run(output);
  });
}
