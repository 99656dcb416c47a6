import type { UserConfig } from '@11ty/eleventy';
import { ArchiveChanges } from '../archive/archive-changes.ts';
import type { Archive } from '../archive/archive.ts';
import { loadArchive } from '../archive/load-archive.ts';
import { ContentError, hasErrors } from '../content/diagnostic.ts';
import type { ChronicleSettings } from './settings.ts';

/**
 * Hands the finished archive to Eleventy as global data (`archive`). Eleventy only renders it:
 * loading, validation and linking are the pure functions behind `loadArchive`.
 *
 * In the dev server, `changes` also tells the layouts which pages an edit touched, so a save in a
 * 10,000-article archive re-renders a few dozen pages instead of all of them. It is absent (render
 * everything) on the first build, after a failed one, and when anything but articles changed.
 * `shard` tells them which share of the pages this run writes (src/eleventy/render-shards.ts).
 */
export function archivePlugin(eleventyConfig: UserConfig, settings: ChronicleSettings): void {
  let rendered: Archive | undefined;
  const load = async () => {
    const loaded = await loadArchive(settings.contentDir);
    if (!loaded.archive || hasErrors(loaded.diagnostics)) throw new ContentError(loaded.diagnostics);
    return { ...loaded, archive: loaded.archive };
  };
  eleventyConfig.addGlobalData('archive', async () => (await load()).archive);
  eleventyConfig.addGlobalData('changes', async () => {
    if (!settings.incremental) return undefined;
    const { archive, changedFiles } = await load();
    const previous = rendered;
    rendered = archive;
    if (!previous || previous === archive || !changedFiles || changedFiles.others || changedFiles.articles.length === 0) return undefined;
    const edited = new Set(changedFiles.articles);
    const byFile = (source: Archive) => source.articles.filter((article) => edited.has(article.file)).map((article) => article.id);
    return ArchiveChanges.between(previous, archive, new Set([...byFile(previous), ...byFile(archive)]));
  });
  eleventyConfig.addGlobalData('shard', settings.shard);
  // Content lives outside Eleventy's input folder; watch it so the dev server rebuilds on edits.
  eleventyConfig.addWatchTarget(settings.contentDir);
}
