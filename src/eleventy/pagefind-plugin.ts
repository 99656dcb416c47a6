import type { UserConfig } from '@11ty/eleventy';
import { indexSite } from '../search/pagefind-index.ts';
import type { ChronicleSettings } from './settings.ts';

/**
 * Indexes the output for search after Eleventy builds it, unless `chronicle build` does that itself.
 * In the dev server the index is rebuilt in the background: re-indexing 10,000 pages takes seconds,
 * and the edited page should reload without waiting for it. Runs never overlap; an edit made while
 * one runs schedules one more run afterwards.
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
      .catch((error: unknown) => console.error(`[chronicle] search index failed: ${error instanceof Error ? error.message : String(error)}`))
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
