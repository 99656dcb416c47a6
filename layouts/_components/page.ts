import { html, type SafeHtml } from '../../src/render/html.ts';

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
${options.head}
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
<main id="main" class="wrap"${options.language && options.language !== 'en' ? html` lang="${options.language}"` : ''}>
${options.body}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>Chronicle — a news archive told as a timeline. Every story links to its original source.</p>
    <p><a href="/api/articles.json">Data (JSON)</a> · <a href="/search/">Search</a></p>
  </div>
</footer>
</body>
</html>`}\n`;
}
