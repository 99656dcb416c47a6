import { z } from 'zod';
import { dateModified, type Archive } from '../archive/archive.ts';
import { articleUrl, entityUrl, eventUrl } from '../archive/urls.ts';
import type { Article } from '../content/schemas.ts';
import { escapeHtml } from '../render/markdown.ts';
import { storyHtml } from '../render/story-text.ts';
import { absoluteUrl, publishedUrl, type Site } from '../site/site-config.ts';

/*
 * Atom and JSON Feed for the whole archive and for every person, organization, place and event.
 * Written here rather than with @11ty/eleventy-plugin-rss: the plugin makes one feed per
 * collection through a template language, while Chronicle needs hundreds of feeds, one per record,
 * from the typed archive; the formats themselves are a few well-specified elements.
 */

/** One feed: whose stories, and where it lives. */
export interface FeedTarget {
  /** The site path of the page the feed follows ("/", "/people/sergey-lavrov/"); the feeds are `feed.xml` and `feed.json` under it. */
  page: string;
  /** What the feed follows, as page changes name it (`person:sergey-lavrov`, `event:…`); null for the whole archive. */
  about: string | null;
  title: string;
  description: string;
  articles: readonly Article[];
  /**
   * Whether entries carry the stories' text. Only the site's feed does, for readers catching up on
   * everything; a person's, place's or event's feed, followed for one thread, carries each story's
   * title, summary and link. The text is read from each story's file as its feed renders
   * (src/render/story-text.ts): in thousands of record feeds it would be read 100,000 times at
   * 10,000 stories, and was half of a large site's bytes.
   */
  fullText: boolean;
}

/**
 * How many of the newest stories a feed carries. The site's feed is read by people catching up on
 * everything; a person's or an event's feed by someone following one thread, for whom 20 is plenty.
 */
const FEED_LENGTH = { site: 50, record: 20 };

/** Both feed formats page through the same targets: computed once per archive. */
const targetsOf = new WeakMap<Archive, FeedTarget[]>();

export function feedTargets(archive: Archive, siteTitle: string): FeedTarget[] {
  let targets = targetsOf.get(archive);
  if (!targets || targets[0]?.title !== siteTitle) targetsOf.set(archive, (targets = buildTargets(archive, siteTitle)));
  return targets;
}

function buildTargets(archive: Archive, siteTitle: string): FeedTarget[] {
  const newest = (articles: readonly Article[], length = FEED_LENGTH.record) => articles.slice(-length).reverse();
  return [
    { page: '/', about: null, title: siteTitle, description: 'The latest stories in the archive.', articles: newest(archive.articles, FEED_LENGTH.site), fullText: true },
    ...archive.entities.map((entity) => ({
      page: entityUrl(entity.kind, entity.id),
      about: `${entity.kind}:${entity.id}`,
      title: `${entity.name} · ${siteTitle}`,
      description: `Stories about ${entity.name}.`,
      articles: newest(archive.timelineOf(entity).articles),
      fullText: false,
    })),
    ...archive.events.map((event) => ({
      page: eventUrl(event.id),
      about: `event:${event.id}`,
      title: `${event.title} · ${siteTitle}`,
      description: `Stories reporting: ${event.title}.`,
      articles: newest(archive.reportsOf(event)),
      fullText: false,
    })),
  ];
}

/** Every record page that has feeds of its own, for the links in its head. */
export const FEED_PAGE = /^\/(people|organizations|places|events)\/[^/]+\/$/;

/** A stable id for the feed or an entry: its absolute address, or a tag URI when none is configured. */
function idFor(site: Site, sitePath: string): string {
  return absoluteUrl(site, sitePath) ?? `tag:chronicle.invalid,2026:${sitePath}`;
}

/** Instants in one form (UTC), so they sort as text. */
const instant = (iso: string) => new Date(iso).toISOString();

function updated(articles: readonly Article[]): string {
  return articles.map((article) => instant(dateModified(article))).sort().at(-1) ?? '2000-01-01T00:00:00.000Z';
}

export function atomFeed(target: FeedTarget, site: Site): string {
  const x = (text: string) => escapeHtml(text);
  const entries = target.articles.map((article) => {
    const published = instant(article.date);
    return `  <entry>
    <id>${x(idFor(site, articleUrl(article.id)))}</id>
    <title>${x(article.title)}</title>
    <link rel="alternate" type="text/html" href="${x(publishedUrl(site, articleUrl(article.id)))}"/>
${article.source.url ? `    <link rel="related" type="text/html" href="${x(article.source.url)}"/>\n` : ''}    <published>${published}</published>
    <updated>${instant(dateModified(article))}</updated>
    <author><name>${x(article.source.name)}</name></author>
${article.summary ? `    <summary>${x(article.summary)}</summary>\n` : ''}${target.fullText ? `    <content type="html">${x(storyHtml(article))}</content>\n` : ''}  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${x(idFor(site, target.page))}</id>
  <title>${x(target.title)}</title>
  <subtitle>${x(target.description)}</subtitle>
  <link rel="alternate" type="text/html" href="${x(publishedUrl(site, target.page))}"/>
  <link rel="self" type="application/atom+xml" href="${x(publishedUrl(site, `${target.page}feed.xml`))}"/>
  <updated>${updated(target.articles)}</updated>
  <author><name>${x(site.title)}</name></author>
${entries.join('\n')}
</feed>
`;
}

/** The JSON Feed 1.1 fields Chronicle writes (https://www.jsonfeed.org/version/1.1/). */
export const jsonFeedSchema = z.strictObject({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  description: z.string(),
  home_page_url: z.string(),
  feed_url: z.string(),
  language: z.string().optional(),
  items: z.array(z.strictObject({
    id: z.string().min(1),
    url: z.string(),
    external_url: z.string().optional(),
    title: z.string(),
    summary: z.string().optional(),
    /** One of the two is required: the text in a full-text feed, else the summary (or the title when there is none). */
    content_html: z.string().optional(),
    content_text: z.string().optional(),
    date_published: z.iso.datetime({ offset: true }),
    date_modified: z.string().optional(),
    authors: z.array(z.strictObject({ name: z.string() })),
    language: z.string(),
  }).refine((item) => (item.content_html === undefined) !== (item.content_text === undefined), { message: 'an item has content_html or content_text' })),
});
export type JsonFeed = z.infer<typeof jsonFeedSchema>;

export function jsonFeed(target: FeedTarget, site: Site): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: target.title,
    description: target.description,
    home_page_url: publishedUrl(site, target.page),
    feed_url: publishedUrl(site, `${target.page}feed.json`),
    items: target.articles.map((article) => ({
      id: idFor(site, articleUrl(article.id)),
      url: publishedUrl(site, articleUrl(article.id)),
      ...(article.source.url ? { external_url: article.source.url } : {}),
      title: article.title,
      ...(article.summary ? { summary: article.summary } : {}),
      ...(target.fullText ? { content_html: storyHtml(article) } : { content_text: article.summary || article.title }),
      date_published: article.date,
      ...(article.corrections?.length ? { date_modified: dateModified(article) } : {}),
      authors: [{ name: article.source.name }],
      language: article.language,
    })),
  };
}
