import type { Archive } from '../../src/archive/archive.ts';
import { feedTargets, type FeedTarget } from '../../src/export/feeds.ts';
import type { Site } from '../../src/site/site-config.ts';

/** Eleventy data for one feed format: a page per feed target, at `<page>/feed.<extension>`. */
export function feedPages(extension: 'xml' | 'json') {
  return {
    pagination: {
      // Eleventy paginates arrays; `before` swaps the placeholder list for the feeds.
      data: 'archive.entities',
      size: 1,
      alias: 'feed',
      before: (_items: unknown[], { archive, site }: { archive: Archive; site: Site }): FeedTarget[] => feedTargets(archive, site.title),
    },
    permalink: ({ feed }: { feed: FeedTarget }) => `${feed.page}feed.${extension}`,
    eleventyExcludeFromCollections: true,
  };
}
