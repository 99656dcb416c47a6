import { stat } from 'node:fs/promises';
import path from 'node:path';
import { listContentFiles, type ContentFile } from '../content/content-files.ts';
import { hasErrors, type Diagnostic } from '../content/diagnostic.ts';
import { loadContent } from '../content/load-content.ts';
import { ExtractionCache } from '../extract/extraction-cache.ts';
import { extractRecords, type Candidate } from '../extract/extract-records.ts';
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
  /** What changed since the previous load of the same folder in this process (the dev server's last rebuild). */
  changedFiles: ChangedFiles | undefined;
}

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

let last: { contentDir: string; key: string; files: Map<string, { stamp: string; file: ContentFile }>; result: LoadedArchive } | undefined;

/**
 * Content folder → archive: load and validate, extract, link. Remembers the last result keyed by
 * the folder's file list, sizes and modification times, so the CLI's validation pass and Eleventy's
 * data pass share one load, and a dev-server rebuild after an edit loads afresh.
 */
export async function loadArchive(contentDir: string): Promise<LoadedArchive> {
  const listing = await listContentFiles(contentDir);
  const files = await stamps(listing.files);
  const key = `${path.resolve(contentDir)}\n${[...files].map(([file, { stamp }]) => `${file}:${stamp}`).join('\n')}`;
  if (last?.key === key) return last.result;
  const changedFiles = last?.contentDir === path.resolve(contentDir) ? compare(last.files, files) : undefined;
  const timings: StageTimings = {};
  const { records, diagnostics } = await timed(timings, 'load', () => loadContent(contentDir, listing));
  let result: LoadedArchive;
  if (hasErrors(diagnostics)) {
    result = { archive: undefined, diagnostics, candidates: [], stats: { extracted: 0, cached: 0 }, timings, changedFiles };
  } else {
    const extracted = await timed(timings, 'extract', () => extractRecords(records, extractionCache()));
    const archive = await timed(timings, 'link', () => buildArchive(clusterEvents(extracted.records, extracted.evidence)));
    result = { archive, diagnostics, candidates: extracted.candidates, stats: extracted.stats, timings, changedFiles };
  }
  last = { contentDir: path.resolve(contentDir), key, files, result };
  return result;
}

/** Each file's size and modification time: what tells an edit apart without reading 10,000 files. */
async function stamps(files: readonly ContentFile[]): Promise<Map<string, { stamp: string; file: ContentFile }>> {
  const entries = await Promise.all(
    files.map(async (file) => {
      const info = await stat(file.absolutePath).catch(() => undefined);
      return [file.absolutePath, { stamp: `${info?.size ?? -1}:${info?.mtimeMs ?? -1}`, file }] as const;
    }),
  );
  return new Map(entries);
}

function compare(before: ReadonlyMap<string, { stamp: string; file: ContentFile }>, after: ReadonlyMap<string, { stamp: string; file: ContentFile }>): ChangedFiles {
  const changed: ContentFile[] = [];
  for (const [absolutePath, now] of after) if (before.get(absolutePath)?.stamp !== now.stamp) changed.push(now.file);
  for (const [absolutePath, then] of before) if (!after.has(absolutePath)) changed.push(then.file);
  return {
    articles: changed.filter((file) => file.collection === 'articles').map((file) => file.file),
    others: changed.some((file) => file.collection !== 'articles'),
  };
}
