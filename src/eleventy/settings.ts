/**
 * What the command line tells the Eleventy config. Eleventy loads `.eleventy.ts` itself, so the CLI
 * passes its choices through the environment, which also lets `npx @11ty/eleventy` use the same config.
 */
export interface ChronicleSettings {
  /** Folder of articles and registry entries. */
  contentDir: string;
  quiet: boolean;
}

export const CONTENT_ENV = 'CHRONICLE_CONTENT';
export const QUIET_ENV = 'CHRONICLE_QUIET';

export function settingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): ChronicleSettings {
  return { contentDir: env[CONTENT_ENV] || 'content', quiet: env[QUIET_ENV] === '1' };
}
