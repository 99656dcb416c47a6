import { absoluteUrl, type Site } from '../src/site/site-config.ts';
import { firstShardOnly } from './_components/this-run.ts';

/** Everything may be crawled; the sitemap is named when the site's address is known. */
export const data = { permalink: firstShardOnly('/robots.txt'), eleventyExcludeFromCollections: true };

export function render({ site }: { site: Site }): string {
  const sitemap = absoluteUrl(site, '/sitemap.xml');
  return `User-agent: *\nAllow: /\n${sitemap ? `\nSitemap: ${sitemap}\n` : ''}`;
}
