import path from 'node:path';
import type { UserConfig } from '@11ty/eleventy';
import { archivePlugin } from './src/eleventy/archive-plugin.ts';
import { layoutsPlugin } from './src/eleventy/layouts-plugin.ts';
import { pagefindPlugin } from './src/eleventy/pagefind-plugin.ts';
import { settingsFromEnvironment } from './src/eleventy/settings.ts';
import { sitePlugin } from './src/eleventy/site-plugin.ts';
import { LAYOUTS_DIR } from './src/paths.ts';

export default function (eleventyConfig: UserConfig): { pathPrefix: string } {
  const settings = settingsFromEnvironment();
  if (settings.quiet) eleventyConfig.setQuietMode(true);

  // Content: the archive (articles, registry, events) as global data
  eleventyConfig.addPlugin(archivePlugin, settings);

  // Templates: typed TypeScript layouts and their assets
  eleventyConfig.addPlugin(layoutsPlugin, undefined);

  // Publishing: the site's address and path prefix, canonical links
  eleventyConfig.addPlugin(sitePlugin, settings.site);

  // Search: a Pagefind index of every built page
  eleventyConfig.addPlugin(pagefindPlugin, settings);

  return { pathPrefix: settings.site.pathPrefix };
}

export const config = {
  // Relative to wherever Eleventy runs, so `chronicle build` works from any folder.
  dir: { input: path.relative(process.cwd(), LAYOUTS_DIR) || '.' },
  // Only TypeScript templates: Markdown in content/ is read by Chronicle, not by Eleventy.
  templateFormats: ['11ty.ts'],
};
