/*
 * The sitemaps protocol allows 50,000 addresses per file. Up to that, /sitemap.xml lists them all;
 * beyond it, /sitemap.xml becomes a sitemap index naming /sitemap-1.xml, /sitemap-2.xml, …, each
 * with at most the limit. robots.txt names /sitemap.xml either way.
 */

/** https://www.sitemaps.org/protocol.html#index: "no more than 50,000 URLs". */
export const SITEMAP_URL_LIMIT = 50_000;

export const SITEMAP_PATH = '/sitemap.xml';

export type SitemapFile =
  | { path: string; kind: 'urlset'; urls: readonly string[] }
  | { path: string; kind: 'index'; sitemaps: readonly string[] };

/** The files for a list of absolute addresses: one urlset, or an index and numbered urlsets. */
export function sitemapFiles(urls: readonly string[], limit: number = SITEMAP_URL_LIMIT): SitemapFile[] {
  if (urls.length <= limit) return [{ path: SITEMAP_PATH, kind: 'urlset', urls }];
  const parts: SitemapFile[] = [];
  for (let start = 0; start < urls.length; start += limit) {
    parts.push({ path: `/sitemap-${parts.length + 1}.xml`, kind: 'urlset', urls: urls.slice(start, start + limit) });
  }
  return [{ path: SITEMAP_PATH, kind: 'index', sitemaps: parts.map((part) => part.path) }, ...parts];
}

/** The XML of one file; `absolute` turns a site path (a part's own path) into its published address. */
export function sitemapXml(file: SitemapFile, absolute: (sitePath: string) => string): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  if (file.kind === 'index') {
    return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${file.sitemaps.map((path) => `  <sitemap><loc>${escape(absolute(path))}</loc></sitemap>`).join('\n')}
</sitemapindex>
`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${file.urls.map((url) => `  <url><loc>${escape(url)}</loc></url>`).join('\n')}
</urlset>
`;
}
