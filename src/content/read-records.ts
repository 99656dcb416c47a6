import path from 'node:path';
import type { z } from 'zod';
import { renderMarkdown } from '../render/markdown.ts';
import { withOwnStrings } from '../own-strings.ts';
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
  type LoadedArticle,
  type Entity,
  type EntityKind,
  type Event,
} from './schemas.ts';

/** Where each reference in a record was written, so cross-record checks can point at the right line. */
export interface ReferenceSite {
  field: string;
  index: number;
  /** The id as written, read from the raw YAML so references are checked even when the schema failed. */
  id: string;
  position: Position;
}

export interface Read<T> {
  /** The file as the editor sees it, for messages. */
  file: string;
  record?: T | undefined;
  /** Where the id-defining key and each reference stand in the file. */
  idPosition: Position;
  referenceSites: ReferenceSite[];
  /** Where a place's `country` is written, for the check that places do not lie in each other. */
  countryPosition?: Position | undefined;
  diagnostics: Diagnostic[];
}

const REFERENCE_FIELDS = ['people', 'organizations', 'places', 'events'] as const;

export function readArticle(file: ContentFile, text: string): Read<LoadedArticle> {
  const { frontMatter, base, value, diagnostics } = parseAndValidate(articleFrontMatterSchema, file, text);
  if (!value) return { ...base, diagnostics };
  const reading = readPublicationDate(value.date, value.timezone);
  if (!reading.ok) throw new Error(`unreachable: the schema accepted an unreadable date in ${file.file}`);
  // Strings of their own: the archive keeps the record, and none of the file (src/own-strings.ts).
  const article: Article = withOwnStrings({
    id: value.slug ?? fileSlug(file),
    file: file.file,
    title: value.title,
    date: reading.iso,
    // The ISO form starts with the calendar day in the article's own zone.
    day: reading.iso.slice(0, reading.iso.indexOf('T')),
    ...(value.dateUncertain ? { dateUncertain: true } : {}),
    ...(value.corrections.length > 0
      ? { corrections: value.corrections.map((correction) => ({ date: correction.date, text: correction.text })).sort((a, b) => a.date.localeCompare(b.date)) }
      : {}),
    source: { name: value.source.name, url: value.source.url ?? null },
    language: value.language,
    summary: value.summary,
    tags: value.tags,
    people: value.people,
    organizations: value.organizations,
    places: value.places,
    events: value.events,
    dates: [],
  });
  const record: LoadedArticle = { ...article, body: frontMatter.body };
  if (!record.id) return { ...base, diagnostics: [...diagnostics, missingId(file, frontMatter.positionOf(['title']), 'file name')] };
  const warnings = (['title', 'summary'] as const).flatMap((key) =>
    MARKUP.test(value[key])
      ? [diagnostic(file.file, frontMatter.positionOf([key]), 'content/markup-in-text',
          `${key}: contains HTML markup (${value[key].match(MARKUP)?.[0]}); it will be shown as plain text, not run`,
          'remove the tags if they were pasted by mistake', 'warning')]
      : [],
  );
  value.corrections.forEach((correction, index) => {
    if (correction.date.slice(0, 10) < value.date.slice(0, 10)) {
      warnings.push(diagnostic(file.file, frontMatter.positionOf(['corrections', index, 'date']), 'article/correction-before-publication',
        `corrections[${index}].date: ${correction.date} is before the article was published (${value.date})`,
        'a correction is made after publication: check both dates'));
    }
  });
  if (value.dateUncertain) {
    warnings.push(diagnostic(file.file, frontMatter.positionOf(['dateUncertain']), 'content/date-uncertain',
      `date: ${value.date} is uncertain (the importer could not read it from the source)`,
      'check the date against the original, correct it, then remove `dateUncertain`', 'warning'));
  }
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
  const id = value.slug ?? toSlug(value.name);
  if (!id) return { ...base, diagnostics: [...diagnostics, missingId(file, frontMatter.positionOf(['name']), 'name')] };
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
  const countryPosition = record.country ? frontMatter.positionOf(['country']) : undefined;
  return { ...base, idPosition: frontMatter.positionOf(value.slug ? ['slug'] : ['name']), countryPosition, record, diagnostics: [...diagnostics, ...warnings] };
}

export function readEvent(file: ContentFile, text: string): Read<Event> {
  const { frontMatter, base, value, diagnostics } = parseAndValidate(eventFrontMatterSchema, file, text);
  if (!value) return { ...base, diagnostics };
  const start = readEventDate(value.date);
  if (!start.ok) throw new Error(`unreachable: the schema accepted an unreadable date in ${file.file}`);
  const problems: Diagnostic[] = [];
  if (value.precision && FINENESS[value.precision] > FINENESS[start.precision]) {
    problems.push(diagnostic(file.file, frontMatter.positionOf(['precision']), 'event/precision',
      `precision: "${value.precision}" is finer than the date "${value.date}"`,
      `write the full date (e.g. ${value.date.length === 4 ? `${value.date}-01-31` : `${value.date}-31`}) or remove \`precision\``));
  }
  // Dates of any precision compare as text: "2026-01" < "2026-01-15" < "2026-02".
  if (value.endDate && value.endDate < value.date) {
    problems.push(diagnostic(file.file, frontMatter.positionOf(['endDate']), 'event/end-before-start',
      `endDate: "${value.endDate}" is before the date "${value.date}"`, 'swap the two dates, or correct the end date'));
  }
  if (!value.slug && !fileSlug(file)) problems.push(missingId(file, frontMatter.positionOf(['title']), 'file name'));
  if (problems.length > 0) return { ...base, diagnostics: [...diagnostics, ...problems] };
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
    reports: [],
    disagreements: [],
  };
  return { ...base, idPosition: frontMatter.positionOf(value.slug ? ['slug'] : ['title']), record, diagnostics };
}

/** Front matter, then schema: the schema runs only on YAML that could be read. */
function parseAndValidate<S extends z.ZodType>(schema: S, file: ContentFile, text: string) {
  const frontMatter = parseFrontMatter(text, file.file);
  const base = baseRead(frontMatter, file);
  if (frontMatter.diagnostics.length > 0) return { frontMatter, base, value: undefined, diagnostics: frontMatter.diagnostics };
  return { frontMatter, base, ...validateFrontMatter(schema, frontMatter, file.file) };
}

function baseRead(frontMatter: FrontMatter, file: ContentFile): Omit<Read<never>, 'record' | 'diagnostics'> {
  const referenceSites: ReferenceSite[] = [];
  for (const field of REFERENCE_FIELDS) {
    const list = frontMatter.data[field];
    if (!Array.isArray(list)) continue;
    list.forEach((id, index) => {
      if (typeof id === 'string') referenceSites.push({ field, index, id: id.trim(), position: frontMatter.positionOf([field, index]) });
    });
  }
  return { file: file.file, idPosition: { line: 1, column: 1 }, referenceSites };
}

const FINENESS = { year: 0, month: 1, day: 2 } as const;

function fileSlug(file: ContentFile): string {
  return toSlug(path.basename(file.file).replace(/\.(md|markdown)$/i, ''));
}

/** An id must be a non-empty slug: a name in a script slugify cannot transliterate gives none. */
function missingId(file: ContentFile, position: Position, what: string): Diagnostic {
  return diagnostic(file.file, position, 'content/no-id',
    `no id can be made from the ${what}: it has no letters or digits that transliterate to a-z, 0-9`,
    'add a `slug:` field with an id in lower-case ASCII letters, digits and hyphens, e.g. slug: beijing');
}
