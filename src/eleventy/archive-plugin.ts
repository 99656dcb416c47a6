import type { UserConfig } from '@11ty/eleventy';
import { loadArchive } from '../archive/load-archive.ts';
import { ContentError, hasErrors } from '../content/diagnostic.ts';
import type { ChronicleSettings } from './settings.ts';

/**
 * Hands the finished archive to Eleventy as global data (`archive`). Eleventy only renders it:
 * loading, validation and linking are the pure functions behind `loadArchive`.
 */
export function archivePlugin(eleventyConfig: UserConfig, settings: ChronicleSettings): void {
  eleventyConfig.addGlobalData('archive', async () => {
    const { archive, diagnostics } = await loadArchive(settings.contentDir);
    if (!archive || hasErrors(diagnostics)) throw new ContentError(diagnostics);
    return archive;
  });
  // Content lives outside Eleventy's input folder; watch it so the dev server rebuilds on edits.
  eleventyConfig.addWatchTarget(settings.contentDir);
}
