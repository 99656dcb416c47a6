import { stat } from 'node:fs/promises';
import path from 'node:path';
import { listContentFiles, type ContentFile } from '../content/content-files.ts';
import { hasErrors, type Diagnostic } from '../content/diagnostic.ts';
import { loadContent, type AnyRead, type ReadReuse } from '../content/load-content.ts';
import { ExtractionCache } from '../extract/extraction-cache.ts';
import { extractRecords, type ArticleEvidence, type Candidate, type ExtractionMemo } from '../extract/extract-records.ts';
import type { ContentRecords } from '../content/load-content.ts';
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
  archive: Archive;
}

let last: Memory | undefined;

/**
 * Content folder → archive: load and validate, extract, link. Remembers the last result keyed by
 * the folder's file list, sizes and modification times. After an edit only the edited files are
 * read, validated and extracted again; the checks across files, clustering and linking still run
 * over every record, as they must (a new article can join any event).
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
      if (stamp) memory.reads.set(file.absolutePath, { stamp, read });
    },
  };
  for (const absolutePath of memory.reads.keys()) if (!files.has(absolutePath)) memory.reads.delete(absolutePath);

  const timings: StageTimings = {};
  const { records, diagnostics } = await timed(timings, 'load', () => loadContent(contentDir, listing, reuse));
  let result: LoadedArchive;
  if (hasErrors(diagnostics)) {
    result = { archive: undefined, diagnostics, candidates: [], stats: { extracted: 0, cached: 0 }, timings, stamps: files };
  } else {
    const extracted = await timed(timings, 'extract', () => extractRecords(records, extractionCache(), { memo: memory.extractions }));
    const archive = await timed(timings, 'link', async () => withNewText(memory.linked, files, extracted) ?? buildArchive(clusterEvents(extracted.records, extracted.evidence)));
    memory.linked = { stamps: files, records: extracted.records, evidence: extracted.evidence, archive };
    result = { archive, diagnostics, candidates: extracted.candidates, stats: extracted.stats, timings, stamps: files };
  }
  last = Object.assign(memory, { key, result });
  return result;
}

/**
 * The previous archive with the edited stories' new text, when that text is all that changed: no
 * file added or removed, only stories edited, and each edited story extracted to the same names,
 * dates and happenings, its other fields the same, every entity the same. Clustering and linking
 * read everything but the text, so they would make the same archive again (seconds at 10,000
 * stories): the story objects it holds are given their new text in place instead. The archive is
 * the dev server's, which renders it next; `chronicle build` loads once and never gets here.
 */
function withNewText(linked: Linked | undefined, files: FileStamps, extracted: { records: ContentRecords; evidence: ReadonlyMap<string, ArticleEvidence> }): Archive | undefined {
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
  const replacements: Array<{ id: string; body: string; bodyHtml: string }> = [];
  for (const file of edited) {
    const [old, neu] = [before.articles.find((article) => article.file === file), after.articles.find((article) => article.file === file)];
    if (!old || !neu || old.id !== neu.id || listing(old) !== listing(neu)) return undefined;
    if (JSON.stringify(linked.evidence.get(old.id)) !== JSON.stringify(extracted.evidence.get(neu.id))) return undefined;
    replacements.push({ id: neu.id, body: neu.body, bodyHtml: neu.bodyHtml });
  }
  const targets = replacements.map(({ id }) => linked.archive.article(id));
  if (targets.some((article) => !article)) return undefined;
  replacements.forEach(({ body, bodyHtml }, index) => Object.assign(targets[index]!, { body, bodyHtml }));
  return linked.archive;
}

function listing(article: object): string {
  return JSON.stringify({ ...article, body: undefined, bodyHtml: undefined });
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
