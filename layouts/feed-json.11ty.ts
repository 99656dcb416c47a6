import { jsonFeed, type FeedTarget } from '../src/export/feeds.ts';
import type { Site } from '../src/site/site-config.ts';
import { feedPages } from './_components/feed-pages.ts';

/** A JSON Feed for the archive and for every person, organization, place and event: `<page>/feed.json`. */
export const data = feedPages('json');

export function render({ feed, site }: { feed: FeedTarget; site: Site }): string {
  return `${JSON.stringify(jsonFeed(feed, site), null, 2)}\n`;
}
