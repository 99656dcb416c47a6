import { absoluteUrl, type Site } from '../src/site/site-config.ts';

interface Listed {
  url: string | false;
  outputPath: string | false;
}

/** Every page, by its absolute address; written only when the site's address is configured (sitemaps need absolute URLs). */
export const data = {
  permalink: ({ site }: { site: Site }) => (site.url ? '/sitemap.xml' : false),
  eleventyExcludeFromCollections: true,
};

export function render({ site, collections }: { site: Site; collections: { all: Array<{ url: string | false; outputPath: string | false } & Listed> } }): string {
  const urls = collections.all
    .filter((item): item is { url: string; outputPath: string } => typeof item.url === 'string' && typeof item.outputPath === 'string' && item.outputPath.endsWith('.html'))
    .filter((item) => !item.outputPath.endsWith('404.html'))
    .map((item) => absoluteUrl(site, item.url))
    .filter((url): url is string => url !== null)
    .sort();
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((url) => `  <url><loc>${escape(url)}</loc></url>`).join('\n')}
</urlset>
`;
}
