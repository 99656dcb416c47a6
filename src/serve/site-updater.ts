import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ArchiveChanges } from '../archive/archive-changes.ts';
import type { Archive } from '../archive/archive.ts';
import { cacheFolder, changedBetween, keepForEdits, loadArchive, type FileStamps, type LoadedArchive } from '../archive/load-archive.ts';
import { BuildFingerprints } from '../build/build-fingerprint.ts';
import { buildSite, SITE_MARKER } from '../build/build-site.ts';
import { runEleventy } from '../build/eleventy-run.ts';
import { listContentFiles } from '../content/content-files.ts';
import type { Diagnostic } from '../content/diagnostic.ts';
import { handOver } from '../eleventy/handover.ts';
import { SHARD_ENV } from '../eleventy/render-shards.ts';
import type { Site } from '../site/site-config.ts';
import { prunePages } from './prune-pages.ts';

export interface SiteUpdaterOptions {
  contentDir: string;
  outputDir: string;
  site: Site;
  /** Called before a whole-site build replaces the folder (the dev server ends its background search index then). */
  beforeFullBuild?: () => Promise<void>;
}

export type UpdateResult =
  /** The content has errors; the site was left as it was. */
  | { kind: 'content-errors'; diagnostics: Diagnostic[] }
  /** Rendering failed; the site may be partly updated, and the next update re-renders what this one tried. */
  | { kind: 'failed'; error: unknown; diagnostics: Diagnostic[] }
  | { kind: 'unchanged'; diagnostics: Diagnostic[] }
  /** `files`: the output files written (absolute paths). `full`: the whole site, in shards. */
  | { kind: 'updated'; full: boolean; upToDate: boolean; files: string[]; removed: string[]; diagnostics: Diagnostic[]; seconds: number };

/**
 * Brings the dev server's output folder up to date with the content folder, one update at a time.
 *
 * The first update, and any that follows an edit of the registry or events (a renamed entity shows
 * on every page that names it), is `chronicle build` itself: rendered in shards so that a
 * 10,000-article site fits in memory, into a staging folder swapped in at the end; it says
 * "nothing changed" at once when the folder already holds the site of this content.
 *
 * After an article edit, one Eleventy run renders only the pages the edit touched (ArchiveChanges),
 * with the archive and the changes handed over in process (src/eleventy/handover.ts), then removes
 * the pages that no longer exist (src/serve/prune-pages.ts). The result is byte for byte what a
 * full build writes (tests/build/serve-incremental.test.ts).
 */
export class SiteUpdater {
  /** What the output folder shows; undefined until the first full build succeeds. */
  private rendered: { archive: Archive; stamps: FileStamps; diagnostics: Diagnostic[] } | undefined;
  /** Whether pages were written since the folder was last vouched for (by a build or by `vouch`). */
  private disowned = false;
  /** Pages an update that failed halfway may have written: the next update renders them again. */
  private unfinished: ArchiveChanges | undefined;

  constructor(private readonly options: SiteUpdaterOptions) {
    // Saves follow: loading keeps what makes the next load after one cheap.
    keepForEdits();
  }

  async update(): Promise<UpdateResult> {
    const started = performance.now();
    const loaded = await loadArchive(this.options.contentDir);
    if (!loaded.archive) return { kind: 'content-errors', diagnostics: loaded.diagnostics };
    const seconds = () => (performance.now() - started) / 1000;
    const rendered = this.rendered;
    if (!rendered) return this.full(loaded, loaded.archive, seconds);

    const changed = changedBetween(rendered.stamps, loaded.stamps);
    if (changed.others) return this.full(loaded, loaded.archive, seconds);
    if (changed.articles.length === 0 && !this.unfinished) return { kind: 'unchanged', diagnostics: loaded.diagnostics };

    const edited = new Set(changed.articles);
    const idsIn = (archive: Archive) => archive.articles.filter((article) => edited.has(article.file)).map((article) => article.id);
    let changes = ArchiveChanges.between(rendered.archive, loaded.archive, new Set([...idsIn(rendered.archive), ...idsIn(loaded.archive)]));
    if (this.unfinished) changes = changes.with(this.unfinished);
    // From the first page written on, the marker no longer vouches for the folder: were the server
    // stopped halfway, the next `chronicle build` must not take it for the site of this content.
    await this.disownMarker();
    this.unfinished = changes;
    try {
      const files = await renderOnce(this.options.outputDir, { archive: loaded.archive, changes });
      const removed = await prunePages(this.options.outputDir, rendered.archive, loaded.archive, files, changes.wholeArchive);
      this.rendered = { archive: loaded.archive, stamps: loaded.stamps, diagnostics: loaded.diagnostics };
      this.unfinished = undefined;
      return { kind: 'updated', full: false, upToDate: false, files, removed, diagnostics: loaded.diagnostics, seconds: seconds() };
    } catch (error) {
      return { kind: 'failed', error, diagnostics: loaded.diagnostics };
    }
  }

  /** `chronicle build` into the output folder, rendering the archive just loaded. */
  private async full(loaded: LoadedArchive, archive: Archive, seconds: () => number): Promise<UpdateResult> {
    handOver({ archive, changes: undefined });
    try {
      await this.options.beforeFullBuild?.();
      const result = await buildSite({ contentDir: this.options.contentDir, outputDir: this.options.outputDir, quiet: true, site: this.options.site });
      if (!result.ok) return { kind: 'content-errors', diagnostics: result.diagnostics };
      // The build checks whether the folder is up to date a moment after the load above; a save in
      // between would leave unknown what the folder shows, so then the next update builds again.
      const now = await loadArchive(this.options.contentDir);
      const movedOn = changedBetween(loaded.stamps, now.stamps);
      const settled = movedOn.articles.length === 0 && !movedOn.others;
      if (result.upToDate && !settled) {
        this.rendered = undefined;
      } else {
        this.rendered = { archive, stamps: loaded.stamps, diagnostics: result.diagnostics };
        this.disowned = false;
        if (!settled) await this.disownMarker();
      }
      this.unfinished = undefined;
      return { kind: 'updated', full: true, upToDate: result.upToDate, files: [], removed: [], diagnostics: result.diagnostics, seconds: seconds() };
    } catch (error) {
      // buildSite leaves the folder as it was: what the output shows is still `rendered`.
      return { kind: 'failed', error, diagnostics: loaded.diagnostics };
    } finally {
      handOver(undefined);
    }
  }

  private async disownMarker(): Promise<void> {
    this.disowned = true;
    await writeFile(path.join(this.options.outputDir, SITE_MARKER), 'Built by chronicle build, then updated by chronicle serve; this folder is replaced by the next build.\n');
  }

  /**
   * Once updates have settled and the search index is written, the folder holds what `chronicle
   * build` writes for this content (the updates' pages are byte for byte a full build's, which
   * tests/build/serve-incremental.test.ts checks), so it is recorded as such: the next build, or
   * the next start of the server, finds the site up to date instead of rendering 10,000 articles
   * again. Only when the content is still exactly what was rendered. Returns whether it vouched.
   */
  async vouch(): Promise<boolean> {
    const rendered = this.rendered;
    const cache = cacheFolder();
    // With an address configured, a build also writes the sitemap of every page, which a partial
    // run does not keep up to date (it gathers addresses only from the pages it renders).
    if (!rendered || !this.disowned || this.unfinished || !cache || this.options.site.url) return false;
    const { contentDir, outputDir, site } = this.options;
    const fingerprints = BuildFingerprints.forOutput(cache, outputDir);
    const inputs = await fingerprints.compute({ contentDir, settings: site });
    const listing = await listContentFiles(contentDir);
    const root = path.resolve(contentDir);
    const same = listing.files.length === rendered.stamps.size && listing.files.every((file) => {
      const then = rendered.stamps.get(file.absolutePath)?.stamp;
      const now = inputs.files[path.relative(root, file.absolutePath)];
      return then !== undefined && now !== undefined && then === `${now.size}:${now.mtimeMs}`;
    });
    if (!same || this.rendered !== rendered) return false;
    await writeFile(path.join(outputDir, SITE_MARKER), `Built by chronicle build; this folder is replaced by the next build.\nInputs: ${inputs.fingerprint}\n`);
    const files = (await readdir(outputDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    const pages = files.filter((entry) => !path.relative(outputDir, entry.parentPath).split(path.sep).includes('pagefind') && entry.name !== SITE_MARKER).length;
    await fingerprints.save({ files: inputs.files, fingerprint: inputs.fingerprint, diagnostics: rendered.diagnostics, articles: rendered.archive.articles.length, pages, outputFiles: files.length });
    this.disowned = false;
    return true;
  }
}

/** One Eleventy run over the whole site (no shards: it renders only the changed pages); returns the files written. */
async function renderOnce(outputDir: string, handover: { archive: Archive; changes: ArchiveChanges }): Promise<string[]> {
  handOver(handover);
  delete process.env[SHARD_ENV];
  try {
    return await runEleventy(outputDir, true);
  } finally {
    handOver(undefined);
  }
}
