import { stat } from 'node:fs/promises';
import path from 'node:path';
import { listContentFiles, type ContentFile } from '../content/content-files.ts';
import { hasErrors, type Diagnostic } from '../content/diagnostic.ts';
import { loadContent, type AnyRead, type ReadReuse } from '../content/load-content.ts';
import { ExtractionCache } from '../extract/extraction-cache.ts';
import { extractRecords, type ArticleEvidence, type Candidate, type ExtractedRecords, type ExtractionMemo } from '../extract/extract-records.ts';
import type { ContentRecords } from '../content/load-content.ts';
import type { Article } from '../content/schemas.ts';
import type { Archive } from './archive.ts';
import { clusterEvents } from '../events/cluster-events.ts';
import { buildArchive } from './build-archive.ts';
import { timed, type StageTimings } from '../build/stage-timings.ts';

export interface LoadedArchive {
  /** Present only when the content has no errors. */
  archive: Archive | undefined;
  diagnostics: Diagnostic[];
  /** Entities extraction found that nobody has registered. */
  candidates: Candidate[];
  stats: { extracted: number; cached: number };
  /** How long loading, extraction and linking took when this archive was made. */
  timings: StageTimings;
  /** Each content file's stamp when it was read (absolute path →), to tell later what changed since. */
  stamps: FileStamps;
}

export type FileStamps = ReadonlyMap<string, { stamp: string; file: ContentFile }>;

export interface ChangedFiles {
  /** Article files edited, added or removed, as `Article.file` names them. */
  articles: string[];
  /** Whether anything else changed: the registry, events, or a file moved between folders. */
  others: boolean;
}

/** Where results are kept between builds (`.chronicle-cache`); `CHRONICLE_CACHE=off` turns caching off. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env.CHRONICLE_CACHE;
  return setting === 'off' ? undefined : path.resolve(setting || '.chronicle-cache');
}

export function extractionCache(env: NodeJS.ProcessEnv = process.env): ExtractionCache | undefined {
  const folder = cacheFolder(env);
  return folder ? new ExtractionCache(path.join(folder, 'extract')) : undefined;
}

/**
 * What this process keeps of its last load of a folder. The whole result while no file changed, so
 * the CLI's validation pass and Eleventy's data pass share one load. And, for the dev server, what
 * makes the next load after a save cheap: each file's read (reused while its stamp is the same) and
 * each article's extraction (found by the very article object a reused read holds).
 */
interface Memory {
  contentDir: string;
  key: string;
  result: LoadedArchive;
  reads: Map<string, { stamp: string; read: AnyRead }>;
  extractions: ExtractionMemo;
  /** The last archive made, with what it was linked from. */
  linked?: Linked;
}

interface Linked {
  stamps: FileStamps;
  /** Extraction's output: the records and evidence clustering and linking read. */
  records: ContentRecords;
  evidence: ReadonlyMap<string, ArticleEvidence>;
  /** Clustering's output, which `buildArchive` linked into `archive`. */
  clustered: ContentRecords;
  archive: Archive;
}

let last: Memory | undefined;

/**
 * Lets go of the last load, archive included. For a one-shot build once its pages are written: the
 * search index is merged after that, and every garbage collection of the merge would otherwise walk
 * the whole archive (1.2 GB at 100,000 stories).
 */
export function forgetLoads(): void {
  last = undefined;
}

/**
 * Whether this process goes on to edits (the dev server): only then are each file's read, each
 * article's extraction and the last linking kept for the next load. A build lets them go: the heap
 * after loading 10,000 articles is 215 MiB instead of 282 MiB.
 */
let keepingForEdits = false;

export function keepForEdits(): void {
  keepingForEdits = true;
}

/**
 * Content folder → archive: load and validate, extract, link. Remembers the last result keyed by
 * the folder's file list, sizes and modification times. After an edit only the edited files are
 * read, validated and extracted again; the checks across files, clustering and linking still run
 * over every record, as they must (a new article can join any event), unless the edit changed
 * nothing clustering reads (`withNewListing`).
 */
export async function loadArchive(contentDir: string): Promise<LoadedArchive> {
  const root = path.resolve(contentDir);
  const listing = await listContentFiles(contentDir);
  const files = await stampsOf(listing.files);
  const key = `${root}\n${[...files].map(([file, { stamp }]) => `${file}:${stamp}`).join('\n')}`;
  if (last?.contentDir === root && last.key === key) return last.result;
  const memory: Memory = last?.contentDir === root ? last : { contentDir: root, key: '', result: undefined!, reads: new Map(), extractions: { registry: '', byArticle: new WeakMap() } };
  const reuse: ReadReuse = {
    get: (file) => {
      const kept = memory.reads.get(file.absolutePath);
      // Same stamp and same display name (the folder may have been given another way).
      return kept && kept.stamp === files.get(file.absolutePath)?.stamp && kept.read.file === file.file ? kept.read : undefined;
    },
    set: (file, read) => {
      const stamp = files.get(file.absolutePath)?.stamp;
      if (stamp && keepingForEdits) memory.reads.set(file.absolutePath, { stamp, read });
    },
  };
  for (const absolutePath of memory.reads.keys()) if (!files.has(absolutePath)) memory.reads.delete(absolutePath);

  const timings: StageTimings = {};
  const { diagnostics, extracted } = await loadAndExtract(contentDir, listing, reuse, memory.extractions, timings);
  let result: LoadedArchive;
  if (!extracted) {
    result = { archive: undefined, diagnostics, candidates: [], stats: { extracted: 0, cached: 0 }, timings, stamps: files };
  } else {
    const linked = await timed(timings, 'link', async () => {
      const patched = withNewListing(memory.linked, files, extracted);
      if (patched) return patched;
      const clustered = clusterEvents(extracted.records, extracted.evidence);
      return { clustered, archive: buildArchive(clustered) };
    });
    const archive = linked.archive;
    if (keepingForEdits) memory.linked = { stamps: files, records: extracted.records, evidence: extracted.evidence, ...linked };
    result = { archive, diagnostics, candidates: extracted.candidates, stats: extracted.stats, timings, stamps: files };
  }
  last = Object.assign(memory, { key, result });
  return result;
}

/**
 * The load and extract stages; extraction only when the content has no errors. A function of its
 * own so that the records as loaded, with every story's text, are let go when it returns, before
 * linking: at 100,000 stories that text is 400 MB.
 */
async function loadAndExtract(contentDir: string, listing: Awaited<ReturnType<typeof listContentFiles>>, reuse: ReadReuse, memo: ExtractionMemo, timings: StageTimings): Promise<{ diagnostics: Diagnostic[]; extracted: ExtractedRecords | undefined }> {
  const { records, diagnostics } = await timed(timings, 'load', () => loadContent(contentDir, listing, reuse));
  if (hasErrors(diagnostics)) return { diagnostics, extracted: undefined };
  const extracted = await timed(timings, 'extract', () => extractRecords(records, extractionCache(), keepingForEdits ? { memo } : {}));
  return { diagnostics, extracted };
}

/**
 * What a story shows in lists but clustering and linking do not read: they read its id, dates,
 * names, events, source and corrections (and the happenings extraction found in its title, summary
 * and text, compared on their own). The title also breaks ties when stories share a publication
 * instant, which `buildArchive` sorts again. (The text itself is in no record: its page reads it.)
 */
const LISTING_FIELDS = ['title', 'summary', 'tags'] as const;

/**
 * The archive of an edit that clustering would not see, made without clustering again: no file
 * added or removed, only stories edited, each edited story extracted to the same names, dates and
 * happenings (but for their offsets in the text, which a new title moves), its fields the same but
 * its text, title, summary and tags, and every entity and event record the same. Clustering reads
 * none of what differs, so it would form the same events again (seconds at 10,000 stories).
 *
 * When only the text changed (and no date mention moved in it), the previous archive is the new
 * one: it holds no text (a story's page reads it from the file). When a title, summary or tags
 * changed, the previous archive stays as it was (the dev server compares it with the new one to
 * find the pages to render again): the edited stories are copied with their new fields into the
 * clustered records, and those are linked again
 * (`buildArchive`, a fraction of clustering's time), which sorts the stories again and gives the
 * archive fresh caches.
 */
function withNewListing(linked: Linked | undefined, files: FileStamps, extracted: { records: ContentRecords; evidence: ReadonlyMap<string, ArticleEvidence> }): { clustered: ContentRecords; archive: Archive } | undefined {
  if (!linked || linked.stamps.size !== files.size) return undefined;
  const edited = new Set<string>();
  for (const [absolutePath, { stamp, file }] of files) {
    const then = linked.stamps.get(absolutePath);
    if (!then) return undefined;
    if (then.stamp === stamp) continue;
    if (file.collection !== 'articles') return undefined;
    edited.add(file.file);
  }
  const [before, after] = [linked.records, extracted.records];
  if (before.articles.length !== after.articles.length || !sameJson(before.entities, after.entities) || !sameJson(before.events, after.events)) return undefined;
  const replacements = new Map<string, Article>();
  let listingChanged = false;
  for (const file of edited) {
    const [old, neu] = [before.articles.find((article) => article.file === file), after.articles.find((article) => article.file === file)];
    if (!old || !neu || old.id !== neu.id || clustered(old) !== clustered(neu)) return undefined;
    if (withoutOffsets(linked.evidence.get(old.id)) !== withoutOffsets(extracted.evidence.get(neu.id))) return undefined;
    if (LISTING_FIELDS.some((field) => JSON.stringify(old[field]) !== JSON.stringify(neu[field]))) listingChanged = true;
    // Offsets moved (text inserted before a date): the archive's date mentions must be the new ones.
    else if (JSON.stringify(old.dates) !== JSON.stringify(neu.dates)) listingChanged = true;
    replacements.set(neu.id, neu);
  }
  if ([...replacements.keys()].some((id) => !linked.archive.article(id))) return undefined;
  if (!listingChanged) return { clustered: linked.clustered, archive: linked.archive };
  const copies = new Map<object, Article>();
  const articles = linked.clustered.articles.map((article) => {
    const neu = replacements.get(article.id);
    if (!neu) return article;
    // The dates too: the same mentions, at offsets moved by the new title or summary.
    const copy = { ...article, ...pick(neu, LISTING_FIELDS), dates: neu.dates };
    copies.set(article, copy);
    return copy;
  });
  const clusteredRecords = { ...linked.clustered, articles };
  // The days that a story mentions hold its date mentions: those are replaced by the new ones too.
  const replaced = new Map<object, object>(copies);
  for (const [old, copy] of copies) (old as Article).dates.forEach((mention, index) => replaced.set(mention, copy.dates[index]!));
  const archive = ordersAlike(linked.archive, copies) ? withCopies(linked.archive, replaced) : buildArchive(clusteredRecords);
  return { clustered: clusteredRecords, archive };
}

/**
 * Whether the stories keep their places in the archive with their new titles: `buildArchive` sorts
 * by day, then instant, then title. Each copied story must still come strictly after the story
 * before it and before the one after it, by the new titles of both (a tie would fall back to the
 * records' order).
 */
function ordersAlike(archive: Archive, copies: ReadonlyMap<object, Article>): boolean {
  const now = (article: Article) => copies.get(article) ?? article;
  const list = archive.articles;
  const before = (a: Article, b: Article) => a.day.localeCompare(b.day) || Date.parse(a.date) - Date.parse(b.date) || a.title.localeCompare(b.title);
  return list.every((article, index) => {
    if (!copies.has(article)) return true;
    const [previous, next] = [list[index - 1], list[index + 1]];
    return (!previous || before(now(previous), now(article)) < 0) && (!next || before(now(article), now(next)) < 0);
  });
}

/**
 * The archive with some of its story objects (and their date mentions) replaced by copies, as
 * `buildArchive` would link it from the same records with those stories' new fields (its lists and
 * indexes are the same; only the objects differ): every list, index and group that holds a replaced story, at any depth, is
 * copied with the copy in its place, and everything else is shared. Linking 10,000 stories again
 * takes seconds (related stories alone, over one); this takes milliseconds. The previous archive is
 * left as it was. Caches that cannot be walked (weak maps) start empty.
 */
function withCopies(archive: Archive, copies: ReadonlyMap<object, object>): Archive {
  // Records that hold no story object: not walked.
  const leaves = new Set<object>([...archive.articles, ...archive.events, ...archive.entities]);
  const done = new Map<object, unknown>();
  const walk = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const copy = copies.get(value);
    if (copy) return copy;
    if (leaves.has(value)) return value;
    const seen = done.get(value);
    if (seen !== undefined) return seen;
    // Copied on the first change found, so that what holds no replaced story costs no copy.
    let result: unknown = value;
    // Whether it holds objects: one that holds only values is never copied and needs no memory.
    let nested = true;
    if (value instanceof WeakMap) result = new WeakMap();
    else if (value instanceof WeakSet) result = new WeakSet();
    else if (Array.isArray(value)) {
      let items: unknown[] | undefined;
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index];
        const walked = walk(item);
        if (walked !== item) (items ??= [...value])[index] = walked;
      }
      result = items ?? value;
    } else if (value instanceof Map) {
      let changed = false;
      const entries = [...(value as Map<unknown, unknown>)].map(([key, item]) => {
        const walked = [walk(key), walk(item)] as const;
        if (walked[0] !== key || walked[1] !== item) changed = true;
        return walked;
      });
      if (changed) result = new Map(entries);
    } else if (value instanceof Set) {
      const items = [...(value as Set<unknown>)].map(walk);
      if (items.some((item) => !value.has(item))) result = new Set(items);
    } else if (Object.getPrototypeOf(value) === Object.prototype) {
      const record = value as Record<string, unknown>;
      let fields: Record<string, unknown> | undefined;
      nested = false;
      for (const key in record) {
        const item = record[key];
        if (typeof item !== 'object' || item === null) continue;
        nested = true;
        const walked = walk(item);
        if (walked !== item) (fields ??= { ...record })[key] = walked;
      }
      result = fields ?? value;
    }
    if (nested) done.set(value, result);
    return result;
  };
  const fields = Object.fromEntries(Object.entries(archive).map(([key, value]) => [key, walk(value)]));
  return Object.assign(Object.create(Object.getPrototypeOf(archive) as object) as Archive, fields);
}

/** A story as clustering and linking read it: all of it but its listing. */
function clustered(article: Article): string {
  return withoutOffsets({ ...article, ...Object.fromEntries(LISTING_FIELDS.map((field) => [field, undefined])) });
}

/**
 * As JSON, without the offsets of dates and happenings in the extracted text: a new title moves
 * them all alike, and they only order what one story says (clustering reads none; no page shows one).
 */
function withoutOffsets(value: unknown): string {
  return JSON.stringify(value, (key, field: unknown) => (key === 'offset' ? undefined : field));
}

function pick<K extends keyof Article>(article: Article, fields: readonly K[]): Pick<Article, K> {
  return Object.fromEntries(fields.map((field) => [field, article[field]])) as Pick<Article, K>;
}

function sameJson(a: readonly object[], b: readonly object[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index] || JSON.stringify(item) === JSON.stringify(b[index]));
}

/**
 * Each file's size and modification time: what tells an edit apart without reading 10,000 files.
 * A file saved twice within the clock's resolution with the same size would look unchanged; file
 * systems here stamp in nanoseconds, and the next save corrects it.
 */
async function stampsOf(files: readonly ContentFile[]): Promise<Map<string, { stamp: string; file: ContentFile }>> {
  const entries = await Promise.all(
    files.map(async (file) => {
      const info = await stat(file.absolutePath).catch(() => undefined);
      return [file.absolutePath, { stamp: `${info?.size ?? -1}:${info?.mtimeMs ?? -1}`, file }] as const;
    }),
  );
  return new Map(entries);
}

/** The files that differ between two loads of the same folder (the rendered one and the newest). */
export function changedBetween(before: FileStamps, after: FileStamps): ChangedFiles {
  const changed: ContentFile[] = [];
  for (const [absolutePath, now] of after) if (before.get(absolutePath)?.stamp !== now.stamp) changed.push(now.file);
  for (const [absolutePath, then] of before) if (!after.has(absolutePath)) changed.push(then.file);
  return {
    articles: changed.filter((file) => file.collection === 'articles').map((file) => file.file),
    others: changed.some((file) => file.collection !== 'articles'),
  };
}
