import { readFileSync } from 'node:fs';
import { checkDuplicateIds, checkReferences } from './check-references.ts';
import { listContentFiles, type ContentFile } from './content-files.ts';
import { diagnostic, sortDiagnostics, type Diagnostic } from './diagnostic.ts';
import { checkPlaceLoops } from './place-containers.ts';
import { readArticle, readEntity, readEvent, type Read } from './read-records.ts';
import { KIND_OF_FIELD, type Article, type Entity, type EntityKind, type Event, type LoadedArticle } from './schemas.ts';

/** The records of a content folder: as loaded, their articles with their Markdown (`LoadedArticle`); after extraction, without. */
export interface ContentRecords<A extends Article = Article> {
  articles: A[];
  entities: Entity[];
  events: Event[];
}

export interface LoadedContent {
  records: ContentRecords<LoadedArticle>;
  /** Every problem found, errors and warnings, sorted by file and line. */
  diagnostics: Diagnostic[];
}

const ENTITY_KIND: Partial<Record<ContentFile['collection'], EntityKind>> = KIND_OF_FIELD;

export type AnyRead = Read<LoadedArticle> | Read<Entity> | Read<Event>;

/**
 * Keeps each file's read between loads. A read depends only on the file's text, so the dev server
 * reuses it while the file's size and modification time stay the same, and re-reads only what an
 * editor saved; the checks across files below still run over every record.
 */
export interface ReadReuse {
  /** The earlier read of this file, when it has not changed since. */
  get(file: ContentFile): AnyRead | undefined;
  set(file: ContentFile, read: AnyRead): void;
}

/** Reads and validates the whole content folder, collecting every problem instead of stopping at the first. */
export async function loadContent(
  contentDir: string,
  /** The folder's listing, when the caller has just made it. */
  listing?: Awaited<ReturnType<typeof listContentFiles>>,
  /** Reads of files unchanged since an earlier load (the dev server's, see src/archive/load-archive.ts). */
  reuse?: ReadReuse,
): Promise<LoadedContent> {
  listing ??= await listContentFiles(contentDir);
  const diagnostics: Diagnostic[] = [...listing.diagnostics];
  const articleReads: Read<LoadedArticle>[] = [];
  const entityReads: Read<Entity>[] = [];
  const eventReads: Read<Event>[] = [];

  // Read one after another, synchronously: for thousands of small files that is ten times faster
  // than as many promises, each a trip through the thread pool for open, stat, read and close.
  for (const file of listing.files) {
    const kept = reuse?.get(file);
    if (kept) {
      sortRead(file, kept, articleReads, entityReads, eventReads);
      continue;
    }
    let text: string;
    try {
      text = readFileSync(file.absolutePath, 'utf8');
    } catch (error) {
      diagnostics.push(diagnostic(file.file, { line: 1, column: 1 }, 'content/unreadable',
        `the file cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, 'check its permissions'));
      continue;
    }
    const kind = ENTITY_KIND[file.collection];
    const read = file.collection === 'articles' ? readArticle(file, text) : file.collection === 'events' ? readEvent(file, text) : kind ? readEntity(file, text, kind) : undefined;
    if (!read) continue;
    sortRead(file, read, articleReads, entityReads, eventReads);
    reuse?.set(file, read);
  }

  // Reads finish in any order; sort so duplicate-id errors always land on the same (later) file.
  const byFile = <T>(a: Read<T & { file: string | null }>, b: Read<T & { file: string | null }>) =>
    (a.record?.file ?? '').localeCompare(b.record?.file ?? '');
  articleReads.sort(byFile);
  entityReads.sort(byFile);
  eventReads.sort(byFile);

  for (const read of [...articleReads, ...entityReads, ...eventReads]) diagnostics.push(...read.diagnostics);

  const entities = records(entityReads);
  const events = records(eventReads);
  diagnostics.push(...checkDuplicateIds(articleReads, 'article'));
  diagnostics.push(...checkDuplicateIds(eventReads, 'event'));
  for (const kind of ['person', 'organization', 'place'] as const) {
    diagnostics.push(...checkDuplicateIds(entityReads.filter((read) => read.record?.kind === kind), kind));
  }
  diagnostics.push(...checkReferences([...articleReads, ...eventReads], entities, events));
  diagnostics.push(...checkPlaceLoops(entityReads));

  return {
    records: { articles: uniqueById(records(articleReads)), entities: uniqueEntities(entities), events: uniqueById(events) },
    diagnostics: sortDiagnostics(diagnostics),
  };
}

function sortRead(file: ContentFile, read: AnyRead, articles: Read<Article>[], entities: Read<Entity>[], events: Read<Event>[]): void {
  if (file.collection === 'articles') articles.push(read as Read<Article>);
  else if (file.collection === 'events') events.push(read as Read<Event>);
  else entities.push(read as Read<Entity>);
}

function records<T>(reads: ReadonlyArray<Read<T>>): T[] {
  return reads.flatMap((read) => (read.record ? [read.record] : []));
}

function uniqueById<T extends { id: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((item) => !seen.has(item.id) && seen.add(item.id));
}

function uniqueEntities(list: Entity[]): Entity[] {
  const seen = new Set<string>();
  return list.filter((item) => !seen.has(`${item.kind}:${item.id}`) && seen.add(`${item.kind}:${item.id}`));
}
