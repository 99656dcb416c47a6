import path from 'node:path';
import { Eleventy } from '@11ty/eleventy';
import { loadArchive } from '../archive/load-archive.ts';
import { CONTENT_ENV, INCREMENTAL_ENV, QUIET_ENV, SEARCH_INDEX_ENV, SITE_ENV } from '../eleventy/settings.ts';
import type { Site } from '../site/site-config.ts';
import { ELEVENTY_CONFIG, LAYOUTS_DIR } from '../paths.ts';
import { reportDiagnostics } from './report.ts';

export interface ServeOptions {
  contentDir: string;
  outputDir: string;
  port: number;
  site: Site;
}

/**
 * Eleventy's dev server with live reload. Each rebuild re-reads the content folder (edits to articles
 * are watched) and re-indexes the output with Pagefind, so search works while editing.
 */
export async function runServe(options: ServeOptions): Promise<number> {
  const { diagnostics } = await loadArchive(options.contentDir);
  reportDiagnostics(diagnostics);
  process.env[CONTENT_ENV] = options.contentDir;
  process.env[QUIET_ENV] = '1';
  process.env[SITE_ENV] = JSON.stringify(options.site);
  process.env[SEARCH_INDEX_ENV] = 'background';
  process.env[INCREMENTAL_ENV] = '1';
  const eleventy = new Eleventy(path.relative(process.cwd(), LAYOUTS_DIR) || '.', options.outputDir, {
    configPath: ELEVENTY_CONFIG,
    runMode: 'serve',
    quietMode: true,
  });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(options.port);
  console.log(`Chronicle is serving ${options.contentDir}/ at http://localhost:${options.port}${options.site.pathPrefix} — edit and save to rebuild.`);
  // Keep running until the editor stops the server.
  return new Promise<number>((resolve) => {
    const stop = async () => {
      await eleventy.stopWatch();
      resolve(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
