import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import TurndownService from 'turndown';

/** What an HTML page says about its article, before the text filter runs over the body. */
export interface HtmlArticle {
  title?: string;
  /** As the page gives it (ISO 8601 or a date in words). */
  published?: string;
  publisher?: string;
  url?: string;
  language?: string;
  /** The article body as Markdown, one paragraph per block. */
  markdown: string;
}

/**
 * HTML → the article in it: metadata from JSON-LD and meta tags, the body by Mozilla's Readability
 * on a jsdom document (which never runs the page's scripts), then turndown to Markdown with every
 * link that is not http(s) reduced to its text and images dropped.
 */
export function readHtml(html: string, pageUrl?: string): HtmlArticle {
  // Scripts are not run (jsdom's default); the page's console and CSS errors are not ours to report.
  const dom = new JSDOM(html, { url: pageUrl ?? 'https://example.invalid/', virtualConsole: new VirtualConsole() });
  const document = dom.window.document;
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
  const linked = jsonLdArticle(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;

  const parsed = new Readability(document.cloneNode(true) as Document).parse();
  const markdown = parsed?.content ? toMarkdown(parsed.content) : '';
  return {
    title: linked.headline ?? meta('meta[property="og:title"]') ?? parsed?.title ?? (document.title || undefined),
    published: linked.datePublished ?? meta('meta[property="article:published_time"]') ?? meta('meta[name="date"]') ?? meta('meta[itemprop="datePublished"]'),
    publisher: linked.publisher ?? meta('meta[property="og:site_name"]') ?? parsed?.siteName ?? undefined,
    url: httpUrl(linked.url ?? canonical ?? meta('meta[property="og:url"]') ?? pageUrl),
    language: (document.documentElement.getAttribute('lang') ?? linked.inLanguage ?? parsed?.lang ?? '').slice(0, 2).toLowerCase() || undefined,
    markdown,
  };
}

interface LinkedArticle {
  headline?: string;
  datePublished?: string;
  publisher?: string;
  url?: string;
  inLanguage?: string;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|PressRelease)$/;

/** The first schema.org article in the page's JSON-LD blocks (plain, in an array or in @graph). */
function jsonLdArticle(document: Document): LinkedArticle {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a broken block on a page is common; the meta tags still count
    }
    for (const node of flatten(data)) {
      const types = ([] as unknown[]).concat(node['@type']);
      if (!types.some((type) => typeof type === 'string' && ARTICLE_TYPES.test(type))) continue;
      const publisher = node.publisher as Record<string, unknown> | string | undefined;
      const page = node.mainEntityOfPage as Record<string, unknown> | string | undefined;
      return {
        headline: text(node.headline) ?? text(node.name),
        datePublished: text(node.datePublished),
        publisher: typeof publisher === 'string' ? publisher : text(publisher?.name),
        url: text(node.url) ?? (typeof page === 'string' ? page : text(page?.['@id'])),
        inLanguage: text(node.inLanguage),
      };
    }
  }
  return {};
}

function flatten(data: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(data)) return data.flatMap(flatten);
  if (!data || typeof data !== 'object') return [];
  const node = data as Record<string, unknown>;
  return [node, ...(Array.isArray(node['@graph']) ? flatten(node['@graph']) : [])];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function httpUrl(value: string | undefined): string | undefined {
  return value && /^https?:\/\//i.test(value) && !value.includes('example.invalid') ? value : undefined;
}

function toMarkdown(content: string): string {
  const turndown = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', emDelimiter: '*' });
  turndown.remove(['script', 'style', 'noscript', 'iframe', 'form', 'button', 'figure', 'img', 'video', 'audio', 'object', 'embed']);
  turndown.addRule('safe-links', {
    filter: 'a',
    replacement: (inner, node) => {
      const href = (node as HTMLElement).getAttribute('href') ?? '';
      return /^https?:\/\//i.test(href) && inner.trim() ? `[${inner}](${href})` : inner;
    },
  });
  return turndown.turndown(content);
}
