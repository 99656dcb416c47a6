import type { Archive } from '../src/archive/archive.ts';
import { atomFeed, feedTargets, type FeedTarget } from '../src/export/feeds.ts';
import type { Site } from '../src/site/site-config.ts';

/** An Atom feed for the archive and for every person, organization, place and event: `<page>/feed.xml`. */
export const data = {
  pagination: {
    // Eleventy paginates arrays; `before` swaps the placeholder list for the feeds.
    data: 'archive.entities',
    size: 1,
    alias: 'feed',
    before: (_items: unknown[], { archive, site }: { archive: Archive; site: Site }): FeedTarget[] => feedTargets(archive, site.title),
  },
  permalink: ({ feed }: { feed: FeedTarget }) => `${feed.page}feed.xml`,
  eleventyExcludeFromCollections: true,
};

export function render({ feed, site }: { feed: FeedTarget; site: Site }): string {
  return atomFeed(feed, site);
}
