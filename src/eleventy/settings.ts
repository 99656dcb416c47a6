import { siteSchema, type Site } from '../site/site-config.ts';
import { shardFromEnvironment, type RenderShard } from './render-shards.ts';

/**
 * What the command line tells the Eleventy config. Eleventy loads `.eleventy.ts` itself, so the CLI
 * passes its choices through the environment, which also lets `npx @11ty/eleventy` use the same config.
 */
export interface ChronicleSettings {
  /** Folder of articles and registry entries. */
  contentDir: string;
  quiet: boolean;
  /** Where the site is published (see src/site/site-config.ts). */
  site: Site;
  /**
   * When Pagefind indexes the output: after each Eleventy build (plain `npx @11ty/eleventy`), or not
   * at all because the caller indexes itself (`chronicle build` as the shards are written,
   * `chronicle serve` in a child process).
   */
  searchIndex: SearchIndexMode;
  /** Which share of the pages this Eleventy run renders; `chronicle build` runs one per shard. */
  shard: RenderShard;
}

export type SearchIndexMode = 'after-build' | 'caller';

export const CONTENT_ENV = 'CHRONICLE_CONTENT';
export const QUIET_ENV = 'CHRONICLE_QUIET';
/** The checked site settings, as JSON. */
export const SITE_ENV = 'CHRONICLE_SITE';
export const SEARCH_INDEX_ENV = 'CHRONICLE_SEARCH_INDEX';

export const DEFAULT_SITE: Site = { title: 'Chronicle', url: null, pathPrefix: '/' };

export function settingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): ChronicleSettings {
  const site = env[SITE_ENV] ? siteSchema.parse(JSON.parse(env[SITE_ENV])) : DEFAULT_SITE;
  const mode = env[SEARCH_INDEX_ENV];
  const searchIndex: SearchIndexMode = mode === 'caller' ? mode : 'after-build';
  return { contentDir: env[CONTENT_ENV] || 'content', quiet: env[QUIET_ENV] === '1', site, searchIndex, shard: shardFromEnvironment(env) };
}
