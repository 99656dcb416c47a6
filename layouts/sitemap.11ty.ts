import { absoluteUrl, publishedUrl, type Site } from '../src/site/site-config.ts';
import { collectAddresses } from '../src/eleventy/render-shards.ts';
import { sitemapFiles, sitemapXml, type SitemapFile } from './_components/sitemaps.ts';
import type { RunData } from './_components/this-run.ts';

interface Listed {
  url: string | false;
  outputPath: string | false;
}

/**
 * Every page, by its absolute address; written only when the site's address is configured (sitemaps
 * need absolute URLs). Over the protocol's 50,000 addresses, a sitemap index and numbered parts.
 * A run renders only its shard's pages, so the addresses are gathered across the runs and the last
 * one writes the sitemap (src/eleventy/render-shards.ts).
 */
export const data = {
  pagination: {
    data: 'collections.all',
    size: 1,
    alias: 'sitemap',
    before: (items: Listed[], { site, shard, changes }: { site: Site } & RunData): SitemapFile[] => {
      // A dev-server run after an edit renders a few pages: its collection is not the site, so the
      // sitemap of the last full build stays (the server then never records the folder as built).
      if (changes) return [];
      const addresses = collectAddresses(shard, pageUrls(items, site));
      return addresses ? sitemapFiles(addresses) : [];
    },
  },
  permalink: ({ site, sitemap }: { site: Site; sitemap: SitemapFile }) => (site.url ? sitemap.path : false),
  eleventyExcludeFromCollections: true,
};

function pageUrls(items: readonly Listed[], site: Site): string[] {
  return items
    .filter((item): item is { url: string; outputPath: string } => typeof item.url === 'string' && typeof item.outputPath === 'string' && item.outputPath.endsWith('.html'))
    .filter((item) => !item.outputPath.endsWith('404.html'))
    .map((item) => absoluteUrl(site, item.url))
    .filter((url): url is string => url !== null);
}

export function render({ site, sitemap }: { site: Site; sitemap: SitemapFile }): string {
  return sitemapXml(sitemap, (sitePath) => publishedUrl(site, sitePath));
}
