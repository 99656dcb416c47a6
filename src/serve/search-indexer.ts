import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'index-search.ts');

export interface SearchIndexerOptions {
  siteDir: string;
  log: (line: string) => void;
  error: (line: string) => void;
  /** Quiet time after the last rebuild before indexing starts: saves in a row are indexed once. */
  delayMs?: number;
  /** Called when an index was written and no other is due. */
  onIndexed?: () => void;
}

/**
 * Keeps the dev server's search index up to date, in the background. Re-indexing a 10,000-article
 * site takes tens of seconds, and the edited page should reload without waiting for it, so each
 * rebuild only asks for an index; one runs after a short quiet spell, never two at once, and a
 * request made while one runs makes one more run after it.
 *
 * It runs in a child process at the lowest CPU priority, for three reasons: the next save's rebuild
 * gets the cores first; stopping the server ends it at once (an in-process index cannot be cut
 * short); and a Pagefind crash ends only the child, whose own words become the message. (In
 * process, Pagefind's API never settles when its binary panics, and later calls fail with
 * "backend is closed: [object Object]".)
 */
export class SearchIndexer {
  private child: ChildProcess | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pending = false;
  private stopped = false;
  private idle: Array<() => void> = [];
  /** Indexers ended by `cancel`: their end is not a failure to report. */
  private readonly cancelled = new WeakSet<ChildProcess>();

  constructor(private readonly options: SearchIndexerOptions) {}

  request(): void {
    if (this.stopped) return;
    this.pending = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.startIfDue(), this.options.delayMs ?? 1000);
  }

  /** Resolves once no index is running or due (for tests). */
  whenIdle(): Promise<void> {
    return !this.child && !this.pending ? Promise.resolve() : new Promise((resolve) => this.idle.push(resolve));
  }

  /**
   * Ends a running index and forgets one that was due, for a whole-site build that writes its own
   * index and swaps the folder: an index of the old pages finishing after it would overwrite the new
   * one, and then vouch for it. Resolves once the indexer has exited, with whether one was running
   * or due (if the build fails, the caller asks again). Later requests start indexes as before.
   */
  async cancel(): Promise<boolean> {
    clearTimeout(this.timer);
    const child = this.child;
    const had = this.pending || child !== undefined;
    this.pending = false;
    if (child && child.exitCode === null && child.signalCode === null) {
      this.cancelled.add(child);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    this.settle();
    return had;
  }

  /** Ends a running index at once; nothing more is started. */
  stop(): void {
    this.stopped = true;
    void this.cancel();
  }

  private startIfDue(): void {
    if (this.stopped || this.child || !this.pending) return;
    this.pending = false;
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), SCRIPT, this.options.siteDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    // Its Pagefind binary, started later, inherits the priority.
    if (child.pid !== undefined) {
      try {
        os.setPriority(child.pid, 19);
      } catch {
        // Not allowed here: it then runs at normal priority, which is only slower for the next save.
      }
    }
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-20_000)));
    const done = (code: number | null, signal: NodeJS.Signals | null, spawnError?: Error) => {
      if (this.child !== child) return;
      this.child = undefined;
      if (!this.stopped && !this.cancelled.has(child)) {
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const pages = /"pages":(\d+)/.exec(stdout)?.[1];
        if (code === 0 && pages !== undefined) {
          this.options.log(`[chronicle] search index: ${pages} pages (${seconds} s)`);
          if (!this.pending) this.options.onIndexed?.();
        } else this.options.error(`[chronicle] search index failed: ${spawnError ? `could not start the indexer: ${spawnError.message}` : describeFailure(stderr, code, signal)}`);
      }
      if (this.pending) this.startIfDue();
      this.settle();
    };
    child.on('error', (error) => done(null, null, error));
    child.on('exit', (code, signal) => done(code, signal));
  }

  private settle(): void {
    if (this.child || this.pending) return;
    for (const resolve of this.idle.splice(0)) resolve();
  }
}

/**
 * The indexer's last words. A Pagefind panic is reported by the binary on stderr ("thread 'main'
 * panicked at <place>:\n<reason>") and the indexer then exits without an answer; say that.
 */
export function describeFailure(stderr: string, code: number | null, signal: NodeJS.Signals | null): string {
  const panic = /panicked at ([^\n]*?):?\n([^\n]+)/.exec(stderr);
  if (panic) return `Pagefind crashed: ${panic[2]!.trim()} (at ${panic[1]!.trim()})`;
  const lines = stderr.split('\n').map((line) => line.trimEnd()).filter((line) => line && !/^\s+at /.test(line));
  if (lines.length > 0) return lines.slice(-5).join('\n');
  return signal ? `the indexer was stopped by ${signal}` : `the indexer exited with code ${code} without a message`;
}
