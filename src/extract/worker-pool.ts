import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article } from '../content/schemas.ts';
import { extractArticle } from './extract-article.ts';
import { pack } from './packed-extraction.ts';
import type { RegistryEntry, RegistryIndex } from './registry-index.ts';

/** What a worker is sent of an article: the fields extraction reads, the text it reads, and the file for error messages. */
export interface ExtractionJob extends Pick<Article, 'title' | 'summary' | 'language' | 'date' | 'day'> {
  file: string;
  text: string;
}

/**
 * An extraction as workers send it back: the packed JSON the cache stores (see packed-extraction.ts).
 * A third of the size of the extraction itself, read back with one JSON.parse instead of a
 * structured clone, and ready to be cached as it is.
 */
export type PackedResult = string;

export function extractPacked(job: ExtractionJob, index: RegistryIndex): PackedResult {
  return JSON.stringify(pack(extractArticle(job, index, job.text), job.text));
}

export interface ToWorker {
  batch: number;
  jobs: ExtractionJob[];
}

export type ToPool =
  | { type: 'ready' }
  | { type: 'done'; batch: number; results: PackedResult[] }
  | { type: 'failed'; batch: number; file: string; message: string; stack: string };

export interface PoolOptions {
  workers: number;
  registry: readonly RegistryEntry[];
  /** Takes each result as it arrives, with the job it answers (whose text is let go after). */
  onResult: (index: number, result: PackedResult, job: ExtractionJob) => void;
  /**
   * Extracts one article in this thread. When given, this thread takes batches as well, between
   * handling the workers' messages: it is one more core at work, and it extracts from the start
   * while the workers spend most of a second loading the extractors.
   */
  helper?: ((job: ExtractionJob) => PackedResult) | undefined;
}

/**
 * How many threads extract: `requested` (an option), else CHRONICLE_WORKERS, else one per core.
 * A count someone asked for is `exact`: it is used as given, so it can be measured and tested.
 */
export function workerCount(requested: number | undefined, env: NodeJS.ProcessEnv = process.env): { workers: number; exact: boolean } {
  if (requested !== undefined) return { workers: validCount(requested, 'the workers option'), exact: true };
  const setting = env.CHRONICLE_WORKERS?.trim();
  if (setting) return { workers: validCount(Number(setting), `CHRONICLE_WORKERS="${setting}"`), exact: true };
  return { workers: os.availableParallelism(), exact: false };
}

function validCount(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${what} is not a number of threads: use a whole number from 1 (extract in this thread) up`);
  return value;
}

/** Articles per message: big enough that messaging costs little, small enough that workers finish together. */
const MAX_BATCH = 32;
/** Batches a worker holds at once, so it never waits for the next one. */
const IN_FLIGHT = 2;

/**
 * Extracts `count` articles across worker threads, handing each packed result to `onResult` with
 * its index, whichever thread extracted it. Jobs are made as they are sent (`jobAt`) and dropped
 * when answered, so a large archive's texts are never all held at once. A worker that fails or
 * dies, or an `onResult` that throws, rejects the whole run, naming the article when it can; the
 * workers are always stopped before this returns.
 */
export async function extractInWorkers(count: number, jobAt: (index: number) => ExtractionJob, options: PoolOptions): Promise<void> {
  if (count === 0) return;
  const run = new Run(count, jobAt, options);
  try {
    await run.finished();
  } finally {
    await run.stop();
  }
}

class Run {
  private readonly size: number;
  private readonly batches: number;
  /** Batches handed out and not yet answered, with their jobs, oldest first. */
  private readonly out = new Map<number, ExtractionJob[]>();
  private readonly threads: Worker[] = [];
  private next = 0;
  private answered = 0;
  private over = false;
  private readonly done: Promise<void>;
  private settle!: { resolve: () => void; reject: (error: Error) => void };

  constructor(
    private readonly count: number,
    private readonly jobAt: (index: number) => ExtractionJob,
    private readonly options: PoolOptions,
  ) {
    this.size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(count / (Math.max(1, options.workers) * 8))));
    this.batches = Math.ceil(count / this.size);
    this.done = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    // Awaited in finished(); this keeps a failure that lands while this thread is extracting from going unhandled.
    this.done.catch(() => {});
    for (let i = 0; i < options.workers; i++) this.start();
  }

  async finished(): Promise<void> {
    if (this.options.helper) await this.help(this.options.helper);
    await this.done;
  }

  async stop(): Promise<void> {
    this.over = true;
    await Promise.all(this.threads.map((worker) => worker.terminate()));
  }

  /**
   * This thread's share: new batches while there are any, then copies of batches still out with a
   * worker. A worker that has just started is slow, and this thread would otherwise wait for it
   * at the end; whichever answer comes first counts (they are the same).
   */
  private async help(extract: (job: ExtractionJob) => PackedResult): Promise<void> {
    const copied = new Set<number>();
    while (!this.over) {
      const batch = this.next < this.batches ? this.take() : [...this.out.keys()].find((out) => !copied.has(out));
      if (batch === undefined) return;
      copied.add(batch);
      const results: PackedResult[] = [];
      for (const job of this.out.get(batch) ?? []) {
        if (this.over) return;
        try {
          results.push(extract(job));
        } catch (error) {
          throw new Error(`extraction failed on ${job.file}: ${(error as Error).message}`, { cause: error });
        }
      }
      this.complete(batch, results);
      // Lets the workers' messages in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private start(): void {
    const worker = new Worker(BOOT, { eval: true, workerData: { registry: this.options.registry } });
    this.threads.push(worker);
    worker.on('message', (message: ToPool) => {
      if (this.over) return;
      if (message.type === 'ready') {
        for (let k = 0; k < IN_FLIGHT; k++) this.send(worker);
      } else if (message.type === 'done') {
        this.complete(message.batch, message.results);
        this.send(worker);
      } else {
        const cause = Object.assign(new Error(message.message), { stack: message.stack });
        this.fail(new Error(`extraction failed on ${message.file}: ${message.message}`, { cause }));
      }
    });
    worker.on('error', (error) => this.fail(new Error(`an extraction worker failed: ${error.message}`, { cause: error })));
    worker.on('messageerror', (error) => this.fail(new Error(`an extraction worker sent a message that could not be read: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => this.fail(new Error(`an extraction worker stopped (exit code ${code}) before its articles were done`)));
  }

  private send(worker: Worker): void {
    if (this.over || this.next >= this.batches) return;
    const batch = this.take();
    worker.postMessage({ batch, jobs: this.out.get(batch)! } satisfies ToWorker);
  }

  /** The next batch, its jobs made now. */
  private take(): number {
    const batch = this.next++;
    const jobs: ExtractionJob[] = [];
    for (let index = batch * this.size; index < Math.min(this.count, (batch + 1) * this.size); index++) jobs.push(this.jobAt(index));
    this.out.set(batch, jobs);
    return batch;
  }

  private complete(batch: number, results: readonly PackedResult[]): void {
    const jobs = this.out.get(batch);
    // Answered already, by this thread or another worker.
    if (!jobs) return;
    this.out.delete(batch);
    try {
      for (let k = 0; k < results.length; k++) this.options.onResult(batch * this.size + k, results[k]!, jobs[k]!);
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (++this.answered === this.batches && !this.over) {
      this.over = true;
      this.settle.resolve();
    }
  }

  private fail(error: Error): void {
    if (this.over) return;
    this.over = true;
    this.settle.reject(error);
  }
}

/*
 * Chronicle's TypeScript runs through tsx, registered in the main thread by bin/chronicle.js (or
 * by `--import tsx`). A worker thread starts without that loader, so it registers tsx itself
 * before importing the worker module. The extractors' own libraries are plain JavaScript: loaded
 * first, by Node alone, they skip tsx's hooks, which cut a worker's start from 0.55 s to 0.37 s.
 * (A library missing from this list still loads, through the hooks.)
 */
const LIBRARIES = ['chrono-node', 'compromise', 'luxon'].map((name) => import.meta.resolve(name));
const BOOT = `Promise.all(${JSON.stringify(LIBRARIES)}.map((library) => import(library)))
  .then(() => import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}))
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./extract-worker.ts', import.meta.url).href)}); });`;
