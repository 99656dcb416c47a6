import { siteSchema, type Site } from '../site/site-config.ts';

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
}

export const CONTENT_ENV = 'CHRONICLE_CONTENT';
export const QUIET_ENV = 'CHRONICLE_QUIET';
/** The checked site settings, as JSON. */
export const SITE_ENV = 'CHRONICLE_SITE';

export const DEFAULT_SITE: Site = { title: 'Chronicle', url: null, pathPrefix: '/' };

export function settingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): ChronicleSettings {
  const site = env[SITE_ENV] ? siteSchema.parse(JSON.parse(env[SITE_ENV])) : DEFAULT_SITE;
  return { contentDir: env[CONTENT_ENV] || 'content', quiet: env[QUIET_ENV] === '1', site };
}
