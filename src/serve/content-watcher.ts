import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

/**
 * Watches the content folder and calls `onChange` with the files saved, added or removed, a batch
 * at a time. An editor's save can arrive as several events (truncate, write; or write aside and
 * rename), so events are gathered until the folder has been quiet for `settleMs`; a run that reads
 * a half-written file anyway is followed by another for the rest of the save.
 *
 * Only the content folder is watched: Chronicle's own layouts and code are not content, and a
 * change to them needs a restart (Eleventy's watch mode used to rebuild on those, but kept every
 * page of the site in memory to do so).
 */
export class ContentWatcher {
  private readonly watcher: FSWatcher;
  private readonly batch = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(contentDir: string, onChange: (files: string[]) => void, settleMs = 20) {
    this.watcher = watch(path.resolve(contentDir), {
      ignoreInitial: true,
      // Editors' swap and backup files, and hidden folders: Chronicle does not read them either.
      ignored: (file) => path.basename(file).startsWith('.') || path.basename(file) === 'node_modules',
      // Editors that save by deleting and re-creating a file report one change, not unlink + add.
      atomic: true,
    });
    const flush = () => {
      const files = [...this.batch];
      this.batch.clear();
      if (files.length > 0) onChange(files);
    };
    this.watcher.on('all', (_event, file) => {
      this.batch.add(file);
      clearTimeout(this.timer);
      this.timer = setTimeout(flush, settleMs);
    });
    // chokidar reports a folder it cannot read, or the system's limit of watches, as an 'error'
    // event; unheard, Node would throw it and stop the server. Editing goes on without that folder.
    this.watcher.on('error', (error) => console.error(`[chronicle] cannot watch part of ${contentDir}/: ${error instanceof Error ? error.message : String(error)}`));
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    await this.watcher.close();
  }
}
