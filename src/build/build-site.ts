import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheFolder, forgetLoads, loadArchive, type LoadedArchive } from '../archive/load-archive.ts';
import { BuildFingerprints } from './build-fingerprint.ts';
import { hasErrors, type Diagnostic } from '../content/diagnostic.ts';
import { CONTENT_ENV, DEFAULT_SITE, QUIET_ENV, SEARCH_INDEX_ENV, SITE_ENV } from '../eleventy/settings.ts';
import { SearchIndex, searchPagesAmong } from '../search/pagefind-index.ts';
import { handedOver, handOver } from '../eleventy/handover.ts';
import { shardCountFor, shardEnvironment, SHARD_ENV } from '../eleventy/render-shards.ts';
import { collectGarbage, collectorOfRuns } from './collect-garbage.ts';
import { runEleventy } from './eleventy-run.ts';
import { timed, type StageTimings } from './stage-timings.ts';
import type { Site } from '../site/site-config.ts';
import { LAYOUTS_DIR, PACKAGE_ROOT } from '../paths.ts';

/** Written into every site Chronicle builds; only a folder carrying it may be replaced. */
export const SITE_MARKER = '.chronicle-site';

/** A build that cannot start because of where it would write; nothing has been touched. */
export class OutputFolderError extends Error {
  override name = 'OutputFolderError';
}

export interface BuildOptions {
  contentDir: string;
  outputDir: string;
  /** Silence Eleventy's per-file log. */
  quiet: boolean;
  /** Where the site is published; defaults to the root of an unknown address. */
  site?: Site;
}

export type BuildResult =
  | { ok: true; diagnostics: Diagnostic[]; articles: number; pages: number; timings: StageTimings; upToDate: boolean; search?: { pages: number; parts: number } }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Validates the content, renders it with Eleventy and indexes it with Pagefind into a staging
 * folder beside the output, and only then swaps the staging folder in. A failed build leaves the
 * previous site exactly as it was.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const outputDir = path.resolve(options.outputDir);
  const site = options.site ?? DEFAULT_SITE;
  // With the cache off there is nothing to compare with, so the content is not hashed at all.
  const cache = cacheFolder();
  const fingerprints = cache ? BuildFingerprints.forOutput(cache, outputDir) : undefined;
  const checking: StageTimings = {};
  const inputs = fingerprints && (await timed(checking, 'load', () => fingerprints.compute({ contentDir: options.contentDir, settings: site })));
  const previous = fingerprints && inputs && (await timed(checking, 'load', () => fingerprints.unchangedSince(inputs.fingerprint, outputDir, SITE_MARKER)));
  if (previous) return { ok: true, diagnostics: previous.diagnostics, articles: previous.articles, pages: previous.pages, timings: checking, upToDate: true };

  const loaded = await loadArchive(options.contentDir);
  const { diagnostics, timings: loading } = loaded;
  if (!loaded.archive || hasErrors(diagnostics)) return { ok: false, diagnostics };
  const articles = loaded.archive.articles.length;
  const timings: StageTimings = { ...loading, load: (loading.load ?? 0) + (checking.load ?? 0) };
  // Loading and extraction are done with every story's text and their own scratch: collected now,
  // before rendering adds its own, the engine can give that memory back. At 100,000 stories the
  // build otherwise peaked at 4.1 GB in its first render run, with 2 GB of it long dead.
  collectGarbage();

  await assertReplaceable(outputDir, options.contentDir);
  const parent = path.dirname(outputDir);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(path.join(parent, `.${path.basename(outputDir)}.staging-`));
  try {
    process.env[CONTENT_ENV] = options.contentDir;
    process.env[QUIET_ENV] = options.quiet ? '1' : '';
    process.env[SITE_ENV] = JSON.stringify(site);
    process.env[SEARCH_INDEX_ENV] = 'caller';
    // Search indexes each shard's pages while the next renders; `index` times what is left after the last.
    const search = await SearchIndex.create(parent);
    // Every shard renders this very archive: loading the folder again in each run could page over a
    // different list if a file changed meanwhile, losing or doubling pages. (The dev server hands
    // over its own archive before calling here.)
    const handedByCaller = handedOver() !== undefined;
    if (!handedByCaller) lendToRuns(loaded);
    let pages: number;
    let searched: { pages: number; parts: number };
    try {
      pages = await timed(timings, 'render', () =>
        renderInShards(staging, shardCountFor(articles), options.quiet, (written) => search.addInBackground(searchPagesAmong(staging, written))),
      );
      // The pages are written: what is left is search, which needs no archive. Let go of this
      // build's own (the dev server keeps the one it handed over) so that the collections while
      // Pagefind finishes and the parts are merged walk a small heap. At 100,000 stories the merge
      // took 96 s with the archive held, 0.51 s per 1,000 pages against 0.24 at 10,000.
      if (!handedByCaller) {
        handOver(undefined);
        loaded.archive = undefined;
        forgetLoads();
        collectGarbage();
      }
      searched = await timed(timings, 'index', () => search.writeTo(staging));
    } finally {
      if (!handedByCaller) handOver(undefined);
      await search.close();
    }
    await writeFile(path.join(staging, SITE_MARKER), `Built by chronicle build; this folder is replaced by the next build.\n${inputs ? `Inputs: ${inputs.fingerprint}\n` : ''}`);
    const outputFiles = (await readdir(staging, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
    await swapIn(staging, outputDir);
    if (fingerprints && inputs) await fingerprints.save({ files: inputs.files, fingerprint: inputs.fingerprint, diagnostics, articles, pages, outputFiles });
    return { ok: true, diagnostics, articles, pages, timings, upToDate: false, search: searched };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Hands the loaded archive to the render runs. A function of its own: the handover object, made in
 * `buildSite`'s frame, stayed there as a temporary and kept the archive alive after its release.
 */
function lendToRuns(loaded: LoadedArchive): void {
  if (loaded.archive) handOver({ archive: loaded.archive, changes: undefined });
}

/**
 * The output folder is deleted and replaced, so it must be one Chronicle wrote: never the project,
 * the content or the layouts (`--output content` would otherwise delete every article), and never
 * a non-empty folder without the marker of an earlier build.
 */
async function assertReplaceable(outputDir: string, contentDir: string): Promise<void> {
  const protectedFolders = [process.cwd(), PACKAGE_ROOT, path.resolve(contentDir), LAYOUTS_DIR];
  for (const folder of protectedFolders) {
    if (outputDir === folder || folder.startsWith(`${outputDir}${path.sep}`) || outputDir.startsWith(`${path.resolve(contentDir)}${path.sep}`)) {
      throw new OutputFolderError(`refusing to build into ${outputDir}: it is or contains ${folder}, which the build would delete. Choose another --output, e.g. _site`);
    }
  }
  const entries = await readdir(outputDir).catch(() => undefined);
  if (entries && entries.length > 0 && !entries.includes(SITE_MARKER)) {
    throw new OutputFolderError(`refusing to replace ${outputDir}: it is not empty and was not written by chronicle build (no ${SITE_MARKER} file). Delete it yourself or choose another --output`);
  }
}

/** Puts the new site in place; if that fails, puts the previous one back before reporting. */
async function swapIn(staging: string, outputDir: string): Promise<void> {
  const exists = await stat(outputDir).then(() => true, () => false);
  if (!exists) {
    await rename(staging, outputDir);
    return;
  }
  const previous = `${staging}.previous`;
  await rename(outputDir, previous);
  try {
    await rename(staging, outputDir);
  } catch (error) {
    await rename(previous, outputDir);
    throw error;
  }
  // The new site is live; a leftover copy of the old one is untidy but harmless.
  await rm(previous, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * One Eleventy run per shard, one after another into the same folder, so that only one shard's
 * pages are held in memory at a time (src/eleventy/render-shards.ts); those of the runs before are
 * garbage, collected once there is enough of it (`collectorOfRuns`). Returns the pages written.
 */
async function renderInShards(outputDir: string, count: number, quiet: boolean, onWritten: (files: string[]) => void): Promise<number> {
  let pages = 0;
  const afterRun = collectorOfRuns();
  try {
    for (let index = 0; index < count; index++) {
      process.env[SHARD_ENV] = shardEnvironment({ index, count });
      const written = await runEleventy(outputDir, quiet);
      pages += written.length;
      onWritten(written);
      afterRun();
    }
  } finally {
    delete process.env[SHARD_ENV];
  }
  return pages;
}
