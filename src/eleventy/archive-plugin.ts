import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { UserConfig } from '@11ty/eleventy';
import { loadArchive } from '../archive/load-archive.ts';
import { ContentError, hasErrors } from '../content/diagnostic.ts';
import { LAYOUTS_DIR } from '../paths.ts';
import { handedOver } from './handover.ts';
import type { ChronicleSettings } from './settings.ts';

/** The only templates that show a story's text (src/render/story-text.ts): its page and the feeds (the site's). */
const TEXT_TEMPLATES = ['article.11ty.ts', 'feed-atom.11ty.ts', 'feed-json.11ty.ts'];

/**
 * Hands the finished archive to Eleventy as global data (`archive`). Eleventy only renders it:
 * loading, validation and linking are the pure functions behind `loadArchive`.
 *
 * In the dev server the archive comes from src/eleventy/handover.ts, with `changes`: which pages an
 * edit touched, so a save in a 10,000-article archive re-renders a few dozen pages instead of all
 * of them. `changes` is absent (render everything) everywhere else.
 * `shard` tells the layouts which share of the pages this run writes (src/eleventy/render-shards.ts).
 */
export function archivePlugin(eleventyConfig: UserConfig, settings: ChronicleSettings): void {
  eleventyConfig.addGlobalData('archive', async () => {
    const handover = handedOver();
    if (handover) return handover.archive;
    const loaded = await loadArchive(settings.contentDir);
    if (!loaded.archive || hasErrors(loaded.diagnostics)) throw new ContentError(loaded.diagnostics);
    return loaded.archive;
  });
  eleventyConfig.addGlobalData('changes', () => handedOver()?.changes);
  // After an edit of nothing but a story's text, only the templates that show text can render
  // other bytes than before: Eleventy skips the others, and their pages stay as they are.
  if (handedOver()?.changes?.textOnly) {
    const layouts = path.relative(process.cwd(), LAYOUTS_DIR) || '.';
    for (const name of readdirSync(LAYOUTS_DIR)) {
      if (name.endsWith('.11ty.ts') && !TEXT_TEMPLATES.includes(name)) eleventyConfig.ignores.add(path.join(layouts, name));
    }
  }
  eleventyConfig.addGlobalData('shard', settings.shard);
  // Content lives outside Eleventy's input folder; watch it so `npx @11ty/eleventy --serve` rebuilds on edits.
  eleventyConfig.addWatchTarget(settings.contentDir);
}
