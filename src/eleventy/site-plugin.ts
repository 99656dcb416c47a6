import { HtmlBasePlugin, type UserConfig } from '@11ty/eleventy';
import { FEED_PAGE } from '../export/feeds.ts';
import { escapeHtml } from '../render/markdown.ts';
import { absoluteUrl, prefixedPath, type Site } from '../site/site-config.ts';

/**
 * Makes the site work wherever it is published: every URL in the HTML gains the path prefix
 * (Eleventy's own HTML base plugin, so layouts keep writing "/articles/x/"), and each page's head
 * gains its canonical address and the prefix for the scripts that build URLs themselves.
 */
/**
 * Only the site's own files run: scripts and styles from this origin, no inline scripts, styles or
 * event handlers, no plug-ins, no framing of forms elsewhere. 'wasm-unsafe-eval' is what Pagefind's
 * search needs to start its WebAssembly; it allows compiling WebAssembly, not eval of JavaScript.
 */
export const CONTENT_SECURITY_POLICY =
  `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'">`;

export function sitePlugin(eleventyConfig: UserConfig, site: Site): void {
  eleventyConfig.addGlobalData('site', site);
  eleventyConfig.addPlugin(HtmlBasePlugin, { baseHref: site.pathPrefix });
  eleventyConfig.addTransform('chronicle-head', function (content) {
    const outputPath = this.page.outputPath;
    if (typeof outputPath !== 'string' || !outputPath.endsWith('.html') || typeof this.page.url !== 'string') return content;
    const canonical = absoluteUrl(site, this.page.url);
    // Added after the base plugin has run, so these carry the prefix themselves.
    const feeds = (page: string, title: string) => [
      `<link rel="alternate" type="application/atom+xml" title="${title} (Atom)" href="${prefixedPath(site, `${page}feed.xml`)}">`,
      `<link rel="alternate" type="application/feed+json" title="${title} (JSON Feed)" href="${prefixedPath(site, `${page}feed.json`)}">`,
    ];
    // Only the head changes: working on it alone spares copying and scanning every page's body three times.
    const headEnd = content.indexOf('</head>');
    if (headEnd < 0) return content;
    const pageHead = content.slice(0, headEnd);
    // The page's own <title> is already escaped HTML.
    const pageTitle = /<title>([^<]*)<\/title>/.exec(pageHead)?.[1] ?? 'This page';
    const head = [
      `<meta name="chronicle-base" content="${site.pathPrefix}">`,
      ...feeds('/', escapeHtml(site.title)),
      ...(FEED_PAGE.test(this.page.url) ? feeds(this.page.url, pageTitle) : []),
      ...(canonical && !outputPath.endsWith('404.html') ? [`<link rel="canonical" href="${canonical}">`] : []),
      // Layouts that do not pass their address to page() still get og:url: it is the canonical address.
      ...(canonical && !outputPath.endsWith('404.html') && !pageHead.includes('property="og:url"') ? [`<meta property="og:url" content="${canonical}">`] : []),
    ].join('\n');
    const named = site.title === 'Chronicle' ? pageHead : pageHead.replace('<meta property="og:site_name" content="Chronicle">', `<meta property="og:site_name" content="${escapeHtml(site.title)}">`);
    return `${named.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n${CONTENT_SECURITY_POLICY}`)}${head}\n${content.slice(headEnd)}`;
  });
}
