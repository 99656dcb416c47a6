import { spawn } from 'node:child_process';
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { collectGarbage } from '../build/collect-garbage.ts';
import { displayPath } from '../content/content-files.ts';
import { CONTENT_ENV, QUIET_ENV, SEARCH_INDEX_ENV, SITE_ENV } from '../eleventy/settings.ts';
import { ContentWatcher } from '../serve/content-watcher.ts';
import { startLiveServer, type LiveServer } from '../serve/live-server.ts';
import { SEARCH_SCRATCH_PREFIX } from '../search/pagefind-index.ts';
import { SearchIndexer } from '../serve/search-indexer.ts';
import { SiteUpdater, type UpdateResult } from '../serve/site-updater.ts';
import type { Site } from '../site/site-config.ts';
import { reportDiagnostics } from './report.ts';

export interface ServeOptions {
  contentDir: string;
  outputDir: string;
  port: number;
  site: Site;
}

/**
 * The dev server: builds the site (or finds it built), serves it with live reload, and after each
 * save brings it up to date (src/serve/site-updater.ts), the page open in the browser reloading as
 * soon as the edited pages are written. Search is re-indexed in the background.
 *
 * A content error, in the first build or any later one, is printed with its file and line and the
 * server keeps serving the last good site; the next save that fixes it rebuilds. Ctrl-C (SIGINT)
 * or SIGTERM stops it at once, whatever it is doing: a rebuild cut short leaves the folder for the
 * next `chronicle build` to replace (the site marker no longer vouches for it).
 */
export async function runServe(options: ServeOptions): Promise<number> {
  const startedAt = Date.now();
  const outputDir = path.resolve(options.outputDir);
  // Listening for the signals comes first: stopping must work at any moment, even during startup.
  let stopping = false;
  let cleanUp: () => Promise<unknown> = async () => undefined;
  const stopped = new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      // A second Ctrl-C while the first is being handled: leave now.
      if (stopping) process.exit(130);
      stopping = true;
      console.log(`[chronicle] ${signal}: stopping`);
      // Closing the sockets and the watcher takes milliseconds; never wait long for it. A rebuild
      // under way is not waited for: exiting is what stops it.
      void Promise.race([cleanUp(), new Promise((done) => setTimeout(done, 1000).unref())]).then(() => {
        resolve(0);
        process.exit(0);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

  process.env[CONTENT_ENV] = options.contentDir;
  process.env[QUIET_ENV] = '1';
  process.env[SITE_ENV] = JSON.stringify(options.site);
  // Eleventy's runs never index; the indexer below does, in the background.
  process.env[SEARCH_INDEX_ENV] = 'caller';
  await mkdir(outputDir, { recursive: true });

  const server = await startLiveServer(outputDir, options.port, options.site.pathPrefix);
  // Updates, and vouching for the folder once they settle, run one at a time; saves made meanwhile
  // are gathered into one more update.
  let running = false;
  let due = false;
  let vouchDue = false;
  let saved: string[] = [];
  const work = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      while (!stopping && (due || vouchDue)) {
        if (due) {
          due = false;
          vouchDue = false;
          const files = saved;
          saved = [];
          if (files.length > 0) console.log(`[chronicle] ${describeSaved(files)}; rebuilding`);
          const result = await updater.update().catch((error: unknown): UpdateResult => ({ kind: 'failed', error, diagnostics: [] }));
          // An index that finished during this update read the folder before it: vouching on its
          // word would record a site whose search misses the edit. The next index says when.
          vouchDue = false;
          if (!stopping) report(result, server, indexer);
          if (indexCancelled && !(result.kind === 'updated' && result.full && !result.upToDate)) indexer.request();
          indexCancelled = false;
          // The browser has its reload; collect this update's garbage now rather than in the middle
          // of the next one. Measured at 10,000 stories, in process: eight title saves took 0.9–1.9 s
          // without it and 1.1–1.6 s with it.
          if (!due) collectGarbage();
        } else {
          vouchDue = false;
          const vouched = await updater.vouch().catch((error: unknown) => console.error(`[chronicle] could not record the site as built: ${describeError(error)}`));
          if (vouched) console.log(`[chronicle] ${options.outputDir}/ is recorded as built from this content: the next build or start finds it up to date.`);
        }
      }
    } finally {
      running = false;
    }
  };
  const rebuild = () => {
    due = true;
    void work();
  };
  const indexer = new SearchIndexer({
    siteDir: outputDir,
    log: (line) => console.log(line),
    error: (line) => console.error(line),
    onIndexed: () => {
      vouchDue = true;
      void work();
    },
  });
  // A whole-site build writes its own index into the folder it swaps in; one running meanwhile on
  // the old folder is ended first (src/serve/search-indexer.ts), and asked for again if the build fails.
  let indexCancelled = false;
  const updater = new SiteUpdater({
    contentDir: options.contentDir,
    outputDir,
    site: options.site,
    beforeFullBuild: async () => {
      indexCancelled = (await indexer.cancel()) || indexCancelled;
    },
  });
  const watcher = new ContentWatcher(options.contentDir, (files) => {
    saved.push(...files);
    rebuild();
  });
  cleanUp = () => {
    indexer.stop();
    return Promise.allSettled([watcher.close(), server.close(), removeStaging(outputDir, startedAt)]);
  };
  if (stopping) await cleanUp();
  console.log(`Chronicle is serving ${options.contentDir}/ at ${server.url} — edit and save to rebuild.`);
  console.log('[chronicle] building the site…');
  rebuild();
  return stopped;
}

function report(result: UpdateResult, server: LiveServer, indexer: SearchIndexer): void {
  switch (result.kind) {
    case 'content-errors':
      reportDiagnostics(result.diagnostics);
      console.error('[chronicle] The site was not updated: fix the errors above and save again. Still serving the last good build.');
      server.sendError(new Error('Chronicle: the content has errors; see the terminal. The page shows the last good build.'));
      return;
    case 'failed': {
      reportDiagnostics(result.diagnostics);
      const message = describeError(result.error);
      console.error(`[chronicle] Rebuild failed: ${message}\nStill serving; the next save tries again.`);
      server.sendError(new Error(`Chronicle: rebuild failed: ${message.split('\n')[0]}`));
      return;
    }
    case 'unchanged':
      console.log('[chronicle] Nothing changed.');
      return;
    case 'updated':
      reportDiagnostics(result.diagnostics);
      if (result.full) {
        console.log(result.upToDate
          ? `[chronicle] The site was already built from this content (${result.seconds.toFixed(1)} s).`
          : `[chronicle] Built the whole site in ${result.seconds.toFixed(1)} s.`);
      } else {
        console.log(`[chronicle] Wrote ${result.files.length} files${result.removed.length > 0 ? `, removed ${result.removed.length} pages` : ''} in ${result.seconds.toFixed(2)} s.`);
      }
      server.reload(result.files);
      // A full build indexed the site itself.
      if (!result.full) indexer.request();
      return;
  }
}

function describeSaved(files: readonly string[]): string {
  const names = files.slice(0, 3).map((file) => displayPath(file));
  return `changed: ${names.join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}`;
}

/** Eleventy wraps the real problem in layers of errors: each layer's message, the deepest with its place. */
function describeError(error: unknown): string {
  const layers: string[] = [];
  let current: unknown = error;
  while (current instanceof Error && layers.length < 6) {
    layers.push(current.message);
    current = (current as Error & { originalError?: unknown }).originalError ?? current.cause;
  }
  if (current !== undefined && !(current instanceof Error)) layers.push(typeof current === 'string' ? current : JSON.stringify(current) ?? String(current));
  return layers.length > 0 ? layers.join('\n  caused by: ') : String(error);
}

/**
 * `chronicle build` renders into a staging folder beside the output and swaps it in at the end; a
 * server stopped during its first build leaves that folder behind, a large one for a large site.
 * It is removed by a process of its own, so stopping does not wait for the deletion.
 */
async function removeStaging(outputDir: string, since: number): Promise<void> {
  const parent = path.dirname(outputDir);
  const prefix = `.${path.basename(outputDir)}.staging-`;
  // The search indexer's parts too: it is stopped by a signal, before its own clean-up runs.
  const names = (await readdir(parent).catch(() => [] as string[])).filter((name) => name.startsWith(prefix) || name.startsWith(SEARCH_SCRATCH_PREFIX));
  for (const name of names) {
    const folder = path.join(parent, name);
    const info = await stat(folder).catch(() => undefined);
    if (!info || info.mtimeMs < since) continue;
    const remover = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', folder], { detached: true, stdio: 'ignore' });
    remover.unref();
  }
}
