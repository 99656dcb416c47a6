import { z } from 'zod';

/*
 * The schema.org JSON-LD Chronicle publishes: only the subset it emits, as zod schemas, so the
 * builders' return types are inferred from them and tests can parse what a page carries.
 * (schema-dts is not a dependency; these few shapes do not justify one.)
 */

const text = z.string().min(1);
const url = z.string().min(1);
/** ISO 8601: a date-time with offset, or a day, month or year ("2026-02-06", "2026-02", "2026"). */
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/);

/** A person, organization or place as another node refers to it: enough to name and find it. */
export const entityRefSchema = z.strictObject({
  '@type': z.enum(['Person', 'Organization', 'Place']),
  name: text,
  url: url.optional(),
  sameAs: url.optional(),
});
export type EntityRef = z.infer<typeof entityRefSchema>;

/** A story as an event refers to it. */
export const articleRefSchema = z.strictObject({
  '@type': z.literal('NewsArticle'),
  headline: text,
  url,
  datePublished: isoDate,
});
export type ArticleRef = z.infer<typeof articleRefSchema>;

const context = z.literal('https://schema.org');

export const newsArticleSchema = z.strictObject({
  '@context': context,
  '@type': z.literal('NewsArticle'),
  headline: text,
  datePublished: isoDate,
  dateModified: isoDate,
  inLanguage: text,
  url,
  mainEntityOfPage: z.strictObject({ '@type': z.literal('WebPage'), '@id': url }),
  description: text.optional(),
  author: entityRefSchema,
  publisher: entityRefSchema,
  isBasedOn: url.optional(),
  keywords: z.array(text).optional(),
  about: z.array(entityRefSchema).optional(),
  mentions: z.array(entityRefSchema).optional(),
});
export type NewsArticleLd = z.infer<typeof newsArticleSchema>;

export const eventSchema = z.strictObject({
  '@context': context,
  '@type': z.literal('Event'),
  name: text,
  url,
  startDate: isoDate,
  endDate: isoDate.optional(),
  description: text.optional(),
  location: z.array(entityRefSchema).optional(),
  attendee: z.array(entityRefSchema).optional(),
  subjectOf: z.array(articleRefSchema).optional(),
});
export type EventLd = z.infer<typeof eventSchema>;

export const entityNodeSchema = z.strictObject({
  '@context': context,
  '@type': z.enum(['Person', 'Organization', 'Place']),
  name: text,
  url,
  alternateName: z.array(text).optional(),
  description: text.optional(),
  jobTitle: z.array(text).optional(),
  sameAs: url.optional(),
  containedInPlace: z.strictObject({ '@type': z.literal('Country'), name: text, url: url.optional() }).optional(),
});
export type EntityLd = z.infer<typeof entityNodeSchema>;

export const structuredDataSchema = z.union([newsArticleSchema, eventSchema, entityNodeSchema]);
/** Any node a page may embed in its head. */
export type StructuredData = z.infer<typeof structuredDataSchema>;

/**
 * JSON for a `<script type="application/ld+json">` element. A script element's text ends at the
 * first `</script` and `<!--` changes how it is parsed, whatever the JSON means; so `<`, `>` and
 * `&` are written as JSON escapes (\u003c …), which parse back to the same characters, and so are
 * U+2028/U+2029, which older JavaScript parsers treat as line ends. Nothing in the output can close
 * the element or start markup.
 */
export function serializeJsonLd(data: unknown): string {
  const json = JSON.stringify(data) ?? 'null';
  return json.replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The text of rendered HTML (an event summary, a biography) for a description: tags go, entities
 * are decoded, white space is collapsed. The result is text, to be escaped wherever it is placed.
 */
export function htmlToText(markup: string): string {
  return markup
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
