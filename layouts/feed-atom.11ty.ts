import { atomFeed, type FeedTarget } from '../src/export/feeds.ts';
import type { Site } from '../src/site/site-config.ts';
import { feedPages } from './_components/feed-pages.ts';

/** An Atom feed for the archive and for every person, organization, place and event: `<page>/feed.xml`. */
export const data = feedPages('xml');

export function render({ feed, site }: { feed: FeedTarget; site: Site }): string {
  return atomFeed(feed, site);
}
