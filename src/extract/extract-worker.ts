import { parentPort, workerData } from 'node:worker_threads';
import { extractPacked, type ExtractionJob, type ToPool, type ToWorker } from './worker-pool.ts';
import { buildRegistryIndex, type RegistryEntry } from './registry-index.ts';

/*
 * One extraction thread: it builds the registry index once, then extracts the batches of articles
 * the pool sends and answers each with its packed results in the same order. Started by worker-pool.ts.
 */

const port = parentPort!;
const index = buildRegistryIndex((workerData as { registry: RegistryEntry[] }).registry);

port.on('message', ({ batch, jobs }: ToWorker) => {
  let current: ExtractionJob | undefined;
  try {
    const results = jobs.map((job) => extractPacked((current = job), index));
    port.postMessage({ type: 'done', batch, results } satisfies ToPool);
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ type: 'failed', batch, file: current?.file ?? '', message, stack: stack ?? '' } satisfies ToPool);
  }
});

port.postMessage({ type: 'ready' } satisfies ToPool);
