import type { UserConfig } from '@11ty/eleventy';
import { indexSite } from '../search/pagefind-index.ts';

/** After every Eleventy build (the one-off build and each dev-server rebuild), index the output for search. */
export function pagefindPlugin(eleventyConfig: UserConfig, options: { quiet: boolean }): void {
  eleventyConfig.on('eleventy.after', async ({ directories }) => {
    const { pages } = await indexSite(directories.output.replace(/\/$/, ''));
    if (!options.quiet) console.log(`[chronicle] search index: ${pages} pages`);
  });
}
