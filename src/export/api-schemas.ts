import { z } from 'zod';
import { precisionSchema } from '../content/schemas.ts';

/**
 * The `/api/*.json` contract from DESIGN.md. Outside tools and our tests read these files,
 * so the shapes live in one schema each and the build's output is typed by them.
 */
export const dateMentionExportSchema = z.object({
  text: z.string(),
  date: z.string(),
  precision: z.enum(['day', 'month', 'year', 'duration']),
});

export const articleExportSchema = z.strictObject({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  date: z.string(),
  source: z.strictObject({ name: z.string(), url: z.string().nullable() }),
  language: z.string(),
  people: z.array(z.string()),
  organizations: z.array(z.string()),
  places: z.array(z.string()),
  events: z.array(z.string()),
  dates: z.array(dateMentionExportSchema),
});

export const entityExportSchema = z.strictObject({
  id: z.string(),
  url: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  curated: z.boolean(),
  articles: z.array(z.string()),
});

export const eventExportSchema = z.strictObject({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  date: z.string(),
  endDate: z.string().optional(),
  /** How precisely `date` is known: a day, a month or only a year. */
  precision: precisionSchema,
  places: z.array(z.string()),
  people: z.array(z.string()),
  organizations: z.array(z.string()),
  /** False for events formed by clustering stories rather than written up by an editor. */
  curated: z.boolean(),
  /** The stories that report or mention the event, oldest first. */
  articles: z.array(z.string()),
});

export const articlesExportSchema = z.array(articleExportSchema);
export const entitiesExportSchema = z.array(entityExportSchema);
export const eventsExportSchema = z.array(eventExportSchema);

export type ArticleExport = z.infer<typeof articleExportSchema>;
export type EntityExport = z.infer<typeof entityExportSchema>;
export type EventExport = z.infer<typeof eventExportSchema>;
