import { html, trusted, type SafeHtml } from '../../src/render/html.ts';
import { serializeJsonLd, type StructuredData } from '../../src/render/json-ld.ts';
import { absoluteUrl, type Site } from '../../src/site/site-config.ts';

export interface PageOptions {
  title: string;
  description: string;
  /** Language of the page's main content (an article's own language). */
  language?: string;
  /** Which top-level section the page belongs to, for the navigation's `aria-current`. */
  section?: 'timeline' | 'people' | 'organizations' | 'places' | 'events' | 'search' | 'none';
  /** Extra elements for <head> (search assets). */
  head?: SafeHtml;
  body: SafeHtml;
  /** The site (global data `site`): its title names the site in social previews, its address makes og:url. */
  site?: Site;
  /** This page's site path ("/articles/x/"), for og:url (written only when the site's address is known). */
  url?: string;
  /** Set on article pages: og:type becomes "article", with its publication (and correction) time, ISO 8601. */
  article?: { publishedTime: string; modifiedTime?: string | undefined };
  /** schema.org JSON-LD for <head>, one script element per node; serialised so no content can end the element. */
  structuredData?: StructuredData | readonly StructuredData[];
}

const NAV: Array<{ section: NonNullable<PageOptions['section']>; href: string; label: string }> = [
  { section: 'timeline', href: '/', label: 'Timeline' },
  { section: 'events', href: '/events/', label: 'Events' },
  { section: 'people', href: '/people/', label: 'People' },
  { section: 'organizations', href: '/organizations/', label: 'Organizations' },
  { section: 'places', href: '/places/', label: 'Places' },
  { section: 'search', href: '/search/', label: 'Search' },
];

/** The document every page shares: head, skip link, site header and navigation, footer. */
export function page(options: PageOptions): string {
  const title = options.title === 'Chronicle' ? 'Chronicle' : `${options.title} · Chronicle`;
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${options.description}">
<meta name="color-scheme" content="light dark">
<link rel="stylesheet" href="/assets/chronicle.css">
<link rel="stylesheet" href="/assets/chart.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
${socialMeta(options)}
${structuredDataScripts(options.structuredData)}${options.head}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <div class="wrap site-header__inner">
    <a class="site-name" href="/">Chronicle</a>
    <nav aria-label="Sections">
      <ul class="site-nav">
        ${NAV.map((item) => html`<li><a href="${item.href}"${item.section === options.section ? html` aria-current="page"` : ''}>${item.label}</a></li>`)}
      </ul>
    </nav>
  </div>
</header>
<main id="main" class="wrap" tabindex="-1"${options.language && options.language !== 'en' ? html` lang="${options.language}"` : ''}>
${options.body}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>Chronicle — a news archive told as a timeline. Every story links to its original source.</p>
    <p><a href="/api/articles.json">Data (JSON)</a> · <a href="/feed.xml">Feed (Atom)</a> · <a href="/feed.json">JSON Feed</a> · <a href="/corrections/">Corrections</a> · <a href="/search/">Search</a></p>
  </div>
</footer>
</body>
</html>`}\n`;
}

/** Open Graph and Twitter card meta: how the page looks when shared. Every value is escaped by `html`. */
function socialMeta(options: PageOptions): SafeHtml {
  const url = options.site && options.url ? absoluteUrl(options.site, options.url) : null;
  const locale = options.language ? ogLocale(options.language) : null;
  return html`<meta property="og:title" content="${options.title}">
<meta property="og:description" content="${options.description}">
<meta property="og:type" content="${options.article ? 'article' : 'website'}">
${url ? html`<meta property="og:url" content="${url}">\n` : ''}<meta property="og:site_name" content="${options.site?.title ?? 'Chronicle'}">
${locale ? html`<meta property="og:locale" content="${locale}">\n` : ''}${options.article
    ? html`<meta property="article:published_time" content="${options.article.publishedTime}">
${options.article.modifiedTime ? html`<meta property="article:modified_time" content="${options.article.modifiedTime}">\n` : ''}`
    : ''}<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${options.title}">
<meta name="twitter:description" content="${options.description}">`;
}

/** Open Graph writes locales as language_TERRITORY: "fr-CH" → "fr_CH"; a bare language stays as it is. */
function ogLocale(language: string): string {
  const [lang = language, region] = language.split('-');
  return region && /^[A-Za-z]{2}$/.test(region) ? `${lang.toLowerCase()}_${region.toUpperCase()}` : lang.toLowerCase();
}

function structuredDataScripts(data: PageOptions['structuredData']): SafeHtml {
  if (data === undefined) return html``;
  const nodes: readonly StructuredData[] = Array.isArray(data) ? data : [data as StructuredData];
  // serializeJsonLd escapes < > & as \u003c…, so the JSON is safe as the element's raw text; the
  // html tag's entity escaping would corrupt it (script text is not entity-decoded).
  return html`${nodes.map((node) => html`<script type="application/ld+json">${trusted(serializeJsonLd(node))}</script>\n`)}`;
}
