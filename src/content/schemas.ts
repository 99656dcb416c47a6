import { z } from 'zod';
import { isSlug } from '../slug.ts';
import { isTimeZone, readEventDate, readPublicationDate } from './calendar.ts';

/*
 * The single source of every content type. Front-matter schemas describe what editors write;
 * record schemas describe what the build hands to the renderer and the exports. TypeScript types
 * are inferred from both, never written beside them.
 */

const slugId = z.string().trim().refine(isSlug, {
  message: 'is not an id: use lower-case letters, digits and hyphens (e.g. sergey-lavrov)',
});
const idList = z.array(slugId).default([]);
const nonEmpty = z.string().trim().min(1, { message: 'must not be empty' });

export const precisionSchema = z.enum(['day', 'month', 'year']);

export const sourceSchema = z.strictObject({
  name: nonEmpty,
  url: z.url({ protocol: /^https?$/, message: 'is not a web address: write the full https://… link to the original' }).optional(),
});

/*
 * Dates are checked field by field, not in an object-level refinement: zod skips those when any
 * other field is missing, and the editor should see every problem of a file in one run. Whether a
 * date exists does not depend on the zone, so the check reads it in UTC; the zone is applied later.
 */
const publicationDate = z.string().trim().superRefine((value, ctx) => {
  const reading = readPublicationDate(value, 'UTC');
  if (!reading.ok) ctx.addIssue({ code: 'custom', message: `${reading.problem} — ${reading.hint}` });
});

/** `2026` is a number to YAML; an event date of year precision is still text to us. */
const eventDate = z.union([z.string(), z.number().int()]).transform((value) => String(value).trim()).superRefine((value, ctx) => {
  const reading = readEventDate(value);
  if (!reading.ok) ctx.addIssue({ code: 'custom', message: `${reading.problem} — ${reading.hint}` });
});

export const articleFrontMatterSchema = z.strictObject({
    title: nonEmpty,
    slug: slugId.optional(),
    date: publicationDate,
    /** Set by `chronicle import` when the source gave no date it could trust; the build warns until an editor checks it. */
    dateUncertain: z.boolean().default(false),
    timezone: z.string().refine(isTimeZone, { message: 'is not a time zone: use an IANA name such as Europe/Zurich' }).default('UTC'),
    source: sourceSchema,
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'is not a language code: use e.g. en, fr, de' }).default('en'),
    summary: z.string().trim().default(''),
    tags: idList,
    people: idList,
    organizations: idList,
    places: idList,
    events: idList,
    /** Corrections, each dated: what was wrong and what is right now. Shown on the article and on /corrections/. */
    corrections: z.array(z.strictObject({
      date: publicationDate,
      text: nonEmpty,
    })).default([]),
});
export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;

const entityBase = {
  name: nonEmpty,
  /** Only needed when the name gives no usable id (a name in a non-Latin script). */
  slug: slugId.optional(),
  aliases: z.array(nonEmpty).default([]),
  description: z.string().trim().default(''),
  wikidata: z.string().regex(/^Q\d+$/, { message: 'is not a Wikidata id: write it as Q followed by digits, e.g. Q80137' }).optional(),
};

export const personFrontMatterSchema = z.strictObject({ ...entityBase, roles: z.array(nonEmpty).default([]) });
export const organizationFrontMatterSchema = z.strictObject({ ...entityBase });
export const placeFrontMatterSchema = z.strictObject({ ...entityBase, country: z.string().trim().optional() });

export const eventFrontMatterSchema = z.strictObject({
  title: nonEmpty,
  slug: slugId.optional(),
  date: eventDate,
  endDate: eventDate.optional(),
  precision: precisionSchema.optional(),
  places: idList,
  people: idList,
  organizations: idList,
});

export const dateMentionSchema = z.object({
  /** The words as written: "on Monday", "September 21", "nearly four years". */
  text: z.string(),
  /** YYYY-MM-DD, YYYY-MM or YYYY by precision; an ISO 8601 duration (P4Y) for spans of time. */
  date: z.string(),
  precision: z.enum(['day', 'month', 'year', 'duration']),
  /** How the date was found: written in full, relative to publication, with the year inferred, or a span. */
  method: z.enum(['explicit', 'relative', 'inferred-year', 'duration']),
  /** Character offset in the extracted text, for ordering. */
  offset: z.number().int().nonnegative(),
});
export type DateMention = z.infer<typeof dateMentionSchema>;

export const entityKindSchema = z.enum(['person', 'organization', 'place']);
export type EntityKind = z.infer<typeof entityKindSchema>;

/**
 * Each kind's plural: the field of an article or event that lists its ids, the registry folder in
 * content/, and the URL segment of its pages all share this one name.
 */
export const ENTITY_FIELD = { person: 'people', organization: 'organizations', place: 'places' } as const satisfies Record<EntityKind, string>;
export type EntityField = (typeof ENTITY_FIELD)[EntityKind];

/** The other way round: `people` → `person`. */
export const KIND_OF_FIELD = Object.fromEntries(Object.entries(ENTITY_FIELD).map(([kind, field]) => [field, kind])) as Record<EntityField, EntityKind>;

/* ---- records: what the build produces ---- */

export const articleSchema = z.object({
  id: slugId,
  file: z.string(),
  title: z.string(),
  /** Publication time, ISO 8601 with offset. */
  date: z.string(),
  /** The calendar day of publication in the article's own zone, YYYY-MM-DD. */
  day: z.string(),
  /** True when the date was a guess at import and no editor has confirmed it yet. */
  dateUncertain: z.boolean().optional(),
  source: z.object({ name: z.string(), url: z.string().nullable() }),
  language: z.string(),
  summary: z.string(),
  tags: z.array(z.string()),
  people: z.array(z.string()),
  organizations: z.array(z.string()),
  places: z.array(z.string()),
  events: z.array(z.string()),
  /** Date mentions found in the text (empty until extraction has read the article). */
  dates: z.array(dateMentionSchema),
  /** Dated corrections, oldest first; the latest is the article's dateModified. */
  corrections: z.array(z.object({ date: z.string(), text: z.string() })).optional(),
});
export type Article = z.infer<typeof articleSchema>;

/**
 * An article as loaded, with its Markdown, which extraction reads. The archive keeps none of the
 * text: a story's page reads it again from its file when it renders (src/render/story-text.ts), so
 * that memory does not grow with the words of 100,000 stories.
 */
export const loadedArticleSchema = articleSchema.extend({ body: z.string() });
export type LoadedArticle = z.infer<typeof loadedArticleSchema>;

export const entitySchema = z.object({
  id: slugId,
  kind: entityKindSchema,
  file: z.string().nullable(),
  name: z.string(),
  aliases: z.array(z.string()),
  description: z.string(),
  roles: z.array(z.string()),
  country: z.string().nullable(),
  wikidata: z.string().nullable(),
  bioHtml: z.string(),
  /** False for entities the build discovered that no editor has written a registry entry for. */
  curated: z.boolean(),
});
export type Entity = z.infer<typeof entitySchema>;

/** One date a story gives for an event, in its own words, with the sentence it stands in. */
export const eventClaimSchema = z.object({
  text: z.string(),
  date: z.string(),
  precision: z.enum(['day', 'month']),
  method: dateMentionSchema.shape.method,
  sentence: z.string(),
});
export type EventClaim = z.infer<typeof eventClaimSchema>;

/** A story about an event: the one it mainly reports, or one it mentions in passing. */
export const eventReportSchema = z.object({
  article: z.string(),
  role: z.enum(['main', 'mention']),
  claims: z.array(eventClaimSchema),
});
export type EventReport = z.infer<typeof eventReportSchema>;

/**
 * A point where the sources of an event do not agree: the date they give, how they spell a name,
 * a figure. Each reading is one version with the stories that give it and their words.
 */
export const disagreementSchema = z.object({
  kind: z.enum(['date', 'spelling', 'figure']),
  /** What the readings are of: "date", an entity key ("place:kyiv"), or the counted noun ("staff members"). */
  subject: z.string(),
  readings: z.array(z.object({
    value: z.string(),
    sources: z.array(z.object({ article: z.string(), text: z.string() })),
  })),
});
export type Disagreement = z.infer<typeof disagreementSchema>;

export const eventSchema = z.object({
  id: slugId,
  file: z.string().nullable(),
  title: z.string(),
  date: z.string(),
  endDate: z.string().nullable(),
  precision: precisionSchema,
  places: z.array(z.string()),
  people: z.array(z.string()),
  organizations: z.array(z.string()),
  summaryHtml: z.string(),
  /** False for events formed by clustering stories, which no editor has written up. */
  curated: z.boolean(),
  /** Every story that reports or mentions the event, oldest first. */
  reports: z.array(eventReportSchema),
  disagreements: z.array(disagreementSchema),
});
export type Event = z.infer<typeof eventSchema>;
