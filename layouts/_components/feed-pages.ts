import type { ArchiveChanges } from '../../src/archive/archive-changes.ts';
import type { Archive } from '../../src/archive/archive.ts';
import { feedTargets, type FeedTarget } from '../../src/export/feeds.ts';
import type { Site } from '../../src/site/site-config.ts';
import { thisShard } from './this-run.ts';

/** Eleventy data for one feed format: a page per feed target, at `<page>/feed.<extension>`. */
export function feedPages(extension: 'xml' | 'json') {
  return {
    pagination: {
      // Eleventy paginates arrays; `before` swaps the placeholder list for the feeds.
      data: 'archive.entities',
      size: 1,
      alias: 'feed',
      before: thisShard('feeds', (_items: unknown[], { archive, site, changes }: { archive: Archive; site: Site; changes?: ArchiveChanges }): FeedTarget[] =>
        feedTargets(archive, site.title).filter((feed) => !changes || feed.about === null || changes.has(feed.about))),
    },
    permalink: ({ feed }: { feed: FeedTarget }) => `${feed.page}feed.${extension}`,
    eleventyExcludeFromCollections: true,
  };
}
