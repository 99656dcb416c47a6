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
  onResult: (index: number, packed: PackedResult, job: ExtractionJob) => void;
  /**
   * Extracts one article in this thread. When given, this thread takes batches itself until every
   * worker is ready: loading the extractors takes a worker most of a second.
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
export async function extractInWorkers(count: number, jobAt: (index: number) => ExtractionJob, { workers, registry, helper, onResult }: PoolOptions): Promise<void> {
  if (count === 0) return;
  const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(count / (workers * 8))));
  const batches = Math.ceil(count / size);
  const inFlight = new Map<number, ExtractionJob[]>();
  const take = (batch: number) => {
    const jobs: ExtractionJob[] = [];
    for (let index = batch * size; index < Math.min(count, (batch + 1) * size); index++) jobs.push(jobAt(index));
    inFlight.set(batch, jobs);
    return jobs;
  };
  let next = 0;
  let finished = 0;
  let ready = 0;
  let over = false;
  let settle!: { resolve: () => void; reject: (error: Error) => void };
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  // Awaited below; this keeps a failure that lands while this thread is extracting from going unhandled.
  done.catch(() => {});

  const fail = (error: Error) => {
    if (over) return;
    over = true;
    settle.reject(error);
  };
  const complete = (batch: number, results: readonly PackedResult[]) => {
    const jobs = inFlight.get(batch) ?? [];
    inFlight.delete(batch);
    try {
      for (let k = 0; k < results.length; k++) onResult(batch * size + k, results[k]!, jobs[k]!);
    } catch (error) {
      fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (++finished === batches && !over) {
      over = true;
      settle.resolve();
    }
  };
  const send = (worker: Worker) => {
    if (over || next >= batches) return;
    const batch = next++;
    worker.postMessage({ batch, jobs: take(batch) } satisfies ToWorker);
  };

  const threads: Worker[] = [];
  for (let i = 0; i < workers; i++) {
    const worker = new Worker(BOOT, { eval: true, workerData: { registry } });
    threads.push(worker);
    worker.on('message', (message: ToPool) => {
      if (over) return;
      if (message.type === 'ready') {
        ready++;
        for (let k = 0; k < IN_FLIGHT; k++) send(worker);
      } else if (message.type === 'done') {
        complete(message.batch, message.results);
        send(worker);
      } else {
        fail(new Error(`extraction failed on ${message.file}: ${message.message}`, { cause: Object.assign(new Error(message.message), { stack: message.stack }) }));
      }
    });
    worker.on('error', (error) => fail(new Error(`an extraction worker failed: ${error.message}`, { cause: error })));
    worker.on('messageerror', (error) => fail(new Error(`an extraction worker sent a message that could not be read: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => fail(new Error(`an extraction worker stopped (exit code ${code}) before its articles were done`)));
  }

  try {
    while (helper && !over && next < batches && ready < workers) {
      const batch = next++;
      const results: PackedResult[] = [];
      for (const job of take(batch)) {
        try {
          results.push(helper(job));
        } catch (error) {
          throw new Error(`extraction failed on ${job.file}: ${(error as Error).message}`, { cause: error });
        }
      }
      complete(batch, results);
      // Lets the workers' messages in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await done;
  } finally {
    over = true;
    await Promise.all(threads.map((worker) => worker.terminate()));
  }
}

/*
 * Chronicle's TypeScript runs through tsx, registered in the main thread by bin/chronicle.js (or
 * by `--import tsx`). A worker thread starts without that loader, so it registers tsx itself
 * before importing the worker module.
 */
const BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./extract-worker.ts', import.meta.url).href)}); });`;
