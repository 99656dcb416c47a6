import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A full garbage collection, where the engine allows it. Between render shards, the pages of the
 * shard just written are garbage, but V8 collects lazily up to its heap limit: measured at 10,000
 * articles in 20 shards, the process reached 2.6 GB without it and 1.2 GB with it (at some 8 s of
 * collecting), while Pagefind, a separate process with its own memory, indexed beside it. Node
 * only exposes `gc` under --expose-gc; setting the flag at run time and fetching `gc` from a fresh
 * context is the usual way to reach it from a program started without it (`node bin/chronicle.js`).
 * Node warns that flags set after start-up may not take effect; if `gc` is not there, nothing is
 * collected early and the build only uses more memory.
 */
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as (() => void) | undefined;

export function collectGarbage(): void {
  gc?.();
}

/** Garbage since the last collection, as a share of what that collection left, that calls for the next one. */
const GROWTH_BEFORE_COLLECTING = 0.5;

/**
 * Returns what to call after each render run: a full collection once the runs since the last one
 * have left at least half as much garbage as there is live heap, and nothing before that.
 *
 * A full collection walks the whole live heap, which is mostly the archive, to free one run's
 * pages. Collecting after every run made the render stage grow faster than the archive: at 10,000
 * stories a run's pages are more than the live heap and a collection takes 0.1 s; at 100,000 they
 * are a seventh of it (170 of 1,160 MB) and a collection takes 0.7–0.9 s, 200 times. With the
 * garbage allowed to grow with the heap, the collecting done per page stays the same at any size.
 * The price is memory: the garbage of several runs waits for its collection, and the peak of a
 * 100,000-story build rose from 3,381 to 3,686–3,785 MiB (BENCHMARKS.md).
 */
export function collectorOfRuns(usedHeap: () => number = () => v8.getHeapStatistics().used_heap_size, collect: () => void = collectGarbage): () => void {
  let live = usedHeap();
  return () => {
    if (usedHeap() - live < live * GROWTH_BEFORE_COLLECTING) return;
    collect();
    live = usedHeap();
  };
}
