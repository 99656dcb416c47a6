import path from 'node:path';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import { renderMarkdown } from '../render/markdown.ts';
import { toSlug } from '../slug.ts';
import { readEventDate, readPublicationDate } from './calendar.ts';
import type { ContentFile } from './content-files.ts';
import { diagnostic, type Diagnostic, type Position } from './diagnostic.ts';
import { parseFrontMatter, type FrontMatter } from './front-matter.ts';
import { validateFrontMatter } from './schema-diagnostics.ts';
import {
  articleFrontMatterSchema,
  eventFrontMatterSchema,
  organizationFrontMatterSchema,
  personFrontMatterSchema,
  placeFrontMatterSchema,
  type Article,
  type Entity,
  type EntityKind,
  type Event,
} from './schemas.ts';

/** Where each reference in a record was written, so cross-record checks can point at the right line. */
export interface ReferenceSite {
  field: string;
  index: number;
  position: Position;
}

export interface Read<T> {
  record?: T | undefined;
  /** Where the id-defining key and each reference stand in the file. */
  idPosition: Position;
  referenceSites: ReferenceSite[];
  diagnostics: Diagnostic[];
}

const REFERENCE_FIELDS = ['people', 'organizations', 'places', 'events'] as const;

export function readArticle(file: ContentFile, text: string): Read<Article> {
  const { frontMatter, base, value, diagnostics } = parseAndValidate(articleFrontMatterSchema, file, text);
  if (!value) return { ...base, diagnostics };
  const reading = readPublicationDate(value.date, value.timezone);
  if (!reading.ok) throw new Error(`unreachable: the schema accepted an unreadable date in ${file.file}`);
  const published = DateTime.fromISO(reading.iso, { setZone: true });
  const record: Article = {
    id: value.slug ?? fileSlug(file),
    file: file.file,
    title: value.title,
    date: reading.iso,
    day: published.toISODate() ?? '',
    source: { name: value.source.name, url: value.source.url ?? null },
    language: value.language,
    summary: value.summary,
    tags: value.tags,
    body: frontMatter.body,
    bodyHtml: renderMarkdown(frontMatter.body),
    people: value.people,
    organizations: value.organizations,
    places: value.places,
    events: value.events,
  };
  const warnings = (['title', 'summary'] as const).flatMap((key) =>
    MARKUP.test(value[key])
      ? [diagnostic(file.file, frontMatter.positionOf([key]), 'content/markup-in-text',
          `${key}: contains HTML markup (${value[key].match(MARKUP)?.[0]}); it will be shown as plain text, not run`,
          'remove the tags if they were pasted by mistake', 'warning')]
      : [],
  );
  return { ...base, idPosition: frontMatter.positionOf(value.slug ? ['slug'] : ['title']), record, diagnostics: [...diagnostics, ...warnings] };
}

/** An HTML tag in a plain-text field: almost always pasted by mistake from a web page. */
const MARKUP = /<\/?[a-z][a-z0-9-]*(\s[^>]*)?>/i;

const ENTITY_SCHEMAS = {
  person: personFrontMatterSchema,
  organization: organizationFrontMatterSchema,
  place: placeFrontMatterSchema,
} as const;

export function readEntity(file: ContentFile, text: string, kind: EntityKind): Read<Entity> {
  const { frontMatter, base, value, diagnostics } = parseAndValidate(ENTITY_SCHEMAS[kind], file, text);
  if (!value) return { ...base, diagnostics };
  const id = toSlug(value.name);
  const warnings: Diagnostic[] = [];
  if (id !== fileSlug(file)) {
    warnings.push(diagnostic(file.file, frontMatter.positionOf(['name']), 'registry/file-name',
      `the id of "${value.name}" is "${id}" but the file is named "${path.basename(file.file)}"`,
      `rename the file to ${id}.md so editors find it where links point`, 'warning'));
  }
  const record: Entity = {
    id,
    kind,
    file: file.file,
    name: value.name,
    aliases: value.aliases,
    description: value.description,
    roles: 'roles' in value ? value.roles : [],
    country: 'country' in value ? (value.country ?? null) : null,
    wikidata: value.wikidata ?? null,
    bioHtml: renderMarkdown(frontMatter.body),
    curated: true,
  };
  return { ...base, idPosition: frontMatter.positionOf(['name']), record, diagnostics: [...diagnostics, ...warnings] };
}

export function readEvent(file: ContentFile, text: string): Read<Event> {
  const { frontMatter, base, value, diagnostics } = parseAndValidate(eventFrontMatterSchema, file, text);
  if (!value) return { ...base, diagnostics };
  const start = readEventDate(value.date);
  if (!start.ok) throw new Error(`unreachable: the schema accepted an unreadable date in ${file.file}`);
  const record: Event = {
    id: value.slug ?? fileSlug(file),
    file: file.file,
    title: value.title,
    date: start.iso,
    endDate: value.endDate ?? null,
    precision: value.precision ?? start.precision,
    places: value.places,
    people: value.people,
    organizations: value.organizations,
    summaryHtml: renderMarkdown(frontMatter.body),
    curated: true,
  };
  return { ...base, idPosition: frontMatter.positionOf(value.slug ? ['slug'] : ['title']), record, diagnostics };
}

/** Front matter, then schema: the schema runs only on YAML that could be read. */
function parseAndValidate<S extends z.ZodType>(schema: S, file: ContentFile, text: string) {
  const frontMatter = parseFrontMatter(text, file.file);
  const base = baseRead(frontMatter);
  if (frontMatter.diagnostics.length > 0) return { frontMatter, base, value: undefined, diagnostics: frontMatter.diagnostics };
  return { frontMatter, base, ...validateFrontMatter(schema, frontMatter, file.file) };
}

function baseRead(frontMatter: FrontMatter): Omit<Read<never>, 'record' | 'diagnostics'> {
  const referenceSites: ReferenceSite[] = [];
  for (const field of REFERENCE_FIELDS) {
    const list = frontMatter.data[field];
    if (!Array.isArray(list)) continue;
    list.forEach((_, index) => referenceSites.push({ field, index, position: frontMatter.positionOf([field, index]) }));
  }
  return { idPosition: { line: 1, column: 1 }, referenceSites };
}

function fileSlug(file: ContentFile): string {
  return toSlug(path.basename(file.file, '.md'));
}
