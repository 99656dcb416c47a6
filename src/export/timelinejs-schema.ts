import { z } from 'zod';

/*
 * The part of Knight Lab's TimelineJS 3 JSON format (https://timeline.knightlab.com/docs/json-format.html)
 * that `/api/timeline.json` emits. The spec types every date part as a number (TimelineJS also reads
 * numeric strings, which its spreadsheet import produces); we emit numbers. Headline and text are
 * "HTML markup is OK", so both are HTML here and everything from content in them is escaped.
 */

export const timelineDateSchema = z
  .strictObject({
    /** A number; negative for BCE. */
    year: z.number().int(),
    /** 1–12: TimelineJS corrects for JavaScript's zero-based months itself. */
    month: z.number().int().min(1).max(12).optional(),
    day: z.number().int().min(1).max(31).optional(),
    display_date: z.string().optional(),
  })
  .refine((date) => date.day === undefined || date.month !== undefined, { message: 'a day needs a month' });

/** Both HTML. */
export const timelineTextSchema = z.strictObject({
  headline: z.string(),
  text: z.string(),
});

/** One event slide: start_date is required for every slide but the title. */
export const timelineEventSchema = z.strictObject({
  start_date: timelineDateSchema,
  end_date: timelineDateSchema.optional(),
  text: timelineTextSchema,
  /** Any text; TimelineJS writes it into the page as HTML, so it is escaped. */
  group: z.string().optional(),
  display_date: z.string().optional(),
  /** False: the HTML carries its own links, TimelineJS should not add more. */
  autolink: z.boolean().optional(),
  /** Unique among the slides; used by hash bookmarks and `timeline.goToId()`. */
  unique_id: z.string().min(1),
});

export const timelineTitleSchema = z.strictObject({
  text: timelineTextSchema,
  unique_id: z.string().min(1).optional(),
});

export const timelineSchema = z
  .strictObject({
    title: timelineTitleSchema.optional(),
    events: z.array(timelineEventSchema),
  })
  .superRefine((timeline, ctx) => {
    const seen = new Set<string>();
    const ids = [timeline.title?.unique_id, ...timeline.events.map((event) => event.unique_id)];
    ids.forEach((id) => {
      if (id === undefined) return;
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `unique_id "${id}" is used by more than one slide` });
      seen.add(id);
    });
  });

export type TimelineDate = z.infer<typeof timelineDateSchema>;
export type TimelineText = z.infer<typeof timelineTextSchema>;
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type TimelineTitle = z.infer<typeof timelineTitleSchema>;
export type Timeline = z.infer<typeof timelineSchema>;
